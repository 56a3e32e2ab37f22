/** Telling a bearer token's kind apart: both kinds are RS256 JWTs of the emulator's key, told apart by their claims. */
import type { UserPoolRecord } from '../../../model/records.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { verifyUserToken } from './tokens.js'

/** What a bearer token turns out to be: a pool's management token, a user's token, or nothing usable. */
export type BearerKind =
  { kind: 'management'; pool: UserPoolRecord } | { kind: 'user'; user: UserRecord } | { kind: 'invalid' }

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
