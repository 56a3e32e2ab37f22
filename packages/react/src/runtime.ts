import {
  appIssuer,
  AuthenticationClient,
  type AuthenticationClientOptions,
  AuthingError,
  isAuthingError,
  isRestorableSession,
} from '@authing-kit/client'

import { createQueryBridge, type QueryBridge, syncQueryCaches } from './queryBridge.js'
import { profileQueryOptions } from './queryKeys.js'
import { callbackParams, type RedirectProps } from './redirectOptions.js'
import {
  createRememberMeStore,
  openStorages,
  type RememberMeStore,
  type SessionStorageKind,
} from './rememberMeStore.js'
import { watchSessionExpiry } from './sessionExpiry.js'
import { type AuthStore, createAuthStore } from './store.js'
import { connectTabSync } from './tabSync.js'

export interface AuthingRuntimeOptions extends Omit<AuthenticationClientOptions, 'tokenStore' | 'token' | 'appId'> {
  appId?: string
  client?: AuthenticationClient
  rememberMe: boolean
  autoRefresh: boolean
  redirect?: RedirectProps
}

/** Everything one provider owns; built once per provider instance, shared through context. */
export interface AuthingRuntime {
  readonly client: AuthenticationClient
  readonly store: AuthStore
  /** The remember-me router, when the provider built the client (a prebuilt client keeps its own store). */
  readonly router: RememberMeStore | null
  readonly queryBridge: QueryBridge
  /** Starts subscriptions, timers and tab sync (an effect); returns their cleanup. */
  start(): () => void
}

/**
 * Builds the client (or adopts the given one), checks the remembered session synchronously, and
 * the store that shows it. Nothing here touches the network: the background revalidation of a
 * restored session starts with `start()`, at most once per runtime (StrictMode starts twice).
 */
export function createAuthingRuntime(options: AuthingRuntimeOptions): AuthingRuntime {
  const { client: given, rememberMe, autoRefresh, redirect = {}, ...clientOptions } = options
  let router: RememberMeStore | null = null
  let client: AuthenticationClient
  if (given) {
    client = given
  } else {
    if (!clientOptions.appId)
      throw new AuthingError('config', '<AuthingProvider> needs an appId (or a prebuilt client)')
    router = createRememberMeStore(clientOptions.appId, rememberMe)
    // A page is a public client: it proves itself to the token endpoint with PKCE, never a secret.
    client = new AuthenticationClient({
      tokenEndPointAuthMethod: 'none',
      ...clientOptions,
      appId: clientOptions.appId,
      tokenStore: router,
    })
  }
  const appId = clientOptions.appId ?? client.appId
  const restored = client.getSnapshot()
  // Only an app's own domain names its tokens' issuer; the shared default server leaves `aud` to tell the app.
  const issuer = appIssuer(client.appHost)
  if (restored.token && !isRestorableSession(restored, appId, { requireUser: !given, issuer })) client.setToken(null)
  const needsRevalidation = client.getSnapshot().token !== null

  const storageKind = (): SessionStorageKind => router?.kind ?? defaultStorageKind()
  const callback = redirect.skipRedirectCallback ? null : callbackParams()
  const flow = () => import('./redirectFlow.js')
  const redirectContext = { client, appId, props: redirect }
  const store = createAuthStore(client, storageKind, {
    callbackPending: callback !== null,
    loginWithRedirect: async (loginOptions = {}) => (await flow()).startRedirectLogin(redirectContext, loginOptions),
    federatedLogout: async (idToken, returnTo) =>
      (await flow()).startFederatedLogout(redirectContext, idToken, returnTo),
  })
  const queryBridge = createQueryBridge()
  let revalidated = false
  let callbackStarted = false

  const revalidate = () => {
    const { user } = client.getSnapshot()
    const [queryClient] = queryBridge.clients
    const check =
      queryClient && user ? queryClient.fetchQuery(profileQueryOptions(client, user.id)) : client.getCurrentUser()
    // "Invalid" clears the session inside the client; anything else (offline, timeout) keeps it.
    check.catch((error: unknown) => {
      if (isAuthingError(error)) store.setError(error)
    })
  }

  return {
    client,
    store,
    router,
    queryBridge,
    start() {
      const stops = [
        store.connect(),
        syncQueryCaches(client, queryBridge),
        watchSessionExpiry(client, { autoRefresh, onRefreshError: store.setError }),
        appId ? connectTabSync(client, appId, router) : () => undefined,
      ]
      // Once per runtime: StrictMode starts twice, and the code can be exchanged once.
      if (callback && !callbackStarted) {
        callbackStarted = true
        void flow().then(
          ({ handleRedirectCallback }) => handleRedirectCallback(redirectContext, callback, store),
          (error: unknown) =>
            store.endCallback(
              new AuthingError('network_error', 'The code that handles the login callback could not be loaded', {
                cause: error,
              }),
            ),
        )
      }
      if (needsRevalidation && !revalidated) {
        revalidated = true
        revalidate()
      }
      return () => {
        for (const stop of stops) stop()
      }
    },
  }
}

/** What a prebuilt client uses by default: localStorage in a browser page, memory elsewhere. */
function defaultStorageKind(): SessionStorageKind {
  return openStorages() ? 'local' : 'memory'
}
