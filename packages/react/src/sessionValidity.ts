import { type AuthSnapshot, decodeJwtClaims, decodeJwtHeader, tokenUserId } from '@authing-kit/client'

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

/** No id_token comes near this; a bigger one could not even be sent (servers cap header sizes). */
export const MAX_TOKEN_LENGTH = 16 * 1024

export interface RestoreExpectations {
  /** Whether a token alone (no remembered user) may be restored. Defaults to true. */
  requireUser?: boolean
  /** The `iss` the app's tokens carry (`{appHost}/oidc`, when appHost is the app's own domain); a token naming another issuer is discarded. */
  issuer?: string | undefined
  now?: number
}

/**
 * True when a remembered session may be shown as logged in before the server confirms it: a signed
 * JWT (three segments, an `alg` other than `none`) for this app (`aud`) and issuer (`iss`), not
 * expiring within the leeway, whose subject is the remembered user. Anything else (expired,
 * malformed, oversized, opaque, unsigned, another app's or another user's) is discarded unasked.
 * `requireUser: false` accepts a token alone (a prebuilt client given a `token` by the app's server).
 */
export function isRestorableSession(
  { user, token }: AuthSnapshot,
  appId: string,
  { requireUser = true, issuer, now = Date.now() }: RestoreExpectations = {},
): boolean {
  if (!token || (requireUser && !user)) return false
  if (token.length > MAX_TOKEN_LENGTH || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return false
  const alg = decodeJwtHeader(token)?.alg
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') return false
  const claims = decodeJwtClaims(token)
  if (!claims) return false
  const expiresAt = tokenExpiresAt(token)
  if (expiresAt === null || expiresAt - EXPIRY_LEEWAY_SECONDS * 1000 <= now) return false
  const subject = tokenUserId(token)
  if (user ? subject !== user.id : subject === null) return false
  if (issuer !== undefined && claims.iss !== undefined && claims.iss !== issuer) return false
  const { aud } = claims
  if (aud === undefined) return true
  return aud === appId || (Array.isArray(aud) && aud.includes(appId))
}
