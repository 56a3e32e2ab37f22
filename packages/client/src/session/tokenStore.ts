/**
 * Where the session is remembered: anything with the `Storage` methods, so `localStorage`,
 * `sessionStorage` or a custom store (cookies, React Native's AsyncStorage wrapped sync, …) plug in.
 */
export interface TokenStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** A store that forgets everything when the process (or tab) ends; the default outside browsers. */
export function createMemoryStore(): TokenStore {
  const values = new Map<string, string>()
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  }
}

/**
 * The default store: `localStorage` in a browser page, memory elsewhere. Only a real page counts
 * (`window` and `document`): Node ≥ 22 has a global `localStorage` shared by every request of a
 * server, where one user's token would leak into another's.
 */
export function defaultTokenStore(): TokenStore {
  if (typeof window === 'undefined' || typeof document === 'undefined') return createMemoryStore()
  try {
    const storage = window.localStorage
    return storage ?? createMemoryStore()
  } catch {
    // Opening localStorage throws where the user blocked site data.
    return createMemoryStore()
  }
}

/**
 * Wraps a store so that a failing one (quota exceeded, storage disabled, private mode) degrades to
 * memory instead of failing a login: the session then lasts as long as the page, and nothing is lost.
 * What the failing store still holds must not outlive the session either: a removal (logout) and a
 * write that failed are also tried on it, so the next page load cannot restore a token logged out of.
 */
export function withMemoryFallback(store: TokenStore): TokenStore {
  let memory: TokenStore | null = null
  let warned = false
  const fallBack = (error: unknown) => {
    if (!warned) {
      warned = true
      console.warn('[authing-kit] the token store failed; the session is kept in memory for this page only', error)
    }
    return (memory ??= createMemoryStore())
  }
  return {
    getItem(key) {
      if (memory) return memory.getItem(key)
      try {
        return store.getItem(key)
      } catch (error) {
        return fallBack(error).getItem(key)
      }
    },
    setItem(key, value) {
      if (memory) return memory.setItem(key, value)
      try {
        store.setItem(key, value)
      } catch (error) {
        fallBack(error).setItem(key, value)
        // A quota error still lets the old value go: left there, it would be the next page's session.
        removeQuietly(store, key)
      }
    },
    removeItem(key) {
      if (!memory) {
        try {
          return store.removeItem(key)
        } catch (error) {
          fallBack(error)
        }
      }
      memory?.removeItem(key)
      removeQuietly(store, key)
    },
  }
}

// Best effort on a store that already failed: a store refusing even removals cannot be read back either.
function removeQuietly(store: TokenStore, key: string): void {
  try {
    store.removeItem(key)
  } catch {
    // Nothing more can be done with a store that refuses removals.
  }
}
