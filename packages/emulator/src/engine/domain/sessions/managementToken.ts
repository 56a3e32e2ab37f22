/**
 * The management access token: what `accessToken(userPoolId, secret)` issues and what every
 * management operation checks. It is an RS256 JWT signed with the emulator's key, like user tokens,
 * but its claims name a user pool (`data.type: 'userPool'`) and no user, so it never passes as one.
 */
import type { JWTPayload } from 'jose'
import type { Engine } from '../../engine.js'
import { randomHex } from '../../../model/crypto.js'
import { AuthingBusinessError } from '../errors.js'
import type { UserPoolRecord, UserRecord } from '../../../model/state.js'
import { verifyUserToken } from './tokens.js'

export interface ManagementToken {
  accessToken: string
  iat: number
  exp: number
}

export async function issueManagementToken(engine: Engine, userPoolId: string, secret: string): Promise<ManagementToken> {
  const pool = engine.state.userPools.get(userPoolId)
  if (!pool) throw new AuthingBusinessError('userPoolNotFound')
  if (pool.secret !== secret) throw new AuthingBusinessError('secretWrong')
  const iat = Math.floor(engine.settings.now() / 1000)
  const exp = iat + engine.settings.managementTokenLifetimeSeconds
  const claims: JWTPayload = {
    data: { type: 'userPool', userPoolId: pool.id, appId: null, id: pool.id },
    iss: `${engine.settings.appHost}/oidc`,
    iat,
    exp,
    jti: randomHex(12),
  }
  return { accessToken: await engine.tokens.sign(claims), iat, exp }
}

/** What a bearer token turns out to be: a pool's management token, a user's token, or nothing usable. */
export type BearerKind =
  | { kind: 'management'; pool: UserPoolRecord }
  | { kind: 'user'; user: UserRecord }
  | { kind: 'invalid' }

export async function classifyBearer(engine: Engine, token: string | null): Promise<BearerKind> {
  if (!token) return { kind: 'invalid' }
  const check = await engine.tokens.verify(token, engine.settings.now())
  if (!check.ok) return { kind: 'invalid' }
  const data = check.payload.data as { type?: unknown; userPoolId?: unknown } | undefined
  if (data?.type === 'userPool') {
    const pool = typeof data.userPoolId === 'string' ? engine.state.userPools.get(data.userPoolId) : undefined
    return pool ? { kind: 'management', pool } : { kind: 'invalid' }
  }
  const user = await verifyUserToken(engine, token)
  return user.ok ? { kind: 'user', user: user.user } : { kind: 'invalid' }
}
