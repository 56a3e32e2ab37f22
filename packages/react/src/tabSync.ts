import { type AuthenticationClient, type AuthSnapshot, storageKeys, type User } from '@authing-kit/client'

import type { RememberMeStore, SessionStorageKind } from './rememberMeStore.js'

interface SessionMessage {
  type: 'authing-kit:session'
  user: User | null
  token: string | null
  storage: SessionStorageKind
}

/**
 * Carries login, logout and profile changes to the other tabs of this origin and app: over a
 * BroadcastChannel, or (older browsers) the `storage` events of localStorage. A tab adopts what it
 * receives as its own session, so a tab whose user changed shows the new user, never the old one.
 * Returns the cleanup; a server render has neither transport and gets a no-op.
 */
export function connectTabSync(
  client: AuthenticationClient,
  appId: string,
  router: RememberMeStore | null,
): () => void {
  let applying = false
  const adopt = (user: User | null, token: string | null, storage: SessionStorageKind) => {
    const current = client.getSnapshot()
    if (current.token === token && JSON.stringify(current.user) === JSON.stringify(user)) return
    applying = true
    try {
      if (storage !== 'memory') router?.use(storage)
      if (!token) client.setToken(null)
      else if (user) client.setCurrentUser({ ...user, token })
      else client.setToken(token)
    } finally {
      applying = false
    }
  }

  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(`authing-kit:${appId}`)
    channel.onmessage = ({ data }: MessageEvent<SessionMessage>) => {
      if (data?.type === 'authing-kit:session') adopt(data.user, data.token, data.storage)
    }
    const unsubscribe = client.subscribe(({ user, token }: AuthSnapshot) => {
      if (applying) return
      const message: SessionMessage = { type: 'authing-kit:session', user, token, storage: router?.kind ?? 'memory' }
      channel.postMessage(message)
    })
    return () => {
      unsubscribe()
      channel.close()
    }
  }

  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => undefined
  // Only localStorage raises events in other tabs; the client writes the token first, then the user.
  const { token: tokenKey, user: userKey } = storageKeys(appId)
  const onStorage = (event: StorageEvent) => {
    if (event.key !== userKey && event.key !== tokenKey && event.key !== null) return
    const storage = event.storageArea
    if (!storage || storage !== safeLocalStorage()) return
    const token = storage.getItem(tokenKey)
    const user = parseUser(storage.getItem(userKey))
    if (token && user?.token !== token) return // the user key is still on its way
    adopt(token ? user : null, token, 'local')
  }
  window.addEventListener('storage', onStorage)
  return () => window.removeEventListener('storage', onStorage)
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function parseUser(json: string | null): User | null {
  if (!json) return null
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null ? (value as User) : null
  } catch {
    return null
  }
}
