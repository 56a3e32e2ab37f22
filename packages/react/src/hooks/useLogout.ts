import type { AuthingError } from '@authing-kit/client'
import { useCallback } from 'react'

import { useAuthingMutation } from './useAuthingMutation.js'

export interface UseLogoutResult {
  /** Logs out. The local session ends even when the server cannot be reached (then this rejects). */
  logout(): Promise<void>
  isPending: boolean
  error: AuthingError | null
  reset(): void
}

/**
 * Logs out, with its own pending and error state (`useAuth().logout` is the fire-and-forget form).
 * Everything cached for the user is dropped, here and in the other tabs.
 *
 * @example
 * const { logout, isPending } = useLogout()
 */
export function useLogout(): UseLogoutResult {
  const { run, isPending, error, reset } = useAuthingMutation<void, void>('useLogout', ({ client }) => client.logout())
  const logout = useCallback(() => run(), [run])
  return { logout, isPending, error, reset }
}
