import type { User } from '../types.js'
import { tokenUserId } from './jwt.js'
import { storageKeys } from './storageKeys.js'
import type { TokenStore } from './tokenStore.js'

/** What a UI binds to: who is logged in, and the id_token that proves it. */
export interface AuthSnapshot {
  readonly user: User | null
  readonly token: string | null
}

export type SessionListener = (snapshot: AuthSnapshot) => void

/**
 * The session of one client: `{user, token}` in memory, mirrored to a TokenStore under keys
 * namespaced by app id (two apps on one origin keep separate sessions). The snapshot is immutable
 * and keeps its identity until something changes, as `useSyncExternalStore` requires.
 */
export class SessionStore {
  private snapshot: AuthSnapshot
  private readonly listeners = new Set<SessionListener>()
  private readonly tokenKey: string
  private readonly userKey: string
  /** The remembered user as stored, to tell a real change from a refetch that changed nothing. */
  private userJson: string | null = null

  constructor(
    private readonly storage: TokenStore,
    appId: string,
    initialToken: string | undefined,
    /** Whether a remembered (or given) session may be restored; anything else is removed from storage. */
    private readonly restorable: (snapshot: AuthSnapshot) => boolean,
  ) {
    const keys = storageKeys(appId)
    this.tokenKey = keys.token
    this.userKey = keys.user
    this.snapshot = this.restore(initialToken)
  }

  getSnapshot = (): AuthSnapshot => this.snapshot

  subscribe = (listener: SessionListener): (() => void) => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** Remembers the user and the token it carries (a user without a token logs the session out of its token). */
  setUser(user: User): void {
    this.write(user.token ?? null, user)
  }

  /** Replaces the token; the remembered user is dropped when the token belongs to someone else. */
  setToken(token: string | null): void {
    const user = this.snapshot.user
    const sameUser = token !== null && user !== null && tokenUserId(token) === user.id
    this.write(token, sameUser ? { ...user, token } : null)
  }

  clear(): void {
    this.write(null, null)
  }

  private write(token: string | null, user: User | null): void {
    // Refetching an unchanged user keeps the snapshot (and every subscriber) as it is.
    if (token === this.snapshot.token && sameUser(user, this.snapshot.user)) return
    const userJson = user ? JSON.stringify(user) : null
    if (token !== this.snapshot.token) {
      if (token) this.storage.setItem(this.tokenKey, token)
      else this.storage.removeItem(this.tokenKey)
    }
    if (userJson !== this.userJson) {
      if (userJson) this.storage.setItem(this.userKey, userJson)
      else this.storage.removeItem(this.userKey)
    }
    this.userJson = userJson
    this.snapshot = Object.freeze({ user, token })
    for (const listener of [...this.listeners]) listener(this.snapshot)
  }

  private restore(initialToken: string | undefined): AuthSnapshot {
    const storedToken = this.storage.getItem(this.tokenKey)
    const token = initialToken ?? storedToken
    const storedUser = token ? this.storage.getItem(this.userKey) : null
    let user = parseUser(storedUser)
    // The remembered user only goes with the token it was stored with.
    if (user && user.token !== token) user = null
    if (!token || !this.restorable({ user, token })) {
      if (storedToken) this.storage.removeItem(this.tokenKey)
      this.storage.removeItem(this.userKey)
      return Object.freeze({ user: null, token: null })
    }
    if (token !== storedToken) this.storage.setItem(this.tokenKey, token)
    if (!user) this.storage.removeItem(this.userKey)
    else this.userJson = storedUser
    return Object.freeze({ user, token })
  }
}

/** Field-by-field equality; nested values (customData, identities) compared as JSON. */
function sameUser(a: User | null, b: User | null): boolean {
  if (a === b) return true
  if (!a || !b) return false
  const keysA = Object.keys(a) as (keyof User)[]
  if (keysA.length !== Object.keys(b).length) return false
  return keysA.every((key) => {
    const x = a[key]
    const y = b[key]
    if (x === y) return true
    return (
      typeof x === 'object' &&
      typeof y === 'object' &&
      x !== null &&
      y !== null &&
      JSON.stringify(x) === JSON.stringify(y)
    )
  })
}

function parseUser(json: string | null): User | null {
  if (!json) return null
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null && typeof (value as User).id === 'string'
      ? (value as User)
      : null
  } catch {
    return null
  }
}
