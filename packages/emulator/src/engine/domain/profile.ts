/**
 * A user's changes to their own account: profile fields, password (change and reset), and the
 * verified flows that bind, unbind and change a phone or an email.
 */
import type { UserPoolRecord } from '../../model/records.js'
import { profileFields, type UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { checkCode, consumeCode } from './codes.js'
import { AuthingBusinessError } from './errors.js'
import { recordSuccess } from './lockout.js'
import { changedPassword, newPasswordHash } from './passwords.js'
import { endUserSessions } from './sessions/tokens.js'
import { normaliseEmail, normalisePhone, normaliseUsername, saveUser } from './users.js'

export interface ProfileInput {
  email?: string | null
  phone?: string | null
  username?: string | null
  [field: string]: unknown
}

/**
 * Profile fields only: email and phone have their own verified flows (2225 / 2226), unionid and
 * openid belong to the identity provider (2231); the `password` key is ignored, as are fields users
 * do not own (loginsCount, blocked, …).
 */
export function updateOwnProfile(engine: Engine, user: UserRecord, input: ProfileInput): UserRecord {
  if (input.email != null && input.email.toLowerCase() !== user.email)
    throw new AuthingBusinessError('cannotUpdateEmail')
  if (input.phone != null && input.phone !== user.phone) throw new AuthingBusinessError('cannotUpdatePhone')
  // Written by the social identity a user logs in with, never by the user (Authing refuses it).
  for (const field of ['unionid', 'openid'] as const)
    if (input[field] != null && input[field] !== user[field])
      throw new AuthingBusinessError('cannotUpdateIdentity', { field })
  const changes: Partial<UserRecord> = { profile: { ...user.profile } }
  for (const field of profileFields) {
    if (field in input) changes.profile![field] = typeof input[field] === 'string' ? (input[field] as string) : null
  }
  const username = input.username == null ? null : normaliseUsername(input.username)
  if (username !== null && username !== user.username) {
    const other = engine.state.findUser(user.userPoolId, 'username', username)
    if (other && other.id !== user.id) throw new AuthingBusinessError('usernameExists')
    changes.username = username
  }
  return saveUser(engine, user, changes)
}

/** The user's own change: every other session of theirs ends, the one it was made with (`token`) goes on. */
export async function changePassword(
  engine: Engine,
  user: UserRecord,
  newPassword: string,
  oldPassword: string | null | undefined,
  token: string,
): Promise<UserRecord> {
  const password = await changedPassword(engine, user, newPassword, oldPassword)
  const saved = saveUser(engine, engine.state.users.get(user.id) ?? user, { password })
  endUserSessions(engine, user.id, token)
  return saved
}

/** By phone or email plus a code of the reset scene; also lifts that account's lockouts. */
export async function resetPassword(
  engine: Engine,
  pool: UserPoolRecord,
  args: { phone?: string | null; email?: string | null; code: string; newPassword: string },
): Promise<void> {
  const password = await newPasswordHash(engine, pool.id, args.newPassword)
  let user: UserRecord | undefined
  if (args.phone) {
    const phone = normalisePhone(args.phone)
    consumeCode(engine, pool.id, 'sms', phone, args.code, 'resetPassword')
    user = engine.state.findUser(pool.id, 'phone', phone)
  } else if (args.email) {
    const email = normaliseEmail(args.email)
    consumeCode(engine, pool.id, 'email', email, args.code, 'resetPassword')
    user = engine.state.findUser(pool.id, 'email', email)
  } else {
    throw new AuthingBusinessError('invalidParam', { field: 'phone | email' })
  }
  if (!user) throw new AuthingBusinessError('userNotFound')
  saveUser(engine, user, { password })
  // Whoever forgot the password may have lost a device that is still logged in: every session ends.
  endUserSessions(engine, user.id)
  if (user.username) recordSuccess(engine, pool.id, 'username', user.username)
  if (user.email) recordSuccess(engine, pool.id, 'email', user.email)
  if (user.phone) recordSuccess(engine, pool.id, 'phone', user.phone)
}

/** Whether the user could still log in without `without` (email and phone allow code logins). */
function canLogInWithout(user: UserRecord, without: 'phone' | 'email'): boolean {
  const byPassword = Boolean(user.password && user.username)
  return byPassword || (without === 'phone' ? Boolean(user.email) : Boolean(user.phone))
}

export function bindPhone(
  engine: Engine,
  user: UserRecord,
  args: { phone: string; phoneCode: string; phoneCountryCode?: string | null },
): UserRecord {
  const phone = normalisePhone(args.phone)
  if (user.phone || engine.state.findUser(user.userPoolId, 'phone', phone))
    throw new AuthingBusinessError('phoneExists')
  consumeCode(engine, user.userPoolId, 'sms', phone, args.phoneCode, 'bind')
  return saveUser(engine, user, { phone, phoneVerified: true, phoneCountryCode: args.phoneCountryCode ?? null })
}

export function unbindPhone(engine: Engine, user: UserRecord): UserRecord {
  if (!user.phone) throw new AuthingBusinessError('noPhoneBound')
  if (!canLogInWithout(user, 'phone')) throw new AuthingBusinessError('lastLoginMethod')
  return saveUser(engine, user, { phone: null, phoneVerified: false, phoneCountryCode: null })
}

export function bindEmail(engine: Engine, user: UserRecord, args: { email: string; emailCode: string }): UserRecord {
  const email = normaliseEmail(args.email, 'emailInvalid')
  if (user.email || engine.state.findUser(user.userPoolId, 'email', email))
    throw new AuthingBusinessError('emailExists')
  consumeCode(engine, user.userPoolId, 'email', email, args.emailCode, 'bind')
  return saveUser(engine, user, { email, emailVerified: true })
}

export function unbindEmail(engine: Engine, user: UserRecord): UserRecord {
  if (!user.email) throw new AuthingBusinessError('noEmailBound')
  if (!canLogInWithout(user, 'email')) throw new AuthingBusinessError('lastLoginMethod')
  return saveUser(engine, user, { email: null, emailVerified: false })
}

/** The old phone, when given, must be the current one (2038) and proven with its own code. */
export function updatePhone(
  engine: Engine,
  user: UserRecord,
  args: {
    phone: string
    phoneCode: string
    oldPhone?: string | null
    oldPhoneCode?: string | null
    phoneCountryCode?: string | null
  },
): UserRecord {
  const phone = normalisePhone(args.phone)
  if (phone === user.phone) throw new AuthingBusinessError('samePhone')
  if (engine.state.findUser(user.userPoolId, 'phone', phone)) throw new AuthingBusinessError('phoneExists')
  if (args.oldPhone) {
    if (normalisePhone(args.oldPhone) !== user.phone) throw new AuthingBusinessError('oldPhoneMismatch')
    if (!args.oldPhoneCode) throw new AuthingBusinessError('invalidParam', { field: 'oldPhoneCode' })
  }
  const spendNew = checkCode(engine, user.userPoolId, 'sms', phone, args.phoneCode, 'bind')
  if (args.oldPhone && user.phone && args.oldPhoneCode) {
    checkCode(engine, user.userPoolId, 'sms', user.phone, args.oldPhoneCode, 'verifyOld')()
  }
  spendNew()
  return saveUser(engine, user, { phone, phoneVerified: true, phoneCountryCode: args.phoneCountryCode ?? null })
}

/** The old email, when given, must be the current one (2037) and proven with its own code. */
export function updateEmail(
  engine: Engine,
  user: UserRecord,
  args: { email: string; emailCode: string; oldEmail?: string | null; oldEmailCode?: string | null },
): UserRecord {
  const email = normaliseEmail(args.email, 'emailInvalid')
  if (email === user.email) throw new AuthingBusinessError('sameEmail')
  if (engine.state.findUser(user.userPoolId, 'email', email)) throw new AuthingBusinessError('emailExists')
  if (args.oldEmail) {
    if (args.oldEmail.trim().toLowerCase() !== user.email) throw new AuthingBusinessError('oldEmailMismatch')
    if (!args.oldEmailCode) throw new AuthingBusinessError('invalidParam', { field: 'oldEmailCode' })
  }
  const spendNew = checkCode(engine, user.userPoolId, 'email', email, args.emailCode, 'bind')
  if (args.oldEmail && user.email && args.oldEmailCode) {
    checkCode(engine, user.userPoolId, 'email', user.email, args.oldEmailCode, 'verifyOld')()
  }
  spendNew()
  return saveUser(engine, user, { email, emailVerified: true })
}
