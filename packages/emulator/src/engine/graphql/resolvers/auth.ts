/**
 * Login, registration and session: loginBy*, registerBy*, checkLoginStatus, refreshToken,
 * isUserExists, checkPasswordStrength, plus the REST email-code login and logout.
 */
import type { RequestContext } from '../../requestContext.js'
import { hashPassword, verifyPassword, type PasswordHash } from '../../../model/crypto.js'
import { AuthingBusinessError, render, successMessage } from '../../domain/errors.js'
import { normaliseEmail, normalisePhone } from '../../http/input.js'
import { assertNotLocked, recordFailure, recordSuccess } from '../../domain/lockout.js'
import { objectId } from '../../../model/seed.js'
import { keys, profileFields, type ApplicationRecord, type UserPoolRecord, type UserRecord } from '../../../model/state.js'
import { issueToken, revokeToken, verifyUserToken } from '../../domain/sessions/tokens.js'
import { wireUdvValue } from '../../../model/udv.js'
import { graphqlUser, restUser } from '../../views/users.js'
import { consumeCode, type CodeFlow } from '../../domain/codes.js'
import type { RootResolvers } from '../types.js'

/** The plaintext of an RSA-encrypted password field, or 2016. */
export function decryptPassword(ctx: RequestContext, ciphertext: string): string {
  const plain = ctx.engine.decryptPassword(ciphertext)
  if (plain === null) throw new AuthingBusinessError('decryptFailed')
  return plain
}

/** The registration rule, shared with checkPasswordStrength so both always agree. */
export function passwordProblem(password: string): 'passwordRequired' | 'passwordTooShort' | null {
  if (password === '') return 'passwordRequired'
  return password.length < 6 ? 'passwordTooShort' : null
}

export async function newPasswordHash(ctx: RequestContext, ciphertext: string): Promise<PasswordHash> {
  const password = decryptPassword(ctx, ciphertext)
  const problem = passwordProblem(password)
  if (problem) throw new AuthingBusinessError(problem)
  return hashPassword(password, ctx.engine.settings.passwordIterations)
}

async function passwordLogin(
  ctx: RequestContext,
  kind: 'username' | 'email' | 'phone',
  identifier: string,
  ciphertext: string,
): Promise<Record<string, unknown>> {
  const { app, pool } = ctx.app()
  assertNotLocked(ctx.engine, pool.id, identifier)
  const user = await checkPassword(ctx, pool, kind, identifier, decryptPassword(ctx, ciphertext))
  return completeLogin(ctx, user, app, graphqlUser)
}

/**
 * The user `identifier` names, when `password` is theirs; otherwise a failure counted towards the
 * lockout and 2333 (2004 / 2006 with legacy errors). Also behind the hosted login page.
 */
export async function checkPassword(
  ctx: RequestContext,
  pool: UserPoolRecord,
  kind: 'username' | 'email' | 'phone',
  identifier: string,
  password: string,
): Promise<UserRecord> {
  const { engine } = ctx
  assertNotLocked(engine, pool.id, identifier)
  const user = ctx.state.findUser(pool.id, kind, identifier.trim())
  // An unknown account costs the same hashing as a known one, so timing tells nothing either.
  const stored = user?.password ?? unusableHash(engine.settings.passwordIterations)
  const matches = await verifyPassword(password, stored)
  if (!user?.password || !matches) {
    recordFailure(engine, pool.id, identifier)
    if (!engine.settings.legacyLoginErrors) throw new AuthingBusinessError('badCredentials')
    throw new AuthingBusinessError(user ? 'passwordWrong' : 'userNotFound')
  }
  recordSuccess(engine, pool.id, identifier)
  return user
}

function unusableHash(iterations: number): PasswordHash {
  return { alg: 'pbkdf2-sha256', iterations, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: '' }
}

