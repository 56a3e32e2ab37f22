/**
 * The second-factor step of a login and authenticator binding (facts: login-flows §2). The step's
 * calls carry the mfaToken as `Bearer <token>` (SDK) or bare (Guard); binding also works with the
 * user's session. A passed step answers the logged-in user with a new token, like any login.
 */
import { successMessage } from '../../domain/errors.js'
import { challengeOf, requireChallenge } from '../../domain/mfa/challenge.js'
import {
  associateTotp,
  confirmTotp,
  type Enroller,
  listAuthenticators,
  unbindTotp,
} from '../../domain/mfa/enrolment.js'
import { destinationIsFree, verifyCodeFactor, verifyRecoveryCode, verifyTotp } from '../../domain/mfa/verify.js'
import { normaliseEmail, normalisePhone } from '../../domain/users.js'
import { optionalString, requiredString } from '../../http/input.js'
import type { RequestContext } from '../../requestContext.js'
import { restUser } from '../../views/users.js'
import { type RestHandler, type RestRoutes, withTopLevel } from '../types.js'

async function enroller(ctx: RequestContext): Promise<Enroller> {
  const challenge = await challengeOf(ctx.engine, ctx.authorization)
  if (challenge) return { user: challenge.user, challenge }
  return { user: (await ctx.caller()).user, challenge: null }
}

const verifyTotpRoute: RestHandler = async (ctx, request) => {
  const totp = requiredString(await request.body(), 'totp')
  const { user, token } = await verifyTotp(ctx.engine, await requireChallenge(ctx.engine, ctx.authorization), totp)
  return restUser(ctx.engine, user, { token })
}

export const mfaRoutes: RestRoutes = {
  'POST /api/v2/mfa/totp/verify': verifyTotpRoute,
  'POST /api/v2/applications/mfa/totp/verify': verifyTotpRoute,
  /** The envelope carries the next recovery code beside the user (`recoveryCode`), as Authing's does. */
  'POST /api/v2/mfa/totp/recovery': async (ctx, request) => {
    const recoveryCode = requiredString(await request.body(), 'recoveryCode')
    const challenge = await requireChallenge(ctx.engine, ctx.authorization)
    const { user, token, recoveryCode: next } = await verifyRecoveryCode(ctx.engine, challenge, recoveryCode)
    return withTopLevel(restUser(ctx.engine, user, { token }), { recoveryCode: next })
  },
  'POST /api/v2/applications/mfa/sms/verify': async (ctx, request) => {
    const body = await request.body()
    const phone = normalisePhone(requiredString(body, 'phone'))
    const code = requiredString(body, 'code')
    optionalString(body, 'phoneCountryCode')
    const challenge = await requireChallenge(ctx.engine, ctx.authorization)
    const { user, token } = await verifyCodeFactor(ctx.engine, challenge, 'sms', phone, code)
    return restUser(ctx.engine, user, { token })
  },
  'POST /api/v2/applications/mfa/email/verify': async (ctx, request) => {
    const body = await request.body()
    const email = normaliseEmail(requiredString(body, 'email'), 'emailInvalid')
    const code = requiredString(body, 'code')
    const challenge = await requireChallenge(ctx.engine, ctx.authorization)
    const { user, token } = await verifyCodeFactor(ctx.engine, challenge, 'email', email, code)
    return restUser(ctx.engine, user, { token })
  },
  /** `data`: whether the step may bind this phone or email (nobody else has it). */
  'POST /api/v2/applications/mfa/check': async (ctx, request) => {
    const body = await request.body()
    const phone = optionalString(body, 'phone')
    const email = optionalString(body, 'email')
    const { user } = await requireChallenge(ctx.engine, ctx.authorization)
    if (phone !== null) return destinationIsFree(ctx.engine, user, 'phone', normalisePhone(phone))
    if (email !== null) return destinationIsFree(ctx.engine, user, 'email', normaliseEmail(email, 'emailInvalid'))
    return false
  },
  /** `?type=totp&source=SELF` (SDK), `?source=APPLICATION` (Guard) or `authenticator_type`: all one list. */
  'GET /api/v2/mfa/authenticator': async (ctx) => listAuthenticators(ctx.engine, await enroller(ctx)),
  'POST /api/v2/mfa/totp/associate': async (ctx, request) => {
    await request.body()
    return associateTotp(ctx.engine, await enroller(ctx))
  },
  /** In a login's step the answer is the logged-in user (Guard logs in with it); else just the message. */
  'POST /api/v2/mfa/totp/associate/confirm': async (ctx, request) => {
    const totp = requiredString(await request.body(), 'totp')
    const { loggedIn } = await confirmTotp(ctx.engine, await enroller(ctx), totp)
    const message = successMessage('totpBound', ctx.lang)
    return withTopLevel(loggedIn ? restUser(ctx.engine, loggedIn.user, { token: loggedIn.token }) : null, { message })
  },
  'DELETE /api/v2/mfa/totp/associate': async (ctx) => {
    unbindTotp(ctx.engine, (await ctx.caller()).user)
    return withTopLevel(null, { message: successMessage('totpUnbound', ctx.lang) })
  },
}
