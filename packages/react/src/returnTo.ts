/**
 * The page a guard sent to the login page, kept in this tab's sessionStorage (per app) so the
 * login page can send the user back after a full-page redirect. Only same-origin paths are kept
 * and given back: a crafted `returnTo` must not turn the login page into an open redirect.
 */

const returnToKey = (appId: string) => `authing-kit:${appId}:returnTo`

/** The current page as a path (`/orders?page=2#top`), or null outside a browser. */
export function currentPath(): string | null {
  if (typeof window === 'undefined' || !window.location) return null
  const { pathname, search, hash } = window.location
  return `${pathname}${search}${hash}`
}

// Any origin serves to resolve a path when there is no page (a server render): only the comparison counts.
const fallbackOrigin = 'https://return-to.invalid'

/**
 * True for a path on this origin. Decided by resolving it as the browser will (against the page's
 * origin) and comparing origins, not by its first characters: URL parsers drop tabs and newlines and
 * read `\` as `/`, so `"/\t/evil.com"` and `"/\\evil.com"` look like paths but lead to another host.
 * Control characters are refused outright, since what the user would be sent to is not what was checked.
 */
export function isSameOriginPath(path: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!path.startsWith('/') || /[\u0000-\u001f\u007f]/.test(path)) return false
  const pageOrigin = typeof window !== 'undefined' && window.location ? window.location.origin : 'null'
  const origin = pageOrigin === 'null' ? fallbackOrigin : pageOrigin
  try {
    return new URL(path, origin).origin === origin
  } catch {
    return false
  }
}

export function rememberReturnTo(appId: string, path: string): void {
  if (!isSameOriginPath(path)) return
  withSessionStorage((storage) => storage.setItem(returnToKey(appId), path))
}

/** The remembered page, removed so that it is used once; null when none (or not a same-origin path). */
export function takeReturnTo(appId: string): string | null {
  const path = withSessionStorage((storage) => {
    const value = storage.getItem(returnToKey(appId))
    storage.removeItem(returnToKey(appId))
    return value
  })
  return path && isSameOriginPath(path) ? path : null
}

// Blocked site data or a server render: the page simply is not remembered.
function withSessionStorage<T>(read: (storage: Storage) => T): T | null {
  try {
    return typeof window === 'undefined' || !window.sessionStorage ? null : read(window.sessionStorage)
  } catch {
    return null
  }
}
