import type { ApplicationRecord } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'

const localHost = /^(localhost|127\.0\.0\.1|\[::1\])$/

/**
 * Whether the hosted login may send a user (and a code or ticket) to `uri` for `app`: one of the
 * app's registered redirect URIs exactly, or — while it has none, as in the default seed — any
 * http(s) URL on this machine, so local apps work without configuration.
 */
export function isAllowedRedirect(app: ApplicationRecord, uri: string): boolean {
  const registered = app.redirectUris ?? []
  if (registered.length) return registered.includes(uri)
  try {
    const url = new URL(uri)
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      localHost.test(url.hostname) &&
      !url.username &&
      !url.password
    )
  } catch {
    return false
  }
}

/** For logout URLs that name no application: allowed when some application would allow it. */
export function isAllowedForAnyApp(state: EmulatorState, uri: string): boolean {
  for (const app of state.applications.values()) if (isAllowedRedirect(app, uri)) return true
  return false
}