/** Counts the login and answers the user with a new token. */
export async function completeLogin(
  ctx: RequestContext,
  user: UserRecord,
  app: ApplicationRecord,
  show: typeof graphqlUser | typeof restUser,
  newlyCreated = false,
): Promise<Record<string, unknown>> {
  const updated = countLogin(ctx, user, app)
  const { token, exp } = await issueToken(ctx.engine, updated, app)
  return show(ctx, updated, { token: { token, exp }, newlyCreated })
}

/** Records a login of `user` to `app` (count, last login, the app's active users); answers the updated user. */
export function countLogin(ctx: RequestContext, user: UserRecord, app: ApplicationRecord): UserRecord {
  const updated: UserRecord = {
    ...user,
    loginsCount: user.loginsCount + 1,
    lastLogin: new Date(ctx.now()).toISOString(),
  }
  ctx.state.users.set(user.id, updated)
  ctx.state.appLogins.set(keys.appLogin(app.id, user.id), { appId: app.id, userId: user.id, lastLogin: updated.lastLogin ?? '' })
  return updated
}

/** Consumes the code, then finds the user the phone or email belongs to (if any). */
function codeLogin(ctx: RequestContext, pool: UserPoolRecord, kind: 'phone' | 'email', to: string, code: string, flow: CodeFlow): UserRecord | undefined {
  consumeCode(ctx.engine, pool.id, kind === 'phone' ? 'sms' : 'email', to, code, flow)
  return ctx.state.findUser(pool.id, kind, to)
}

/** REST `POST /api/v2/login/email-code {email, code}`. */
export async function loginByEmailCode(ctx: RequestContext, email: string, code: string): Promise<Record<string, unknown>> {
  const { app, pool } = ctx.app()
  const user = codeLogin(ctx, pool, 'email', normaliseEmail(email), code, 'login')
  if (!user) throw new AuthingBusinessError('userNotFound')
  return completeLogin(ctx, user, app, restUser)
}

/** REST `GET /api/v2/logout`: the caller's token stops working everywhere. */
export async function logout(ctx: RequestContext): Promise<void> {
  const caller = await ctx.caller()
  const check = await verifyUserToken(ctx.engine, caller.token)
  if (check.ok) revokeToken(ctx.engine, check.payload)
}

interface RegisterProfileInput {
  udf?: { key: string; value: string }[] | null
  [field: string]: unknown
}

interface NewUser {
  username?: string | null
  email?: string | null
  phone?: string | null
  phoneCountryCode?: string | null
  password: PasswordHash | null
  registerSource: string
}

/**
 * Checks uniqueness of every identifier a user would have (username 2034, phone 2035, email and
 * externalId 2026); `exceptUserId` is the user being updated, who may keep their own.
 */
export function assertFree(
  ctx: RequestContext,
  poolId: string,
  fields: Pick<NewUser, 'username' | 'email' | 'phone'> & { externalId?: string | null },
  exceptUserId?: string,
): void {
  const taken = (kind: 'username' | 'email' | 'phone' | 'externalId', value: string | null | undefined): boolean => {
    const other = value ? ctx.state.findUser(poolId, kind, value) : undefined
    return other !== undefined && other.id !== exceptUserId
  }
  if (taken('username', fields.username)) throw new AuthingBusinessError('usernameExists')
  if (taken('phone', fields.phone)) throw new AuthingBusinessError('phoneExists')
  if (taken('email', fields.email) || taken('externalId', fields.externalId)) throw new AuthingBusinessError('userExists')
}

/** Profile identifiers merged into the new user's, validated (the input's own field wins). */
function profileIdentifiers(profile: RegisterProfileInput | null | undefined): Pick<NewUser, 'username' | 'email' | 'phone'> {
  const pick = (key: string): string | null => (typeof profile?.[key] === 'string' && profile[key] ? (profile[key] as string) : null)
  const email = pick('email')
  const phone = pick('phone')
  return { username: pick('username'), email: email ? normaliseEmail(email) : null, phone: phone ? normalisePhone(phone) : null }
}

