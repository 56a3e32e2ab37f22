/**
 * Reading tokens back: access tokens (signature, expiry, revocation, and a `client_id` claim, which
 * id_tokens and v2 user tokens lack), id_tokens of either algorithm, refresh tokens (the table).
 */
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose'
import type { Engine } from '../context.js'
import type { ApplicationRecord, RefreshTokenRecord } from '../state.js'

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: 'expired' | 'invalid' }

export async function checkAccessToken(engine: Engine, token: string): Promise<Checked<JWTPayload & { client_id: string }>> {
  const check = await engine.tokens.verify(token, engine.settings.now())
  if (!check.ok) return check
  const { payload } = check
  if (typeof payload.client_id !== 'string' || isRevoked(engine, payload)) return { ok: false, reason: 'invalid' }
  return { ok: true, value: payload as JWTPayload & { client_id: string } }
}

/** An id_token (or v2 user token) of this emulator: RS256 with its key, or HS256 with its app's secret. */
export async function checkIdToken(engine: Engine, token: string): Promise<Checked<JWTPayload>> {
  let alg: string | undefined
  let app: ApplicationRecord | undefined
  try {
    alg = decodeProtectedHeader(token).alg
    const aud = decodeJwt(token).aud
    app = engine.state.applications.get(Array.isArray(aud) ? (aud[0] ?? '') : (aud ?? ''))
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  let payload: JWTPayload
  if (alg === 'HS256') {
    if (!app) return { ok: false, reason: 'invalid' }
    try {
      const secret = new TextEncoder().encode(app.secret)
      payload = (await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: new Date(engine.settings.now()) })).payload
    } catch (error) {
      return { ok: false, reason: error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' }
    }
  } else {
    const check = await engine.tokens.verify(token, engine.settings.now())
    if (!check.ok) return check
    payload = check.payload
  }
  if (typeof payload.client_id === 'string' || isRevoked(engine, payload)) return { ok: false, reason: 'invalid' }
  return { ok: true, value: payload }
}

export function checkRefreshToken(engine: Engine, token: string): RefreshTokenRecord | null {
  const record = engine.state.refreshTokens.get(token)
  if (!record) return null
  if (record.expiresAt <= engine.settings.now()) {
    engine.state.refreshTokens.delete(token)
    return null
  }
  return record
}

function isRevoked(engine: Engine, payload: JWTPayload): boolean {
  return typeof payload.jti === 'string' && engine.state.revokedTokens.has(payload.jti)
}
