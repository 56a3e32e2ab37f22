/**
 * Reading tokens back: access tokens (signature, expiry, revocation, and a `client_id` claim, which
 * id_tokens and v2 user tokens lack), id_tokens of either algorithm, refresh tokens (the table).
 */
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, type JWTPayload, jwtVerify } from 'jose'

import type { ApplicationRecord, RefreshTokenRecord } from '../../../model/records.js'
import type { Engine } from '../../engine.js'

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: 'expired' | 'invalid' }

export async function checkAccessToken(
  engine: Engine,
  token: string,
): Promise<Checked<JWTPayload & { client_id: string }>> {
  const check = await engine.tokens.verify(token, engine.settings.now())
  if (!check.ok) return check
  const { payload } = check
  if (typeof payload.client_id !== 'string' || isRevoked(engine, payload)) return { ok: false, reason: 'invalid' }
  return { ok: true, value: payload as JWTPayload & { client_id: string } }
}

/** An id_token (or v2 user token) of this emulator: not an access token, not revoked. */
export async function checkIdToken(engine: Engine, token: string): Promise<Checked<JWTPayload>> {
  const check = await verifyIdTokenSignature(engine, token)
  if (!check.ok) return check
  if (typeof check.value.client_id === 'string' || isRevoked(engine, check.value))
    return { ok: false, reason: 'invalid' }
  return check
}

/**
 * Signature and expiry (by the emulator's clock) of a token this emulator signed: RS256 with its key,
 * or HS256 with the secret of the app it is for (an app's id_token option).
 */
export async function verifyIdTokenSignature(engine: Engine, token: string): Promise<Checked<JWTPayload>> {
  let alg: string | undefined
  let app: ApplicationRecord | undefined
  try {
    alg = decodeProtectedHeader(token).alg
    const aud = decodeJwt(token).aud
    app = engine.state.applications.get(Array.isArray(aud) ? (aud[0] ?? '') : (aud ?? ''))
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (alg !== 'HS256') {
    const check = await engine.tokens.verify(token, engine.settings.now())
    return check.ok ? { ok: true, value: check.payload } : check
  }
  if (!app) return { ok: false, reason: 'invalid' }
  try {
    const secret = new TextEncoder().encode(app.secret)
    return {
      ok: true,
      value: (await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: new Date(engine.settings.now()) }))
        .payload,
    }
  } catch (error) {
    return { ok: false, reason: error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' }
  }
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
