/**
 * The logged-in user's own account: `user`, `updateUser`, `updatePassword`, `resetPassword`,
 * bind/unbind/update of phone and email. Results carry the caller's current token (the JS SDK
 * stores whatever `token` comes back, and null would log it out).
 */
import type { Caller } from '../../domain/sessions/caller.js'
import type { RequestContext } from '../../requestContext.js'
import { verifyPassword } from '../../../model/crypto.js'
import { AuthingBusinessError, successMessage } from '../../domain/errors.js'
import { normaliseEmail, normalisePhone } from '../../http/input.js'
import { recordSuccess } from '../../domain/lockout.js'
import { profileFields, type UserRecord } from '../../../model/state.js'
import { graphqlUser } from '../../views/users.js'
import { checkCode, consumeCode } from '../../domain/codes.js'
import { decryptPassword, newPasswordHash } from './auth.js'
import { adminUpdateUser } from './managementUsers.js'
import type { RootResolvers } from '../types.js'

function save(ctx: RequestContext, user: UserRecord, changes: Partial<UserRecord>): UserRecord {
  const updated: UserRecord = { ...user, ...changes, updatedAt: new Date(ctx.now()).toISOString() }
  ctx.state.users.set(user.id, updated)
  return updated
}

function show(ctx: RequestContext, caller: Caller, user: UserRecord): Record<string, unknown> {
  return graphqlUser(ctx, user, { token: { token: caller.token, exp: caller.exp } })
}

/** Whether the user could still log in without `without` (email and phone allow code logins). */
function canLogInWithout(user: UserRecord, without: 'phone' | 'email'): boolean {
  const byPassword = Boolean(user.password && user.username)
  return byPassword || (without === 'phone' ? Boolean(user.email) : Boolean(user.phone))
}

interface UpdateUserInput {
  email?: string | null
  phone?: string | null
  username?: string | null
  [field: string]: unknown
}

