/** The keys of one app's session in its TokenStore. */
export interface StorageKeys {
  /** The id_token. */
  readonly token: string
  /** The remembered user, as JSON; it goes with the token it carries. */
  readonly user: string
}

/**
 * Where the session of app `appId` is kept in its TokenStore: namespaced by app id, so two apps on
 * one origin keep separate sessions. For code that watches or moves the stored session itself
 * (cross-tab sync, a custom store).
 *
 * @example
 * window.addEventListener('storage', (event) => {
 *   if (event.key === storageKeys(appId).token) location.reload()
 * })
 */
export function storageKeys(appId: string): StorageKeys {
  return { token: `authing-kit:${appId}:token`, user: `authing-kit:${appId}:user` }
}
