/**
 * The user token: an RS256 id_token with Authing's v2 claim set (profile claims, `data{…}`,
 * `userpool_id`, `aud` = app id, `iss` = `{appHost}/oidc`). A random `jti` makes every token
 * distinct, so logging one out (revocation by `jti`) never touches a token refreshed in the same second.
 */
import { decodeJwt, type JWTPayload } from 'jose'

import { randomHex } from '../../../model/crypto.js'
import type { ApplicationRecord } from '../../../model/records.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { checkIdToken } from './tokenCheck.js'

export interface IssuedToken {
  token: string
  iat: number
  exp: number
}

export async function issueToken(engine: Engine, user: UserRecord, app: ApplicationRecord): Promise<IssuedToken> {
  const iat = Math.floor(engine.settings.now() / 1000)
  const exp = iat + engine.settings.tokenLifetimeSeconds
  const claims: JWTPayload = { ...userClaims(engine, user, app), iat, exp, jti: randomHex(12) }
  return { token: await engine.tokens.sign(claims), iat, exp }
}

/** The v2 claim set of a user's token for `app`, without the times and `jti` (OIDC id_tokens share it). */
export function userClaims(engine: Engine, user: UserRecord, app: ApplicationRecord): JWTPayload {
  const p = user.profile
  return {
    sub: user.id,
    birthdate: p.birthdate ?? null,
    family_name: p.familyName ?? null,
    gender: p.gender ?? 'U',
    given_name: p.givenName ?? null,
    locale: p.locale ?? null,
    middle_name: p.middleName ?? null,
    name: p.name ?? null,
    nickname: p.nickname ?? null,
    picture: p.photo ?? null,
    preferred_username: p.preferredUsername ?? null,
    profile: p.profile ?? null,
    updated_at: user.updatedAt,
    website: p.website ?? null,
    zoneinfo: p.zoneinfo ?? null,
    address: {
      country: p.country ?? null,
      postal_code: p.postalCode ?? null,
      region: p.region ?? null,
      formatted: p.formatted ?? null,
    },
    phone_number: user.phone,
    phone_number_verified: user.phoneVerified,
    email: user.email,
    email_verified: user.emailVerified,
    data: {
      type: 'user',
      userPoolId: user.userPoolId,
      appId: app.id,
      id: user.id,
      userId: user.id,
      _id: user.id,
      phone: user.phone,
      email: user.email,
      username: user.username,
      unionid: user.unionid,
      openid: user.openid,
      clientId: user.userPoolId,
    },
    userpool_id: user.userPoolId,
    aud: app.id,
    iss: `${engine.settings.appHost}/oidc`,
  }
}

export type UserTokenCheck =
  { ok: true; user: UserRecord; payload: JWTPayload } | { ok: false; reason: 'expired' | 'invalid' }

/**
 * An id_token of this emulator (signature, expiry, revocation; never an access token), not older than
 * the user's last password change, whose user still exists. An HS256 app's id_token is a user token
 * too (signed with the app secret), as on Authing.
 */
export async function verifyUserToken(engine: Engine, token: string): Promise<UserTokenCheck> {
  const check = await checkIdToken(engine, token)
  if (!check.ok) return check
  const payload = check.value
  const cutoff = typeof payload.sub === 'string' ? engine.state.sessionCutoffs.get(payload.sub) : undefined
  if (cutoff && (payload.iat ?? 0) < cutoff.before && payload.jti !== cutoff.keepJti)
    return { ok: false, reason: 'invalid' }
  const user = typeof payload.sub === 'string' ? engine.state.users.get(payload.sub) : undefined
  if (!user) return { ok: false, reason: 'invalid' }
  return { ok: true, user, payload }
}

/** Remembers a token as logged out until it would have expired anyway (then forgets it). */
export function revokeToken(engine: Engine, payload: JWTPayload): void {
  if (typeof payload.jti !== 'string') return
  const revoked = engine.state.revokedTokens
  const nowSeconds = engine.settings.now() / 1000
  for (const [jti, exp] of revoked.entries()) if (exp < nowSeconds) revoked.delete(jti)
  revoked.set(payload.jti, payload.exp ?? Math.ceil(nowSeconds))
}

/**
 * Ends every session of the user issued until now (ASVS 5.0 §7.4: a password change logs the other
 * devices out), except `keep`, the token the user changed the password with.
 */
export function endUserSessions(engine: Engine, userId: string, keep?: string): void {
  let keepJti: string | null = null
  if (keep) {
    try {
      const { jti } = decodeJwt(keep)
      keepJti = typeof jti === 'string' ? jti : null
    } catch {
      keepJti = null
    }
  }
  engine.state.sessionCutoffs.set(userId, { before: Math.floor(engine.settings.now() / 1000), keepJti })
}
