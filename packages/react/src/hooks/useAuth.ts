import { useSyncExternalStore } from 'react'

import { useAuthingContext } from '../context.js'
import type { AuthState } from '../store.js'

/**
 * The session: `{ status, isAuthenticated, user, idToken, storage, logout, loginWithRedirect, error }`.
 * With a selector, the component re-renders only when the selected value changes (return a
 * primitive or a value from the state, not a new object). A server render and hydration see
 * `status: 'loading'`, and so does a login callback page until its code is exchanged.
 *
 * @example
 * const { isAuthenticated, user, logout, loginWithRedirect } = useAuth()
 * const nickname = useAuth((auth) => auth.user?.nickname)
 */
export function useAuth<T>(selector: (state: AuthState) => T): T
// Last, so that `ReturnType<typeof useAuth>` is AuthState.
export function useAuth(): AuthState
export function useAuth<T>(selector?: (state: AuthState) => T): T | AuthState {
  const { store } = useAuthingContext('useAuth').runtime
  const select = selector ?? ((state: AuthState) => state)
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getState()),
    () => select(store.getServerState()),
  )
}
