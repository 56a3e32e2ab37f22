import { type ReactNode, useEffect, useRef } from 'react'

import { useAuthingContext } from '../context.js'
import { useAuth } from '../hooks/useAuth.js'
import { currentPath, rememberReturnTo } from '../returnTo.js'

export interface RequireAuthOptions {
  /**
   * Shown while the session is not known yet (a server render and its hydration), and to an
   * anonymous user when there is no `redirectTo` (or while the redirect happens). Defaults to null.
   */
  fallback?: ReactNode
  /**
   * Where an anonymous user is sent: a URL, or a function of the page they asked for, e.g.
   * `(returnTo) => '/login?next=' + encodeURIComponent(returnTo)`. Without it, `fallback` is shown.
   */
  redirectTo?: string | ((returnTo: string) => string)
  /** Performs the redirect; defaults to `window.location.assign`. Pass your router's `navigate`. */
  onRedirect?: (url: string) => void
  /** The page to come back to after login (a same-origin path); defaults to the current path, query and hash. */
  returnTo?: string
}

export interface RequireAuthProps extends RequireAuthOptions {
  children?: ReactNode
}

/**
 * Renders its children only for a logged-in user. A remembered session is known in the first
 * client render, so a returning user never sees the fallback. An anonymous user is sent to
 * `redirectTo`, and the page they asked for is remembered for `useReturnTo()` on the login page.
 *
 * @example
 * <RequireAuth fallback={<Spinner />} redirectTo="/login" onRedirect={navigate}>
 *   <Orders />
 * </RequireAuth>
 */
export function RequireAuth({ children, fallback = null, ...redirect }: RequireAuthProps): ReactNode {
  const { runtime } = useAuthingContext('RequireAuth')
  const status = useAuth((auth) => auth.status)
  const latest = useRef(redirect)
  // Once per anonymous spell: StrictMode runs effects twice, and a router's navigate must not push twice.
  const redirected = useRef(false)
  const willRedirect = redirect.redirectTo !== undefined

  useEffect(() => {
    latest.current = redirect
  })
  useEffect(() => {
    if (status !== 'anonymous') {
      redirected.current = false
      return
    }
    const { redirectTo, onRedirect = assignLocation, returnTo } = latest.current
    if (redirectTo === undefined || redirected.current) return
    redirected.current = true
    const page = returnTo ?? currentPath() ?? '/'
    rememberReturnTo(runtime.client.appId, page)
    onRedirect(typeof redirectTo === 'function' ? redirectTo(page) : redirectTo)
  }, [status, willRedirect, runtime])

  return status === 'authenticated' ? children : fallback
}

function assignLocation(url: string): void {
  window.location.assign(url)
}
