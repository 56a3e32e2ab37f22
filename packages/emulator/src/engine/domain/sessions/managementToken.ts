/**
 * The management access token: what `accessToken(userPoolId, secret)` issues and what every
 * management operation checks. It is an RS256 JWT signed with the emulator's key, like user tokens,
 * but its claims name a user pool (`data.type: 'userPool'`) and no user, so it never passes as one.
 */
import type { JWTPayload } from 'jose'

import { randomHex } from '../../../model/crypto.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'

export interface ManagementToken {
  accessToken: string
  iat: number
  exp: number
}

export async function issueManagementToken(
  engine: Engine,
  userPoolId: string,
  secret: string,
): Promise<ManagementToken> {
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
