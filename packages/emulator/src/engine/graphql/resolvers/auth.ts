/**
 * Login, registration and session: loginBy*, registerBy*, checkLoginStatus, refreshToken,
 * isUserExists, checkPasswordStrength, and the password resets a login can ask for.
 */
import { AuthingBusinessError, render, successMessage } from '../../domain/errors.js'
import type { LoginIdentifier } from '../../domain/lockout.js'
import { codeLogin, completeLogin, type LoggedIn } from '../../domain/login.js'
import { resetPasswordByFirstLoginToken, resetPasswordByForceResetToken } from '../../domain/passwordRules.js'
import { passwordProblem } from '../../domain/passwords.js'
import {
  passwordLoginOrRegister,
  registerByPhoneCode,
  type Registered,
  type RegisterInput,
  registerOnPhoneLogin,
  registerWithPassword,
} from '../../domain/registration.js'
import { issueToken, verifyUserToken } from '../../domain/sessions/tokens.js'
import { anyUserExists, normalisePhone } from '../../domain/users.js'
import type { RequestContext } from '../../requestContext.js'
import { graphqlUser } from '../../views/users.js'
import type { RootResolvers } from '../types.js'

const loggedIn = (ctx: RequestContext, { user, token }: LoggedIn) => graphqlUser(ctx.engine, user, { token })
const registered = (ctx: RequestContext, { user, token }: Registered) =>
  graphqlUser(ctx.engine, user, { token, newlyCreated: true })

interface PasswordInput {
  password: string
  captchaCode?: string | null
  autoRegister?: boolean | null
}

/** The password logins; with `autoRegister` an unknown username or email signs up (not a phone: it needs a code). */
const withPassword = (ctx: RequestContext, kind: LoginIdentifier, identifier: string, input: PasswordInput) =>
  passwordLoginOrRegister(
    ctx.engine,
    ctx.app(),
    kind,
    identifier,
    input.password,
    ctx.captcha(input.captchaCode),
    input.autoRegister === true,
  )

export const authResolvers: RootResolvers = {
  loginByUsername: async (args: { input: PasswordInput & { username: string } }, ctx) =>
    loggedIn(ctx, await withPassword(ctx, 'username', args.input.username, args.input)),
  loginByEmail: async (args: { input: PasswordInput & { email: string } }, ctx) =>
    loggedIn(ctx, await withPassword(ctx, 'email', args.input.email, args.input)),
  loginByPhonePassword: async (args: { input: PasswordInput & { phone: string } }, ctx) =>
    loggedIn(ctx, await withPassword(ctx, 'phone', args.input.phone, args.input)),

  /** Unknown phone: 2004, unless `autoRegister` asks to create the account. */
  async loginByPhoneCode(
    args: { input: { phone: string; code: string; phoneCountryCode?: string | null; autoRegister?: boolean | null } },
    ctx,
  ) {
    const target = ctx.app()
    const phone = normalisePhone(args.input.phone)
    const user = codeLogin(ctx.engine, target.pool, 'phone', phone, args.input.code, 'login')
    if (user) return loggedIn(ctx, await completeLogin(ctx.engine, user, target.app))
    if (!args.input.autoRegister) throw new AuthingBusinessError('userNotFound')
    return registered(ctx, await registerOnPhoneLogin(ctx.engine, target, phone, args.input.phoneCountryCode ?? null))
  },

  async registerByUsername(args: { input: RegisterInput & { username: string; password: string } }, ctx) {
    return registered(
      ctx,
      await registerWithPassword(ctx.engine, ctx.app(), args.input, { username: args.input.username }),
    )
  },

  async registerByEmail(args: { input: RegisterInput & { email: string; password: string } }, ctx) {
    return registered(ctx, await registerWithPassword(ctx.engine, ctx.app(), args.input, { email: args.input.email }))
  },

  async registerByPhoneCode(
    args: { input: RegisterInput & { phone: string; code: string; phoneCountryCode?: string | null } },
    ctx,
  ) {
    return registered(ctx, await registerByPhoneCode(ctx.engine, ctx.app(), args.input))
  },

  /** A status, never a GraphQL error: 200 valid, 2206 expired, 2207 anything else (missing, forged, revoked). */
  async checkLoginStatus(args: { token?: string | null }, ctx) {
    const token = args.token ?? ctx.bearer
    const check = token ? await verifyUserToken(ctx.engine, token) : ({ ok: false, reason: 'invalid' } as const)
    if (!check.ok) {
      const name = check.reason === 'expired' ? 'tokenExpired' : 'tokenInvalid'
      return {
        code: new AuthingBusinessError(name).code,
        message: render(name, {}, ctx.lang),
        status: false,
        exp: null,
        iat: null,
        data: null,
      }
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

  isUserExists(
    args: { email?: string | null; phone?: string | null; username?: string | null; externalId?: string | null },
    ctx,
  ) {
    return anyUserExists(ctx.state, ctx.app().pool.id, args)
  },

  checkPasswordStrength(args: { password: string }, ctx) {
    const { pool } = ctx.app()
    const problem = passwordProblem(args.password, pool)
    return {
      valid: problem === null,
      message: problem
        ? render(problem, { kinds: pool.passwordStrength ?? 1 }, ctx.lang)
        : successMessage('ok', ctx.lang),
    }
  },

  /** 1639 (and 2071) steps: no login follows; the user logs in again with the new password. */
  async resetPasswordByFirstLoginToken(args: { token: string; password: string }, ctx) {
    await resetPasswordByFirstLoginToken(ctx.engine, args.token, args.password)
    return { code: 200, message: successMessage('passwordUpdated', ctx.lang) }
  },

  /** The 2058 step: the current password, then the new one. */
  async resetPasswordByForceResetToken(args: { token: string; oldPassword: string; newPassword: string }, ctx) {
    await resetPasswordByForceResetToken(ctx.engine, args.token, args.oldPassword, args.newPassword)
    return { code: 200, message: successMessage('passwordUpdated', ctx.lang) }
  },
}