/** Validates profile udf values before anything is written. */
function profileUdvs(ctx: RequestContext, poolId: string, profile: RegisterProfileInput | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { key, value } of profile?.udf ?? []) {
    const udf = ctx.state.udfs.get(keys.udf(poolId, 'USER', key))
    if (!udf) throw new AuthingBusinessError('udfNotFound', { key })
    const stored = wireUdvValue(udf.dataType, value)
    if (stored === null) throw new AuthingBusinessError('udvInvalid', { key, dataType: udf.dataType })
    out[key] = stored
  }
  return out
}

async function register(
  ctx: RequestContext,
  pool: UserPoolRecord,
  app: ApplicationRecord,
  input: { profile?: RegisterProfileInput | null; forceLogin?: boolean | null; generateToken?: boolean | null },
  fields: NewUser,
  udv: Record<string, string>,
): Promise<Record<string, unknown>> {
  const user = newUserRecord(pool.id, new Date(ctx.now()).toISOString(), {
    username: fields.username ?? null,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    phoneCountryCode: fields.phoneCountryCode ?? null,
    phoneVerified: fields.registerSource === 'basic:phone-code',
    password: fields.password,
    profile: profileOf(input.profile),
    registerSource: [fields.registerSource],
  })
  ctx.state.users.set(user.id, user)
  if (Object.keys(udv).length) ctx.state.udvs.set(keys.udv('USER', user.id), udv)
  if (input.forceLogin || input.generateToken) return completeLogin(ctx, user, app, graphqlUser, true)
  return graphqlUser(ctx, user, { newlyCreated: true })
}

/** The profile fields present (as strings) in an input object. */
export function profileOf(input: Record<string, unknown> | null | undefined): UserRecord['profile'] {
  const profile: UserRecord['profile'] = {}
  for (const field of profileFields) {
    const value = input?.[field]
    if (typeof value === 'string') profile[field] = value
  }
  return profile
}

/** A new user of the pool, created `at`: nothing verified, no logins, unless `fields` say otherwise. */
export function newUserRecord(poolId: string, at: string, fields: Partial<UserRecord>): UserRecord {
  return {
    id: objectId(),
    userPoolId: poolId,
    username: null,
    email: null,
    emailVerified: false,
    phone: null,
    phoneCountryCode: null,
    phoneVerified: false,
    unionid: null,
    openid: null,
    externalId: null,
    password: null,
    profile: {},
    registerSource: [],
    loginsCount: 0,
    lastLogin: null,
    lastIP: null,
    ...fields,
    createdAt: at,
    updatedAt: at,
  }
}

interface RegisterInputBase {
  password?: string | null
  profile?: RegisterProfileInput | null
  forceLogin?: boolean | null
  generateToken?: boolean | null
}

