import type { ComponentType, ReactNode } from 'react'

import { RequireAuth, type RequireAuthOptions } from './components/RequireAuth.js'

/**
 * Wraps a page component so that it renders only for a logged-in user: `<RequireAuth>` as a
 * higher-order component, with the same options.
 *
 * @example
 * export default withAuthenticationRequired(OrdersPage, { redirectTo: '/login' })
 */
export function withAuthenticationRequired<P extends object>(
  Component: ComponentType<P>,
  options: RequireAuthOptions = {},
): ComponentType<P> {
  function WithAuthenticationRequired(props: P): ReactNode {
    return (
      <RequireAuth {...options}>
        <Component {...props} />
      </RequireAuth>
    )
  }
  WithAuthenticationRequired.displayName = `withAuthenticationRequired(${Component.displayName || Component.name || 'Component'})`
  return WithAuthenticationRequired
}
