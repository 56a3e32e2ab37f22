import { type ApplicationPublicConfig, type AuthingError, isAuthingError } from '@authing-kit/client'
import { useEffect, useState } from 'react'

import { useAuthingContext } from '../context.js'

export interface UsePublicConfigResult {
  /** The app's public config (login tabs, agreements, password rules, captcha policy…); null until loaded. */
  config: ApplicationPublicConfig | null
  isLoading: boolean
  error: AuthingError | null
}

/**
 * The application's public config (`GET /api/v2/applications/{appId}/public-config`); it needs no
 * login. The client reads it once and shares it, so every caller costs one request in all (no
 * react-query here: a login form that only reads this does not ship a query cache).
 *
 * @example
 * const { config } = usePublicConfig()
 * const agreements = config ? agreementsFor(config, 'login', 'en-US') : []
 */
export function usePublicConfig({ enabled = true }: { enabled?: boolean } = {}): UsePublicConfigResult {
  const { client } = useAuthingContext('usePublicConfig').runtime
  const [state, setState] = useState<{ config: ApplicationPublicConfig | null; error: AuthingError | null }>({
    config: null,
    error: null,
  })
  useEffect(() => {
    if (!enabled) return
    let current = true
    client.getPublicConfig().then(
      (config) => current && setState({ config, error: null }),
      (error: unknown) => current && isAuthingError(error) && setState({ config: null, error }),
    )
    return () => {
      current = false
    }
  }, [client, enabled])
  return { ...state, isLoading: enabled && !state.config && !state.error }
}
