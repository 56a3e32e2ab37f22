import type { AuthenticationClient } from '@authing-kit/client'

import { useAuthingContext } from '../context.js'

/**
 * The provider's AuthenticationClient, for calls no hook covers (bindPhone, getUdfValue, …).
 * Session changes it makes reach every hook.
 *
 * @example
 * const authing = useAuthingClient()
 * await authing.bindEmail(email, code)
 */
export function useAuthingClient(): AuthenticationClient {
  return useAuthingContext('useAuthingClient').runtime.client
}
