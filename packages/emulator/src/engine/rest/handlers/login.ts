/**
 * `GET /api/v2/.well-known` (the password-encryption key), Guard's REST logins (account and
 * password, phone code, email code: each with the agreements its form showed) and logout.
 */
import { assertAgreementsAccepted } from '../../domain/agreements.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { accountKind, codeLogin, completeLogin, emailCodeLogin, logout } from '../../domain/login.js'
import { passwordLoginOrRegister, registerOnPhoneLogin } from '../../domain/registration.js'
import { normaliseEmail, normalisePhone } from '../../domain/users.js'
import { optionalIdList, optionalString, requiredString } from '../../http/input.js'
import type { RequestContext } from '../../requestContext.js'
import { restUser } from '../../views/users.js'
import type { RestRoutes } from '../types.js'

/** The app and pool of the login, once the agreements its form shows are accepted. */
function loginTarget(ctx: RequestContext, body: Record<string, unknown>) {
  const target = ctx.app()
  assertAgreementsAccepted(ctx.state, target.app, ctx.lang, 'login', optionalIdList(body, 'agreementIds'))
  return target
}

export const loginRoutes: RestRoutes = {
  'GET /api/v2/.well-known': async (ctx) => ({ publicKey: ctx.engine.publicKeyPem }),
  /**
   * `{account, password (RSA), captchaCode?, agreementIds?, autoRegister?}`: `account` is a username,
   * email or phone; with `autoRegister` an unknown username or email signs up.
   */
  'POST /api/v2/login/account': async (ctx, request) => {
    const body = await request.body()
    const account = requiredString(body, 'account')
    const password = requiredString(body, 'password')
    const target = loginTarget(ctx, body)
    const autoRegister = body.autoRegister === true
    // A name nobody has yet is a phone to a login, but a username to a sign-up.
    const kind =
      autoRegister && /\D/.test(account) && !account.includes('@')
        ? 'username'
        : accountKind(ctx.engine, target.pool, account)
    const captcha = ctx.captcha(optionalString(body, 'captchaCode'))
    const { user, token } = await passwordLoginOrRegister(
      ctx.engine,
      target,
      kind,
      account,
      password,
      captcha,
      autoRegister,
    )
    return restUser(ctx.engine, user, { token })
  },
  /** `{phone, code, phoneCountryCode?, autoRegister?, agreementIds?}`; an unknown phone is 2004 unless `autoRegister`. */
  'POST /api/v2/login/phone-code': async (ctx, request) => {
    const body = await request.body()
    const phone = normalisePhone(requiredString(body, 'phone'))
    const code = requiredString(body, 'code')
    const target = loginTarget(ctx, body)
    const user = codeLogin(ctx.engine, target.pool, 'phone', phone, code, 'login')
    if (user) {
      const { user: updated, token } = await completeLogin(ctx.engine, user, target.app)
      return restUser(ctx.engine, updated, { token })
    }
    if (body.autoRegister !== true) throw new AuthingBusinessError('userNotFound')
    const countryCode = optionalString(body, 'phoneCountryCode')
    const { user: created, token } = await registerOnPhoneLogin(ctx.engine, target, phone, countryCode)
    return restUser(ctx.engine, created, { token })
  },
  /** `{email, code, agreementIds?}` */
  'POST /api/v2/login/email-code': async (ctx, request) => {
    const body = await request.body()
    const email = requiredString(body, 'email')
    const code = requiredString(body, 'code')
    const target = loginTarget(ctx, body)
    const { user, token } = await emailCodeLogin(ctx.engine, target, normaliseEmail(email), code)
    return restUser(ctx.engine, user, { token })
  },
  /** The caller's token stops working everywhere. */
  'GET /api/v2/logout': async (ctx) => {
    const caller = await ctx.caller()
    await logout(ctx.engine, caller.token)
    return null
  },
}
