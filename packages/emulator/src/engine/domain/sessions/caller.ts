/**
 * Who is calling: a user's token (the caller), or a pool's management token (an administrator).
 * The request context asks these once per request and keeps the answers.
 */
import type { UserPoolRecord } from '../../../model/records.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import type { BearerKind } from './bearer.js'
import { verifyUserToken } from './tokens.js'

export interface Caller {
  user: UserRecord
  token: string
  /** the token's expiry, seconds since epoch */
  exp: number
  /** the application the token was issued for (its `aud`) */
  appId: string
}

/**
 * The logged-in caller (bearer token: valid signature, not expired, not revoked, user exists), else
 * 2020; a token of another pool's app does not open the pool of the app the request names.
 */
export async function verifyCaller(
  engine: Engine,
  bearer: string | null,
  requestAppId: string | null,
): Promise<Caller> {
  if (!bearer) throw new AuthingBusinessError('notLoggedIn')
  const check = await verifyUserToken(engine, bearer)
  if (!check.ok) throw new AuthingBusinessError('notLoggedIn')
  if (requestAppId !== null) {
    const app = engine.state.applications.get(requestAppId)
    if (!app) throw new AuthingBusinessError('appNotFound')
    if (app.userPoolId !== check.user.userPoolId) throw new AuthingBusinessError('notLoggedIn')
  }
  const aud = check.payload.aud
  const appId = typeof aud === 'string' ? aud : (aud?.[0] ?? '')
  return { user: check.user, token: bearer, exp: check.payload.exp ?? 0, appId }
}

/**
 * The user pool a management call administers: the bearer must be that pool's management token
 * (missing, forged, expired or another pool's: 2020; a user's token: 1001).
 */
export function administeredPool(bearer: BearerKind, requestPoolId: string | null): UserPoolRecord {
  if (bearer.kind === 'user') throw new AuthingBusinessError('noPermission')
  if (bearer.kind !== 'management') throw new AuthingBusinessError('notLoggedIn')
  if (requestPoolId !== null && requestPoolId !== bearer.pool.id) throw new AuthingBusinessError('notLoggedIn')
  return bearer.pool
}
