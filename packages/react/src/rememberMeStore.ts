import { createMemoryStore, type TokenStore } from '@authing-kit/client'

/** Where the session lives: `local` survives the browser, `session` only this tab, `memory` only this page. */
export type SessionStorageKind = 'local' | 'session' | 'memory'

/** A TokenStore over `localStorage` and `sessionStorage` that writes where the last login asked. */
export interface RememberMeStore extends TokenStore {
  /** Where the session is kept right now. */
  readonly kind: SessionStorageKind
  /** Where writes go from now on: `local` for remember-me, `session` otherwise. */
  use(kind: 'local' | 'session'): void
}

/**
 * The remember-me router the provider hands to its client: one TokenStore, two browser storages.
 * A write lands in the chosen storage and removes the same key from the other, so a session never
 * lives in both. Storage that is missing (server render) or throws (blocked site data, quota) sends
 * everything to memory for the rest of the page: logins keep working, they just are not remembered.
 */
export function createRememberMeStore(appId: string, rememberMe: boolean): RememberMeStore {
  const tokenKey = `authing-kit:${appId}:token`
  let memory: TokenStore | null = null
  let active: 'local' | 'session' = rememberMe ? 'local' : 'session'
  const storages = openStorages()
  if (!storages) memory = createMemoryStore()

  function guard<T>(operation: (local: Storage, session: Storage) => T, onMemory: (store: TokenStore) => T): T {
    if (memory || !storages) return onMemory((memory ??= createMemoryStore()))
    try {
      return operation(storages.local, storages.session)
    } catch (error) {
      console.warn('[authing-kit] browser storage failed; the session is kept in memory for this page only', error)
      memory = createMemoryStore()
      return onMemory(memory)
    }
  }

  // This tab's sessionStorage wins over localStorage: it can only hold a login made in this tab.
  guard(
    (local, session) => {
      if (session.getItem(tokenKey) !== null) active = 'session'
      else if (local.getItem(tokenKey) !== null) active = 'local'
    },
    () => undefined,
  )

  const pick = (local: Storage, session: Storage): [Storage, Storage] => (active === 'local' ? [local, session] : [session, local])

  return {
    get kind(): SessionStorageKind {
      return memory ? 'memory' : active
    },
    use(kind) {
      active = kind
    },
    getItem: (key) =>
      guard(
        (local, session) => pick(local, session)[0].getItem(key),
        (store) => store.getItem(key),
      ),
    setItem: (key, value) =>
      guard(
        (local, session) => {
          const [target, other] = pick(local, session)
          target.setItem(key, value)
          other.removeItem(key)
        },
        (store) => store.setItem(key, value),
      ),
    removeItem: (key) =>
      guard(
        (local, session) => {
          local.removeItem(key)
          session.removeItem(key)
        },
        (store) => store.removeItem(key),
      ),
  }
}

/** Both storages of a browser page, or null on a server or where opening them throws. */
export function openStorages(): { local: Storage; session: Storage } | null {
  if (typeof window === 'undefined' || typeof document === 'undefined') return null
  try {
    const { localStorage: local, sessionStorage: session } = window
    return local && session ? { local, session } : null
  } catch {
    return null
  }
}
