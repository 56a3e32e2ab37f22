import { useCallback } from 'react'

import { useAuthingContext } from '../context.js'
import { takeReturnTo } from '../returnTo.js'

/**
 * For the login page: a function that gives the page `<RequireAuth>` sent the user away from
 * (and forgets it), else `fallback`. Only same-origin paths come back. Works with any router.
 *
 * @example
 * const consumeReturnTo = useReturnTo()
 * await login('username', { username, password })
 * navigate(consumeReturnTo('/'))
 */
export function useReturnTo(): (fallback?: string) => string {
  const appId = useAuthingContext('useReturnTo').runtime.client.appId
  return useCallback((fallback = '/') => takeReturnTo(appId) ?? fallback, [appId])
}
