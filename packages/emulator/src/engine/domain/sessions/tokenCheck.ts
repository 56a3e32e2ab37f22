/**
 * Reading tokens back: access tokens (`typ: at+jwt`, signature, expiry, revocation, a `client_id`
 * claim), id_tokens and v2 user tokens of either algorithm (never an access token), refresh tokens
 * (the table).
 */
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, type JWTPayload, jwtVerify } from 'jose'

import type { RefreshTokenRecord } from '../../../model/records.js'
import type { Engine } from '../../engine.js'

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: 'expired' | 'invalid' }

/** The JWT `typ` of access tokens (RFC 9068 §2.1), so that no claim set can pass one off as a session. */
export const accessTokenType = 'at+jwt'

const invalid = { ok: false, reason: 'invalid' } as const

export async function checkAccessToken(
  engine: Engine,
  token: string,
): Promise<Checked<JWTPayload & { client_id: string }>> {
  if (headerOf(token)?.typ !== accessTokenType) return invalid
  const check = await engine.tokens.verify(token, engine.settings.now())
  if (!check.ok) return check
  const { payload } = check
  if (typeof payload.client_id !== 'string' || isRevoked(engine, payload)) return invalid
  return { ok: true, value: payload as JWTPayload & { client_id: string } }
}

/** An id_token (or v2 user token) of this emulator: not an access token, not revoked. */
export async function checkIdToken(engine: Engine, token: string): Promise<Checked<JWTPayload>> {
  const check = await verifyIdTokenSignature(engine, token)
  if (check.ok && isRevoked(engine, check.value)) return invalid
  return check
}

/**
 * Signature and expiry (by the emulator's clock) of an id_token this emulator signed: RS256 with its
 * key, or HS256 with the secret of the app it is for — only an app that chose HS256 id_tokens, and only
 * with everything the emulator itself puts in one (`iss`, `aud`, `exp`, and the `jti` that logout revokes),
 * since anyone holding the secret can sign such a token for any user. Access tokens are refused by kind:
 * their `typ`, or the `client_id` claim that id_tokens never carry.
 */
async function verifyIdTokenSignature(engine: Engine, token: string): Promise<Checked<JWTPayload>> {
  const header = headerOf(token)
  let claims: JWTPayload
  try {
    claims = decodeJwt(token)
  } catch {
    return invalid
  }
  if (!header || header.typ === accessTokenType || typeof claims.client_id === 'string') return invalid
  if (header.alg !== 'HS256') {
    const check = await engine.tokens.verify(token, engine.settings.now())
    return check.ok ? { ok: true, value: check.payload } : check
  }
  const app = engine.state.applications.get(Array.isArray(claims.aud) ? (claims.aud[0] ?? '') : (claims.aud ?? ''))
  if (app?.idTokenSigningAlg !== 'HS256') return invalid
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(app.secret), {
      algorithms: ['HS256'],
      audience: app.id,
      issuer: `${engine.settings.appHost}/oidc`,
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(engine.settings.now()),
    })
    return { ok: true, value: payload }
  } catch (error) {
    return { ok: false, reason: error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' }
  }
}

/** A live refresh token: not expired (then forgotten), not already exchanged for its successor. */
export function checkRefreshToken(engine: Engine, token: string): RefreshTokenRecord | null {
  const record = engine.state.refreshTokens.get(token)
  if (!record) return null
  if (record.expiresAt <= engine.settings.now()) {
    engine.state.refreshTokens.delete(token)
    return null
  }
  return record.rotatedAt === undefined ? record : null
}

function headerOf(token: string): ReturnType<typeof decodeProtectedHeader> | null {
  try {
    return decodeProtectedHeader(token)
  } catch {
    return null
  }
}

function isRevoked(engine: Engine, payload: JWTPayload): boolean {
  return typeof payload.jti === 'string' && engine.state.revokedTokens.has(payload.jti)
}
