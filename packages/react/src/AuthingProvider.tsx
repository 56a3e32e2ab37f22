import type { AuthenticationClient, AuthenticationClientOptions } from '@authing-kit/client'
import type { QueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useMemo, useRef } from 'react'

import { AuthingContext, type AuthingContextValue } from './context.js'
import type { RedirectProps } from './redirectOptions.js'
import { type AuthingRuntime, createAuthingRuntime } from './runtime.js'

/** Client options the provider passes on when it builds the client (`onError`: every failed call). */
type ClientProps = Pick<
  AuthenticationClientOptions,
  'timeout' | 'onError' | 'encPublicKey' | 'lang' | 'fetch' | 'allowInsecureHttp'
>

interface CommonProviderProps extends ClientProps, RedirectProps {
  /** Whether a login is remembered across browser sessions (localStorage) or only this tab's (sessionStorage). Defaults to true; `useLogin` can override it per login. */
  rememberMe?: boolean
  /** Calls `refreshToken` shortly before the token expires instead of ending the session. Defaults to false. */
  autoRefresh?: boolean
  /** The app's QueryClient. Defaults to the one of an enclosing `QueryClientProvider`, else one of the provider's own. */
  queryClient?: QueryClient
  children?: ReactNode
}

interface ProviderWithAppProps extends CommonProviderProps {
  /** The application's id (console → Applications → App ID). */
  appId: string
  /** The application's domain, e.g. `https://my-app.authing.cn`. Defaults to `https://core.authing.cn`. */
  appHost?: string
  client?: undefined
}

interface ProviderWithClientProps extends CommonProviderProps {
  /** A client you built yourself (its own options, token store and onError apply). */
  client: AuthenticationClient
  appId?: undefined
  appHost?: undefined
}

export type AuthingProviderProps = ProviderWithAppProps | ProviderWithClientProps

/**
 * Makes Authing available to the hooks below it: one AuthenticationClient and one auth store per
 * provider (never two, even in StrictMode). A remembered session is restored synchronously, so a
 * client-rendered app is authenticated in its first render; the server then confirms it in the background.
 *
 * The client is built once, from the first render's props: remount with a `key` to change `appId`
 * (the redirect props too are read once).
 *
 * On a login callback URL (`?code=&state=` of a `loginWithRedirect` of this tab), the status is
 * `loading` while the code is exchanged (once, whatever the number of mounts), then the user is
 * logged in and `onRedirectCallback` runs; a callback this tab did not start is refused (`invalid_state`).
 *
 * @example
 * <AuthingProvider appId="62a0f0a9…" appHost="https://my-app.authing.cn">
 *   <App />
 * </AuthingProvider>
 */
export function AuthingProvider(props: AuthingProviderProps): ReactNode {
  const { children, queryClient, rememberMe = true, lang } = props
  const onErrorRef = useRef(props.onError)
  const runtimeRef = useRef<AuthingRuntime | null>(null)
  if (runtimeRef.current === null)
    runtimeRef.current = createRuntime(props, rememberMe, (...args) => onErrorRef.current?.(...args))
  const runtime = runtimeRef.current

  useEffect(() => {
    onErrorRef.current = props.onError
  })
  useEffect(() => runtime.start(), [runtime])
  useEffect(() => {
    if (lang) runtime.client.setLang(lang)
  }, [runtime, lang])

  const value = useMemo<AuthingContextValue>(
    () => ({ runtime, queryClient, rememberMe }),
    [runtime, queryClient, rememberMe],
  )
  return <AuthingContext.Provider value={value}>{children}</AuthingContext.Provider>
}

function createRuntime(
  props: AuthingProviderProps,
  rememberMe: boolean,
  onError: NonNullable<ClientProps['onError']>,
): AuthingRuntime {
  const { autoRefresh = false, redirectUri, onRedirectCallback, skipRedirectCallback, openUrl } = props
  const redirect = defined({ redirectUri, onRedirectCallback, skipRedirectCallback, openUrl })
  if (props.client) return createAuthingRuntime({ client: props.client, rememberMe, autoRefresh, redirect })
  const { appId, appHost, timeout, encPublicKey, lang, fetch, allowInsecureHttp } = props
  return createAuthingRuntime({
    appId,
    rememberMe,
    autoRefresh,
    redirect,
    onError,
    ...defined({ appHost, timeout, encPublicKey, lang, fetch, allowInsecureHttp }),
  })
}

/** Drops undefined options (exactOptionalPropertyTypes: an absent option is not an undefined one). */
function defined<T extends object>(options: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}
