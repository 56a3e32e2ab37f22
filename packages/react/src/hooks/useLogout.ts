import type { AuthingError } from '@authing-kit/client'
import { useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useAuthingContext } from '../context.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useSingleFlight } from './useSingleFlight.js'

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
  const { runtime } = useAuthingContext('useLogout')
  const queryClient = useAuthingQueryClient('useLogout')
  const { mutateAsync, isPending, error, reset } = useMutation<void, AuthingError, void>({ mutationFn: () => runtime.client.logout() }, queryClient)
  const run = useSingleFlight(mutateAsync)
  const logout = useCallback(() => run(), [run])
  return { logout, isPending, error, reset }
}
