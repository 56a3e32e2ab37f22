/**
 * Users' links to social accounts: one per (pool, connection, account at the provider), and at most
 * one account of a connection per user, so a login by that account always finds the same user.
 */
import { keys, type SocialConnectionRecord } from '../../../model/records.js'
import type { EmulatorState } from '../../../model/state.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'

/** The user the connection's account is linked to in `poolId`, if any. */
export function linkedUser(engine: Engine, poolId: string, connection: SocialConnectionRecord): UserRecord | undefined {
  const link = engine.state.identities.get(keys.identity(poolId, connection.identifier, connection.account.userIdInIdp))
  return link ? engine.state.users.get(link.userId) : undefined
}

export function linkIdentity(engine: Engine, user: UserRecord, connection: SocialConnectionRecord): void {
  const { userIdInIdp, nickname, email, photo } = connection.account
  const taken = identitiesOf(engine.state, user.id).some(
    (i) => i.identifier === connection.identifier && i.userIdInIdp !== userIdInIdp,
  )
  if (taken) throw new AuthingBusinessError('identityAlreadyBound')
  engine.state.identities.set(keys.identity(user.userPoolId, connection.identifier, userIdInIdp), {
    userPoolId: user.userPoolId,
    userId: user.id,
    identifier: connection.identifier,
    provider: connection.provider,
    userIdInIdp,
    userInfoInIdp: { id: userIdInIdp, nickname, email, photo },
    createdAt: new Date(engine.settings.now()).toISOString(),
  })
}

/** The user's links, oldest first. */
export function identitiesOf(state: EmulatorState, userId: string) {
  return [...state.identities.values()].filter((identity) => identity.userId === userId)
}
