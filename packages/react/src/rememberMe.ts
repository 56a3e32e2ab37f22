import type { RememberMeStore } from './rememberMeStore.js'

/**
 * Runs a login whose session goes to localStorage (`rememberMe`) or sessionStorage. When it fails,
 * the current session stays where it was, so a later write does not split it across the two.
 */
export async function withRememberMe<T>(
  router: RememberMeStore | null,
  rememberMe: boolean,
  login: () => Promise<T>,
): Promise<T> {
  if (!router) return login()
  const previous = router.kind
  router.use(rememberMe ? 'local' : 'session')
  try {
    return await login()
  } catch (error) {
    if (previous !== 'memory') router.use(previous)
    throw error
  }
}
