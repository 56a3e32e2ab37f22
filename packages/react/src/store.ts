import type { AuthenticationClient, AuthingError, AuthSnapshot, User } from '@authing-kit/client'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SessionStorageKind } from './rememberMeStore.js'

/** `loading` = not known yet: only while a server render is hydrated. */
export type AuthStatus = 'loading' | 'authenticated' | 'anonymous'

/** What `useAuth()` returns: the session as the UI shows it. */
export interface AuthState {
  status: AuthStatus
  isAuthenticated: boolean
  user: User | null
  /** The id_token of the session (send it to your own API as a Bearer token). */
  idToken: string | null
  /** Where the session is remembered. */
  storage: SessionStorageKind
  /** The last background failure (revalidation, refresh, logout); cleared by the next session change. */
  error: AuthingError | null
  /** Logs out: local state is cleared even when the server cannot be reached (then `error` is set). */
  logout: () => Promise<void>
}

/** A provider's store: zustand vanilla, one per provider, fed by the client's session. */
export interface AuthStore extends StoreApi<AuthState> {
  /** The state a server render and hydration see (status `loading`), the same object every time. */
  getServerState(): AuthState
  /** Follows the client's session until the returned function is called. */
  connect(): () => void
  /** Exposes a failure that did not end the session. */
  setError(error: AuthingError): void
}

/** Creates the store of one provider, already holding the client's current (restored) session. */
export function createAuthStore(client: AuthenticationClient, storageKind: () => SessionStorageKind): AuthStore {
  const logout = async (): Promise<void> => {
    try {
      await client.logout()
    } catch (error) {
      // The local session is gone either way; the failure only says the server may still know the token.
      store.setState({ error: error as AuthingError })
    }
  }
  const fromSession = ({ user, token }: AuthSnapshot): Omit<AuthState, 'logout' | 'error'> => ({
    status: token ? 'authenticated' : 'anonymous',
    isAuthenticated: token !== null,
    user,
    idToken: token,
    storage: storageKind(),
  })
  const store = createStore<AuthState>(() => ({ ...fromSession(client.getSnapshot()), error: null, logout }))
  const serverState: AuthState = Object.freeze({
    status: 'loading',
    isAuthenticated: false,
    user: null,
    idToken: null,
    storage: 'memory',
    error: null,
    logout,
  })

  const follow = (snapshot: AuthSnapshot) => {
    const current = store.getState()
    const next = fromSession(snapshot)
    const sessionChanged = next.idToken !== current.idToken || next.user !== current.user
    if (!sessionChanged && next.storage === current.storage) return
    store.setState(sessionChanged ? { ...next, error: null } : next)
  }

  return Object.assign(store, {
    getServerState: () => serverState,
    connect: () => {
      follow(client.getSnapshot())
      return client.subscribe(follow)
    },
    setError: (error: AuthingError) => store.setState({ error }),
  })
}
