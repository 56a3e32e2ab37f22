import { decodeJwtClaims, tokenUserId, type AuthSnapshot } from '@authing-kit/client'

/**
 * A restored token must outlive the next minute: one closer to its end (or a clock that runs a
 * little behind the server's) would fail the first call that uses it.
 */
export const EXPIRY_LEEWAY_SECONDS = 60

/** The token's expiry in ms since the epoch, or null when it has no readable `exp`. */
export function tokenExpiresAt(token: string): number | null {
  const exp = decodeJwtClaims(token)?.exp
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null
}

/**
 * True when a remembered session may be shown as logged in before the server confirms it: a JWT
 * for this app (`aud`), not expiring within the leeway, whose subject is the remembered user.
 * Anything else (expired, malformed, opaque, another app's or another user's) is discarded unasked.
 * `requireUser: false` accepts a token alone (a prebuilt client given a `token` by the app's server).
 */
export function isRestorableSession(
  { user, token }: AuthSnapshot,
  appId: string,
  { requireUser = true, now = Date.now() }: { requireUser?: boolean; now?: number } = {},
): boolean {
  if (!token || (requireUser && !user)) return false
  const claims = decodeJwtClaims(token)
  if (!claims) return false
  const expiresAt = tokenExpiresAt(token)
  if (expiresAt === null || expiresAt - EXPIRY_LEEWAY_SECONDS * 1000 <= now) return false
  const subject = tokenUserId(token)
  if (user ? subject !== user.id : subject === null) return false
  const { aud } = claims
  if (aud === undefined) return true
  return aud === appId || (Array.isArray(aud) && aud.includes(appId))
}
