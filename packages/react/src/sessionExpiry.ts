import type { AuthenticationClient, AuthingError } from '@authing-kit/client'
import { tokenExpiresAt } from '@authing-kit/client'

/** setTimeout fires at once for delays past 2^31-1 ms (~24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1
/** With autoRefresh, the token is renewed this long before it expires (or halfway, when less is left). */
export const REFRESH_AHEAD_MS = 60_000

export interface SessionExpiryOptions {
  autoRefresh: boolean
  onRefreshError: (error: AuthingError) => void
}

/**
 * Ends the session the moment its token expires (a timer per token, never a poll); with
 * `autoRefresh`, calls `refreshToken` shortly before instead. A failed refresh leaves the expiry
 * timer in place, so the session still ends on time. Returns the cleanup.
 */
export function watchSessionExpiry(
  client: AuthenticationClient,
  { autoRefresh, onRefreshError }: SessionExpiryOptions,
): () => void {
  let timers: ReturnType<typeof setTimeout>[] = []
  let watched: string | null = null

  const at = (time: number, action: () => void) => {
    const wait = time - Date.now()
    const timer = setTimeout(
      () => (wait > MAX_TIMER_MS ? at(time, action) : action()),
      Math.min(Math.max(wait, 0), MAX_TIMER_MS),
    )
    timers.push(timer)
  }

  const schedule = (token: string | null) => {
    if (token === watched) return
    watched = token
    for (const timer of timers) clearTimeout(timer)
    timers = []
    const expiresAt = token ? tokenExpiresAt(token) : null
    if (!token || expiresAt === null) return
    const stillCurrent = () => client.getSnapshot().token === token
    if (autoRefresh) {
      const refreshAt = expiresAt - Math.min(REFRESH_AHEAD_MS, (expiresAt - Date.now()) / 2)
      at(refreshAt, () => {
        if (stillCurrent()) client.refreshToken().catch(onRefreshError)
      })
    }
    at(expiresAt, () => {
      if (stillCurrent()) client.setToken(null)
    })
  }

  schedule(client.getSnapshot().token)
  const unsubscribe = client.subscribe(({ token }) => schedule(token))
  return () => {
    unsubscribe()
    watched = null
    for (const timer of timers) clearTimeout(timer)
  }
}