export const authResolvers: RootResolvers = {
  loginByUsername: (args: { input: { username: string; password: string } }, ctx) =>
    passwordLogin(ctx, 'username', args.input.username, args.input.password),
  loginByEmail: (args: { input: { email: string; password: string } }, ctx) =>
    passwordLogin(ctx, 'email', args.input.email, args.input.password),
  loginByPhonePassword: (args: { input: { phone: string; password: string } }, ctx) =>
    passwordLogin(ctx, 'phone', args.input.phone, args.input.password),

  /** Unknown phone: 2004, unless `autoRegister` asks to create the account. */
  async loginByPhoneCode(args: { input: { phone: string; code: string; phoneCountryCode?: string | null; autoRegister?: boolean | null } }, ctx) {
    const { app, pool } = ctx.app()
    const phone = normalisePhone(args.input.phone)
    const user = codeLogin(ctx, pool, 'phone', phone, args.input.code, 'login')
    if (user) return completeLogin(ctx, user, app, graphqlUser)
    if (!args.input.autoRegister) throw new AuthingBusinessError('userNotFound')
    const fields: NewUser = { phone, phoneCountryCode: args.input.phoneCountryCode ?? null, password: null, registerSource: 'basic:phone-code' }
    return register(ctx, pool, app, { forceLogin: true }, fields, {})
  },

  async registerByUsername(args: { input: RegisterInputBase & { username: string; password: string } }, ctx) {
    const { app, pool } = ctx.app()
    const { input } = args
    if (!input.username.trim()) throw new AuthingBusinessError('invalidParam', { field: 'username' })
    const ids = { ...profileIdentifiers(input.profile), username: input.username.trim() }
    assertFree(ctx, pool.id, ids)
    const udv = profileUdvs(ctx, pool.id, input.profile)
    const password = await newPasswordHash(ctx, input.password)
    assertFree(ctx, pool.id, ids) // again: another registration may have won while we hashed
    return register(ctx, pool, app, input, { ...ids, password, registerSource: 'basic:username-password' }, udv)
  },

  async registerByEmail(args: { input: RegisterInputBase & { email: string; password: string } }, ctx) {
    const { app, pool } = ctx.app()
    const { input } = args
    const ids = { ...profileIdentifiers(input.profile), email: normaliseEmail(input.email) }
    assertFree(ctx, pool.id, ids)
    const udv = profileUdvs(ctx, pool.id, input.profile)
    const password = await newPasswordHash(ctx, input.password)
    assertFree(ctx, pool.id, ids)
    return register(ctx, pool, app, input, { ...ids, password, registerSource: 'basic:email' }, udv)
  },

  async registerByPhoneCode(args: { input: RegisterInputBase & { phone: string; code: string; phoneCountryCode?: string | null } }, ctx) {
    const { app, pool } = ctx.app()
    const { input } = args
    const ids = { ...profileIdentifiers(input.profile), phone: normalisePhone(input.phone) }
    assertFree(ctx, pool.id, ids)
    const udv = profileUdvs(ctx, pool.id, input.profile)
    consumeCode(ctx.engine, pool.id, 'sms', ids.phone, input.code, 'register')
    const password = input.password ? await newPasswordHash(ctx, input.password) : null
    assertFree(ctx, pool.id, ids)
    const fields: NewUser = { ...ids, phoneCountryCode: input.phoneCountryCode ?? null, password, registerSource: 'basic:phone-code' }
    return register(ctx, pool, app, input, fields, udv)
  },

  /** A status, never a GraphQL error: 200 valid, 2206 expired, 2207 anything else (missing, forged, revoked). */
  async checkLoginStatus(args: { token?: string | null }, ctx) {
    const token = args.token ?? ctx.bearer
    const check = token ? await verifyUserToken(ctx.engine, token) : ({ ok: false, reason: 'invalid' } as const)
    if (!check.ok) {
      const name = check.reason === 'expired' ? 'tokenExpired' : 'tokenInvalid'
      return { code: new AuthingBusinessError(name).code, message: render(name, {}, ctx.lang), status: false, exp: null, iat: null, data: null }
    }
    const { user, payload } = check
    return {
      code: 200,
      message: successMessage('loggedIn', ctx.lang),
      status: true,
      exp: payload.exp,
      iat: payload.iat,
      data: { id: user.id, userPoolId: user.userPoolId, arn: `arn:cn:authing:${user.userPoolId}:user:${user.id}` },
    }
  },

  /** A new token for the caller (the old one stays valid until it expires); an administrator's: for user `id`. */
  async refreshToken(args: { id?: string | null }, ctx) {
    const { user, caller } = await ctx.subject(args.id)
    if (caller) return issueToken(ctx.engine, user, await ctx.callerApp())
    return issueToken(ctx.engine, user, ctx.poolApp(await ctx.management()))
  },

  isUserExists(args: { email?: string | null; phone?: string | null; username?: string | null; externalId?: string | null }, ctx) {
    const { pool } = ctx.app()
    const find = (kind: 'email' | 'phone' | 'username' | 'externalId', value: string | null | undefined): boolean =>
      Boolean(value && ctx.state.findUser(pool.id, kind, value.trim()))
    return find('username', args.username) || find('email', args.email) || find('phone', args.phone) || find('externalId', args.externalId)
  },

  checkPasswordStrength(args: { password: string }, ctx) {
    const problem = passwordProblem(args.password)
    return { valid: problem === null, message: problem ? render(problem, {}, ctx.lang) : successMessage('ok', ctx.lang) }
  },
}
