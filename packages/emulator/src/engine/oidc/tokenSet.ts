/**
 * What the token endpoint hands out: an RS256 JWT access token (RFC 9068: `typ: at+jwt`, `client_id`,
 * `scope`; 1 hour), an id_token for `openid` requests of the OIDC protocol (the v2 user token's
 * claims plus `nonce`, `at_hash`, `auth_time`; RS256 or, as an app option, HS256 with the app
 * secret), and an opaque refresh token when `offline_access` was granted (rotated on use).
 */
import { type JWTPayload, SignJWT } from 'jose'

import { randomHex } from '../../model/crypto.js'
import type { ApplicationRecord, RefreshTokenRecord } from '../../model/records.js'
import type { UserRecord } from '../../model/users.js'
import { accessTokenType } from '../domain/sessions/tokenCheck.js'
import { userClaims } from '../domain/sessions/tokens.js'
import type { Engine } from '../engine.js'
import { sha256Base64Url } from './digest.js'
import { type IssuedInFamily, recordInFamily } from './tokenFamilies.js'

export const accessTokenLifetimeSeconds = 3600
export const refreshTokenLifetimeSeconds = 30 * 86_400

export interface TokenSetInput {
  kind: 'oidc' | 'oauth'
  app: ApplicationRecord
  /** null for client_credentials: the client acts for itself */
  user: UserRecord | null
  scope: string
  nonce?: string | null
  /** ms since epoch of the login the grant comes from */
  authTime?: number
  /** the token family of the grant (none for client_credentials, which has no user to protect) */
  familyId?: string
}

export interface TokenResponse {
  access_token: string
  token_type: 'Bearer'
  expires_in: number
  scope: string
  id_token?: string
  refresh_token?: string
}

export async function issueTokenSet(engine: Engine, input: TokenSetInput): Promise<TokenResponse> {
  const { app, user, scope } = input
  const iat = Math.floor(engine.settings.now() / 1000)
  const iss = `${engine.settings.appHost}/oidc`
  const access = { jti: randomHex(12), exp: iat + accessTokenLifetimeSeconds }
  const issued: IssuedInFamily = { jwts: { [access.jti]: access.exp } }
  const accessToken = await engine.tokens.sign(
    { ...access, sub: user?.id ?? app.id, iat, scope, iss, aud: app.id, client_id: app.id },
    accessTokenType,
  )
  const answer: TokenResponse = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: accessTokenLifetimeSeconds,
    scope,
  }
  const scopes = scope.split(' ')
  if (user && input.kind === 'oidc' && scopes.includes('openid')) {
    const id = { jti: randomHex(12), exp: iat + engine.settings.tokenLifetimeSeconds }
    issued.jwts[id.jti] = id.exp
    const claims: JWTPayload = {
      ...userClaims(engine, user, app),
      iat,
      ...id,
      // OIDC Core §3.1.3.6
      at_hash: await sha256Base64Url(accessToken, true),
      ...(input.authTime === undefined ? {} : { auth_time: Math.floor(input.authTime / 1000) }),
      ...(input.nonce ? { nonce: input.nonce } : {}),
    }
    answer.id_token = await signIdToken(engine, app, claims)
  }
  if (user && scopes.includes('offline_access')) {
    const refreshToken = randomHex(32)
    const now = engine.settings.now()
    const record: RefreshTokenRecord = {
      kind: input.kind,
      appId: app.id,
      userId: user.id,
      scope,
      issuedAt: now,
      expiresAt: now + refreshTokenLifetimeSeconds * 1000,
      ...(input.familyId ? { familyId: input.familyId } : {}),
    }
    engine.state.refreshTokens.set(refreshToken, record)
    issued.refreshToken = { token: refreshToken, expiresAt: record.expiresAt }
    answer.refresh_token = refreshToken
  }
  if (input.familyId) recordInFamily(engine, input.familyId, issued)
  return answer
}

async function signIdToken(engine: Engine, app: ApplicationRecord, claims: JWTPayload): Promise<string> {
  if (app.idTokenSigningAlg !== 'HS256') return engine.tokens.sign(claims)
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(app.secret))
}
