import { createMemoryStore, storageKeys, type TokenStore } from '@authing-kit/client'

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
  const tokenKey = storageKeys(appId).token
  let memory: TokenStore | null = null
  let active: 'local' | 'session' = rememberMe ? 'local' : 'session'
  const storages = openStorages()
  if (!storages) memory = createMemoryStore()

  function guard<T>(operation: (storages: BrowserStorages) => T, onMemory: (store: TokenStore) => T): T {
    if (memory || !storages) return onMemory((memory ??= createMemoryStore()))
    try {
      return operation(storages)
    } catch (error) {
      console.warn('[authing-kit] browser storage failed; the session is kept in memory for this page only', error)
      memory = createMemoryStore()
      return onMemory(memory)
    }
  }

  // A remembered session is found without opening sessionStorage at all: each storage a page opens
  // costs it a synchronous round trip to the browser process, paid before the first render. Both
  // hold a token only when this tab missed another tab's login (a discarded tab); the newer,
  // remembered one wins, as it would have had the tab been awake.
  guard(
    ({ local, session }) => {
      if (local.getItem(tokenKey) !== null) active = 'local'
      else if (session().getItem(tokenKey) !== null) active = 'session'
    },
    () => undefined,
  )

  const chosen = ({ local, session }: BrowserStorages): Storage => (active === 'local' ? local : session())
  const other = ({ local, session }: BrowserStorages): Storage => (active === 'local' ? session() : local)

  return {
    get kind(): SessionStorageKind {
      return memory ? 'memory' : active
    },
    use(kind) {
      active = kind
    },
    getItem: (key) =>
      guard(
        (storages) => chosen(storages).getItem(key),
        (store) => store.getItem(key),
      ),
    setItem: (key, value) =>
      guard(
        (storages) => {
          chosen(storages).setItem(key, value)
          other(storages).removeItem(key)
        },
        (store) => {
          store.setItem(key, value)
          // After a failed write the browser storages may still hold the previous value: the next page's session.
          removeEverywhere(storages, key)
        },
      ),
    // A logout reaches the browser storages even after they failed once and the session moved to
    // memory: a token left there would log the next page load back in.
    removeItem: (key) =>
      guard(
        ({ local, session }) => {
          local.removeItem(key)
          session().removeItem(key)
        },
        (store) => {
          store.removeItem(key)
          removeEverywhere(storages, key)
        },
      ),
  }
}

/** Removes `key` from each browser storage that lets it, ignoring the ones that refuse. */
function removeEverywhere(storages: BrowserStorages | null, key: string): void {
  if (!storages) return
  for (const storage of [() => storages.local, storages.session]) {
    try {
      storage().removeItem(key)
    } catch {
      // This one refuses even removals: it cannot be read back either.
    }
  }
}

/** A browser page's storages: localStorage, and sessionStorage opened on first use (it costs a round trip). */
export interface BrowserStorages {
  local: Storage
  /** This tab's sessionStorage; throws where the browser refuses it. */
  session(): Storage
}

/** The storages of a browser page, or null on a server or where localStorage is missing or refused. */
export function openStorages(): BrowserStorages | null {
  if (typeof window === 'undefined' || typeof document === 'undefined') return null
  try {
    const local = window.localStorage
    if (!local) return null
    let session: Storage | undefined
    return {
      local,
      session: () => {
        session ??= window.sessionStorage
        if (!session) throw new Error('this page has no sessionStorage')
        return session
      },
    }
  } catch {
    return null
  }
}
