/** `GET /api/v2/.well-known` (the password-encryption key), email-code login, and logout. */
import { emailCodeLogin, logout } from '../../domain/login.js'
import { normaliseEmail } from '../../domain/users.js'
import { requiredString } from '../../http/input.js'
import { restUser } from '../../views/users.js'
import type { RestRoutes } from '../types.js'

export const loginRoutes: RestRoutes = {
  'GET /api/v2/.well-known': async (ctx) => ({ publicKey: ctx.engine.publicKeyPem }),
  /** `{email, code}` */
  'POST /api/v2/login/email-code': async (ctx, request) => {
    const body = await request.body()
    const email = requiredString(body, 'email')
    const code = requiredString(body, 'code')
    const target = ctx.app()
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
