import { DEFAULT_APP_HOST } from '../options.js'
import { decodeJwtClaims, decodeJwtHeader, tokenUserId } from './jwt.js'
import type { AuthSnapshot } from './sessionStore.js'

/**
 * A restored token must outlive the next minute: one closer to its end (or a clock that runs a
 * little behind the server's) would fail the first call that uses it. The same minute is all the
 * clock skew a token's `nbf` / `iat` may show.
 */
export const EXPIRY_LEEWAY_SECONDS = 60

/** No id_token comes near this; a bigger one could not even be sent (servers cap header sizes). */
export const MAX_TOKEN_LENGTH = 16 * 1024

// Authing signs an app's tokens with one of these; the header must name one exactly (no `"none "`, no `"rs256"`).
const signingAlgorithms = new Set(['RS256', 'HS256'])

/** The token's expiry in ms since the epoch, or null when it has no readable `exp`. */
export function tokenExpiresAt(token: string): number | null {
  const exp = decodeJwtClaims(token)?.exp
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null
}

/**
 * The `iss` an app's tokens carry: `{appHost}/oidc` when appHost is the app's own domain. The shared
 * default server signs under no name of its own, so there `aud` alone tells the app.
 */
export function appIssuer(appHost: string): string | undefined {
  return appHost === DEFAULT_APP_HOST ? undefined : `${appHost}/oidc`
}

export interface RestoreExpectations {
  /** Whether a token alone (no remembered user) may be restored. Defaults to true. */
  requireUser?: boolean
  /** The `iss` the app's tokens carry (`{appHost}/oidc`, when appHost is the app's own domain); a token naming another issuer, or none, is discarded. */
  issuer?: string | undefined
  now?: number
}

/**
 * True when a remembered session may be shown as logged in before the server confirms it: a signed
 * JWT (three segments, `alg` exactly one Authing signs with) for this app (`aud`) and issuer (`iss`),
 * issued in the past (`nbf` / `iat` within the leeway), not expiring within the leeway, whose subject
 * is the remembered user. Anything else (expired, malformed, oversized, opaque, unsigned, another
 * app's, issuer's or user's) is discarded unasked. The client and the React provider share this rule.
 * `requireUser: false` accepts a token alone (a client given a `token` by the app's server).
 */
export function isRestorableSession(
  { user, token }: AuthSnapshot,
  appId: string,
  { requireUser = true, issuer, now = Date.now() }: RestoreExpectations = {},
): boolean {
  if (!token || (requireUser && !user)) return false
  if (token.length > MAX_TOKEN_LENGTH || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return false
  const alg = decodeJwtHeader(token)?.alg
  if (typeof alg !== 'string' || !signingAlgorithms.has(alg)) return false
  const claims = decodeJwtClaims(token)
  if (!claims) return false
  const expiresAt = tokenExpiresAt(token)
  if (expiresAt === null || expiresAt - EXPIRY_LEEWAY_SECONDS * 1000 <= now) return false
  for (const name of ['nbf', 'iat'] as const) {
    const value = claims[name]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value)) return false
    if ((value - EXPIRY_LEEWAY_SECONDS) * 1000 > now) return false
  }
  const subject = tokenUserId(token)
  if (user ? subject !== user.id : subject === null) return false
  if (issuer !== undefined && claims.iss !== issuer) return false
  const { aud } = claims
  return aud === appId || (Array.isArray(aud) && aud.includes(appId))
}