export const profileResolvers: RootResolvers = {
  /** No id: the bearer's user. Another user's id: 1001, unless an administrator asks (unknown: 2004). */
  async user(args: { id?: string | null }, ctx) {
    const { user, caller } = await ctx.subject(args.id)
    return caller ? show(ctx, caller, user) : graphqlUser(ctx, user)
  },

  /**
   * Profile fields only: email and phone have their own verified flows (2225 / 2226), and the
   * `password` key is ignored, as are fields users do not own (loginsCount, blocked, …).
   * An administrator may change any user's identifiers and password too.
   */
  async updateUser(args: { id?: string | null; input: UpdateUserInput }, ctx) {
    const subject = await ctx.subject(args.id)
    if (!subject.caller) return adminUpdateUser(ctx, subject.user, args.input)
    const { caller } = subject
    const { user } = caller
    const { input } = args
    if (input.email != null && input.email.toLowerCase() !== user.email) throw new AuthingBusinessError('cannotUpdateEmail')
    if (input.phone != null && input.phone !== user.phone) throw new AuthingBusinessError('cannotUpdatePhone')
    const changes: Partial<UserRecord> = { profile: { ...user.profile } }
    for (const field of profileFields) {
      if (field in input) changes.profile![field] = typeof input[field] === 'string' ? (input[field] as string) : null
    }
    if (input.username != null && input.username !== user.username) {
      const other = ctx.state.findUser(user.userPoolId, 'username', input.username)
      if (other && other.id !== user.id) throw new AuthingBusinessError('usernameExists')
      changes.username = input.username
    }
    return show(ctx, caller, save(ctx, user, changes))
  },

  /** Old password required (2201) and checked (2203) when the user has one. */
  async updatePassword(args: { newPassword: string; oldPassword?: string | null }, ctx) {
    const caller = await ctx.caller()
    const { user } = caller
    if (user.password) {
      if (!args.oldPassword) throw new AuthingBusinessError('oldPasswordRequired')
      const old = decryptPassword(ctx, args.oldPassword)
      if (!(await verifyPassword(old, user.password))) throw new AuthingBusinessError('oldPasswordWrong')
    }
    const password = await newPasswordHash(ctx, args.newPassword)
    return show(ctx, caller, save(ctx, ctx.state.users.get(user.id) ?? user, { password }))
  },

  /** By phone or email plus a code of the reset scene; also lifts that account's lockouts. */
  async resetPassword(args: { phone?: string | null; email?: string | null; code: string; newPassword: string }, ctx) {
    const { pool } = ctx.app()
    const password = await newPasswordHash(ctx, args.newPassword)
    let user: UserRecord | undefined
    if (args.phone) {
      const phone = normalisePhone(args.phone)
      consumeCode(ctx.engine, pool.id, 'sms', phone, args.code, 'resetPassword')
      user = ctx.state.findUser(pool.id, 'phone', phone)
    } else if (args.email) {
      const email = normaliseEmail(args.email)
      consumeCode(ctx.engine, pool.id, 'email', email, args.code, 'resetPassword')
      user = ctx.state.findUser(pool.id, 'email', email)
    } else {
      throw new AuthingBusinessError('invalidParam', { field: 'phone | email' })
    }
    if (!user) throw new AuthingBusinessError('userNotFound')
    save(ctx, user, { password })
    for (const id of [user.username, user.email, user.phone]) if (id) recordSuccess(ctx.engine, pool.id, id)
    return { code: 200, message: successMessage('passwordReset', ctx.lang) }
  },

  async bindPhone(args: { phone: string; phoneCode: string; phoneCountryCode?: string | null }, ctx) {
    const caller = await ctx.caller()
    const { user } = caller
    const phone = normalisePhone(args.phone)
    if (user.phone || ctx.state.findUser(user.userPoolId, 'phone', phone)) throw new AuthingBusinessError('phoneExists')
    consumeCode(ctx.engine, user.userPoolId, 'sms', phone, args.phoneCode, 'bind')
    return show(ctx, caller, save(ctx, user, { phone, phoneVerified: true, phoneCountryCode: args.phoneCountryCode ?? null }))
  },

  async unbindPhone(_args: Record<string, never>, ctx) {
    const caller = await ctx.caller()
    const { user } = caller
    if (!user.phone) throw new AuthingBusinessError('noPhoneBound')
    if (!canLogInWithout(user, 'phone')) throw new AuthingBusinessError('lastLoginMethod')
    return show(ctx, caller, save(ctx, user, { phone: null, phoneVerified: false, phoneCountryCode: null }))
  },

  async bindEmail(args: { email: string; emailCode: string }, ctx) {
    const caller = await ctx.caller()
    const { user } = caller
    const email = normaliseEmail(args.email, 'emailInvalid')
    if (user.email || ctx.state.findUser(user.userPoolId, 'email', email)) throw new AuthingBusinessError('emailExists')
    consumeCode(ctx.engine, user.userPoolId, 'email', email, args.emailCode, 'bind')
    return show(ctx, caller, save(ctx, user, { email, emailVerified: true }))
  },

  async unbindEmail(_args: Record<string, never>, ctx) {
    const caller = await ctx.caller()
    const { user } = caller
    if (!user.email) throw new AuthingBusinessError('noEmailBound')
    if (!canLogInWithout(user, 'email')) throw new AuthingBusinessError('lastLoginMethod')
    return show(ctx, caller, save(ctx, user, { email: null, emailVerified: false }))
  },

  /** The old phone, when given, must be the current one (2038) and proven with its own code. */
  async updatePhone(
    args: { phone: string; phoneCode: string; oldPhone?: string | null; oldPhoneCode?: string | null; phoneCountryCode?: string | null },
    ctx,
  ) {
    const caller = await ctx.caller()
    const { user } = caller
    const phone = normalisePhone(args.phone)
    if (phone === user.phone) throw new AuthingBusinessError('samePhone')
    if (ctx.state.findUser(user.userPoolId, 'phone', phone)) throw new AuthingBusinessError('phoneExists')
    if (args.oldPhone) {
      if (normalisePhone(args.oldPhone) !== user.phone) throw new AuthingBusinessError('oldPhoneMismatch')
      if (!args.oldPhoneCode) throw new AuthingBusinessError('invalidParam', { field: 'oldPhoneCode' })
    }
    const spendNew = checkCode(ctx.engine, user.userPoolId, 'sms', phone, args.phoneCode, 'bind')
    if (args.oldPhone && user.phone && args.oldPhoneCode) {
      checkCode(ctx.engine, user.userPoolId, 'sms', user.phone, args.oldPhoneCode, 'verifyOld')()
    }
    spendNew()
    return show(ctx, caller, save(ctx, user, { phone, phoneVerified: true, phoneCountryCode: args.phoneCountryCode ?? null }))
  },

  /** The old email, when given, must be the current one (2037) and proven with its own code. */
  async updateEmail(args: { email: string; emailCode: string; oldEmail?: string | null; oldEmailCode?: string | null }, ctx) {
    const caller = await ctx.caller()
    const { user } = caller
    const email = normaliseEmail(args.email, 'emailInvalid')
    if (email === user.email) throw new AuthingBusinessError('sameEmail')
    if (ctx.state.findUser(user.userPoolId, 'email', email)) throw new AuthingBusinessError('emailExists')
    if (args.oldEmail) {
      if (args.oldEmail.trim().toLowerCase() !== user.email) throw new AuthingBusinessError('oldEmailMismatch')
      if (!args.oldEmailCode) throw new AuthingBusinessError('invalidParam', { field: 'oldEmailCode' })
    }
    const spendNew = checkCode(ctx.engine, user.userPoolId, 'email', email, args.emailCode, 'bind')
    if (args.oldEmail && user.email && args.oldEmailCode) {
      checkCode(ctx.engine, user.userPoolId, 'email', user.email, args.oldEmailCode, 'verifyOld')()
    }
    spendNew()
    return show(ctx, caller, save(ctx, user, { email, emailVerified: true }))
  },
}
