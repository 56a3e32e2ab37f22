/**
 * A login through a social provider (facts: login-flows §8, §5): the provider's account logs in
 * the user it is linked to; seen for the first time it becomes a new user, or — when the
 * connection asks — stops at 1641 for the user to bind an existing account (by password) or
 * create one. Either way the login ends like any other (completeLogin), so a second factor or a
 * missing profile field stops it at its own step.
 */
import { randomHex } from '../../../model/crypto.js'
import type { ApplicationRecord, PendingIdentityRecord, SocialConnectionRecord } from '../../../model/records.js'
import { newUserRecord, type UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { loginSettingsOf } from '../applications.js'
import { AuthingBusinessError } from '../errors.js'
import { assertNotLocked } from '../lockout.js'
import { accountKind, completeLogin, type LoggedIn } from '../login.js'
import { checkPassword, decryptPassword } from '../passwords.js'
import { checkedUserUdvs, writeUdvs } from '../udf.js'
import { findConnection } from './connections.js'
import { linkedUser, linkIdentity } from './identities.js'

// [I] As long as a login step lives (../loginSteps.ts).
const pendingSeconds = 600

export type SocialOutcome =
  { kind: 'loggedIn'; loggedIn: LoggedIn } | { kind: 'refused'; code: number; message: string }

/**
 * The user pressed "continue" on the provider's page. Login steps are thrown, as by every login.
 * `customData` (the SDK's `custom_data`) goes to the user's custom fields once logged in; every
 * value is checked first. A login that stops at a step leaves them unwritten.
 */
export async function continueWithProvider(
  engine: Engine,
  app: ApplicationRecord,
  connection: SocialConnectionRecord,
  customData: { key: string; value: string }[] = [],
): Promise<SocialOutcome> {
  checkedUserUdvs(engine.state, app.userPoolId, customData)
  if (connection.behaviour === 'refuse' && connection.refusal) return { kind: 'refused', ...connection.refusal }
  const known = linkedUser(engine, app.userPoolId, connection)
  if (!known && connection.behaviour === 'bind') askToBind(engine, app, connection)
  const loggedIn = await completeLogin(engine, known ?? newSocialUser(engine, app.userPoolId, connection), app)
  if (customData.length) {
    const target = { poolId: app.userPoolId, targetType: 'USER', targetId: loggedIn.user.id }
    writeUdvs(engine.state, target, customData)
  }
  return { kind: 'loggedIn', loggedIn }
}

/** 1641: Guard reads `methods` for the bind form (the 1640 screen) and finishes by `flowHandle`. */
function askToBind(engine: Engine, app: ApplicationRecord, connection: SocialConnectionRecord): never {
  const now = engine.settings.now()
  for (const [handle, record] of [...engine.state.pendingIdentities.entries()])
    if (record.expiresAt <= now) engine.state.pendingIdentities.delete(handle)
  const flowHandle = randomHex(24)
  engine.state.pendingIdentities.set(flowHandle, {
    userPoolId: app.userPoolId,
    appId: app.id,
    identifier: connection.identifier,
    expiresAt: now + pendingSeconds * 1000,
  })
  const methods = loginSettingsOf(app).passwordLoginMethods
  throw new AuthingBusinessError('identityBindingAsk', {}, { flowHandle, methods })
}

/** A user of the provider's account: its nickname and photo, its email when no one has it yet. */
function newSocialUser(engine: Engine, poolId: string, connection: SocialConnectionRecord): UserRecord {
  const { nickname, email, photo } = connection.account
  const free = email && !engine.state.findUser(poolId, 'email', email)
  const user = newUserRecord(poolId, new Date(engine.settings.now()).toISOString(), {
    email: free ? email.toLowerCase() : null,
    profile: { nickname, ...(photo ? { photo } : {}) },
    registerSource: [`social:${connection.provider}`],
  })
  engine.state.users.set(user.id, user)
  linkIdentity(engine, user, connection)
  return user
}

interface Pending {
  flowHandle: string
  record: PendingIdentityRecord
  app: ApplicationRecord
  connection: SocialConnectionRecord
}

function findPending(engine: Engine, flowHandle: string): Pending {
  const record = engine.state.pendingIdentities.get(flowHandle)
  const app = record && engine.state.applications.get(record.appId)
  if (!record || !app || record.expiresAt <= engine.settings.now()) throw new AuthingBusinessError('stepTokenInvalid')
  return { flowHandle, record, app, connection: findConnection(app, record.identifier) }
}

/** authFlow `bind-identity-by-password {account, password}` (RSA): links the account whose password it is. */
export async function bindIdentityByPassword(
  engine: Engine,
  flowHandle: string,
  account: string,
  ciphertext: string,
): Promise<LoggedIn> {
  const { app, connection } = findPending(engine, flowHandle)
  const pool = engine.state.userPools.get(app.userPoolId)
  if (!pool) throw new AuthingBusinessError('userPoolNotFound')
  const kind = accountKind(engine, pool, account)
  assertNotLocked(engine, pool.id, kind, account)
  const user = await checkPassword(engine, pool, kind, account, decryptPassword(engine, ciphertext))
  linkIdentity(engine, user, connection)
  engine.state.pendingIdentities.delete(flowHandle)
  return completeLogin(engine, user, app)
}

/** authFlow `create-federation-account`: a new user of the provider's account. */
export async function createFederationAccount(engine: Engine, flowHandle: string): Promise<LoggedIn> {
  const { app, connection } = findPending(engine, flowHandle)
  engine.state.pendingIdentities.delete(flowHandle)
  return completeLogin(engine, newSocialUser(engine, app.userPoolId, connection), app)
}
