/**
 * Token families: everything issued from one authorization code, through every refresh-token
 * rotation. A replayed code (RFC 6749 §4.1.2) or a replayed rotated refresh token (RFC 9700
 * §4.14.2) means someone else holds the grant, and neither side can be told apart from the other,
 * so the whole family is revoked: its refresh tokens, access tokens and id_tokens.
 */
import { randomHex } from '../../model/crypto.js'
import { revokeToken } from '../domain/sessions/tokens.js'
import type { Engine } from '../engine.js'

/** A new, empty family; families whose tokens have all expired are forgotten on the way. */
export function openFamily(engine: Engine): string {
  const families = engine.state.tokenFamilies
  const now = engine.settings.now()
  for (const [id, family] of families.entries()) if (family.expiresAt <= now) families.delete(id)
  const id = randomHex(12)
  families.set(id, { jwts: {}, refreshTokens: [], expiresAt: now })
  return id
}

export interface IssuedInFamily {
  /** `jti` → `exp` (seconds) */
  jwts: Record<string, number>
  refreshToken?: { token: string; expiresAt: number }
}

export function recordInFamily(engine: Engine, familyId: string, issued: IssuedInFamily): void {
  const family = engine.state.tokenFamilies.get(familyId)
  if (!family) return
  const nowSeconds = engine.settings.now() / 1000
  const jwts = Object.fromEntries(Object.entries(family.jwts).filter(([, exp]) => exp > nowSeconds))
  Object.assign(jwts, issued.jwts)
  const refreshTokens = issued.refreshToken
    ? [...family.refreshTokens, issued.refreshToken.token]
    : family.refreshTokens
  const expiresAt = Math.max(
    family.expiresAt,
    issued.refreshToken?.expiresAt ?? 0,
    ...Object.values(issued.jwts).map((exp) => exp * 1000),
  )
  engine.state.tokenFamilies.set(familyId, { jwts, refreshTokens, expiresAt })
}

export function revokeFamily(engine: Engine, familyId: string): void {
  const family = engine.state.tokenFamilies.get(familyId)
  if (!family) return
  for (const [jti, exp] of Object.entries(family.jwts)) revokeToken(engine, { jti, exp })
  for (const token of family.refreshTokens) engine.state.refreshTokens.delete(token)
  engine.state.tokenFamilies.delete(familyId)
}
