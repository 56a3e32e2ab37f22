import type { AuthenticationClient, AuthingError, AuthSnapshot, User } from '@authing-kit/client'
import { createStore, type StoreApi } from 'zustand/vanilla'

import { type HandlerEvent, type LoginWithRedirectOptions, type LogoutOptions, optionsOf } from './redirectOptions.js'
import type { SessionStorageKind } from './rememberMeStore.js'

/** `loading` = not known yet: while a server render is hydrated, and while a login callback is handled. */
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
  /**
   * Logs out: local state is cleared even when the server cannot be reached (then `error` is set).
   * `{ federated: true }` then sends the browser to the hosted logout, ending its session too.
   */
  logout: (options?: LogoutOptions | HandlerEvent) => Promise<void>
  /**
   * Sends the browser to the hosted login page (OIDC code flow with PKCE). Back on the callback
   * URL, the provider exchanges the code and the user is logged in (`status` is `loading` meanwhile).
   * Rejects (nothing happened) when the login cannot start.
   */
  loginWithRedirect: (options?: LoginWithRedirectOptions | HandlerEvent) => Promise<void>
}

/** What the store needs of the hosted login by redirect (see runtime.ts). */
export interface RedirectActions {
  loginWithRedirect(options?: LoginWithRedirectOptions): Promise<void>
  /** Sends the browser to the hosted logout for the session's id_token. */
  federatedLogout(idToken: string | null, returnTo: string | undefined): Promise<void>
  /** Whether this page is a login callback still to be handled (status `loading` until `endCallback`). */
  callbackPending: boolean
}

/** A provider's store: zustand vanilla, one per provider, fed by the client's session. */
export interface AuthStore extends StoreApi<AuthState> {
  /** The state a server render and hydration see (status `loading`), the same object every time. */
  getServerState(): AuthState
  /** Follows the client's session until the returned function is called. */
  connect(): () => void
  /** Exposes a failure that did not end the session. */
  setError(error: AuthingError): void
  /** The login callback is handled: the status follows the session again, with the callback's failure if any. */
  endCallback(error: AuthingError | null): void
}

/** Creates the store of one provider, already holding the client's current (restored) session. */
export function createAuthStore(
  client: AuthenticationClient,
  storageKind: () => SessionStorageKind,
  redirect: RedirectActions,
): AuthStore {
  let callbackPending = redirect.callbackPending
  const logout = async (event?: LogoutOptions | HandlerEvent): Promise<void> => {
    const options = optionsOf(event)
    const idToken = client.getSnapshot().token
    try {
      await client.logout()
    } catch (error) {
      // The local session is gone either way; the failure only says the server may still know the token.
      store.setState({ error: error as AuthingError })
    }
    if (options?.federated === true) await redirect.federatedLogout(idToken, options.returnTo)
  }
  const loginWithRedirect = (options?: LoginWithRedirectOptions | HandlerEvent) =>
    redirect.loginWithRedirect(optionsOf(options))
  const fromSession = ({ user, token }: AuthSnapshot): Omit<AuthState, 'logout' | 'loginWithRedirect' | 'error'> => ({
    status: callbackPending ? 'loading' : token ? 'authenticated' : 'anonymous',
    isAuthenticated: !callbackPending && token !== null,
    user,
    idToken: token,
    storage: storageKind(),
  })
  const store = createStore<AuthState>(() => ({
    ...fromSession(client.getSnapshot()),
    error: null,
    logout,
    loginWithRedirect,
  }))
  const serverState: AuthState = Object.freeze({
    status: 'loading',
    isAuthenticated: false,
    user: null,
    idToken: null,
    storage: 'memory',
    error: null,
    logout,
    loginWithRedirect,
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
    endCallback: (error: AuthingError | null) => {
      callbackPending = false
      store.setState({ ...fromSession(client.getSnapshot()), error })
    },
  })
}
