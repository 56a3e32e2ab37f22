/**
 * Guard's REST registrations (paths as guard-ios calls them): by email or username with a password,
 * or by phone code. Each must name in `agreementIds` the required agreements the register form shows
 * (see ../../domain/agreements.ts); `forceLogin` or `generateToken` answer the new user with a token.
 */
import { assertAgreementsAccepted } from '../../domain/agreements.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { registerByPhoneCode, type RegisterInput, registerWithPassword } from '../../domain/registration.js'
import { optionalIdList, optionalString, requiredString } from '../../http/input.js'
import type { RequestContext } from '../../requestContext.js'
import { restUser } from '../../views/users.js'
import type { RestRoutes } from '../types.js'

/** The app and pool of the registration, and its common fields, once the agreements are accepted. */
function registration(ctx: RequestContext, body: Record<string, unknown>) {
  const target = ctx.app()
  assertAgreementsAccepted(ctx.state, target.app, ctx.lang, 'register', optionalIdList(body, 'agreementIds'))
  const flag = (field: string): boolean | null => {
    const value = body[field]
    if (value !== undefined && value !== null && typeof value !== 'boolean')
      throw new AuthingBusinessError('invalidParam', { field })
    return value ?? null
  }
  const profile = body.profile
  if (profile !== undefined && profile !== null && (typeof profile !== 'object' || Array.isArray(profile)))
    throw new AuthingBusinessError('invalidParam', { field: 'profile' })
  const input: RegisterInput = {
    forceLogin: flag('forceLogin'),
    generateToken: flag('generateToken'),
    profile: (profile as RegisterInput['profile']) ?? null,
  }
  return { target, input }
}

export const registerRoutes: RestRoutes = {
  /** `{email, password (RSA), forceLogin?, generateToken?, profile?, agreementIds?}` */
  'POST /api/v2/register/email': async (ctx, request) => {
    const body = await request.body()
    const email = requiredString(body, 'email')
    const password = requiredString(body, 'password')
    const { target, input } = registration(ctx, body)
    const { user, token } = await registerWithPassword(ctx.engine, target, { ...input, password }, { email })
    return restUser(ctx.engine, user, { token, newlyCreated: true })
  },
  /** `{username, password (RSA), forceLogin?, generateToken?, profile?, agreementIds?}` */
  'POST /api/v2/register/username': async (ctx, request) => {
    const body = await request.body()
    const username = requiredString(body, 'username')
    const password = requiredString(body, 'password')
    const { target, input } = registration(ctx, body)
    const { user, token } = await registerWithPassword(ctx.engine, target, { ...input, password }, { username })
    return restUser(ctx.engine, user, { token, newlyCreated: true })
  },
  /** `{phone, code, password? (RSA), phoneCountryCode?, forceLogin?, generateToken?, profile?, agreementIds?}` */
  'POST /api/v2/register/phone-code': async (ctx, request) => {
    const body = await request.body()
    const phone = requiredString(body, 'phone')
    const code = requiredString(body, 'code')
    const { target, input } = registration(ctx, body)
    const fields = {
      ...input,
      phone,
      code,
      password: optionalString(body, 'password'),
      phoneCountryCode: optionalString(body, 'phoneCountryCode'),
    }
    const { user, token } = await registerByPhoneCode(ctx.engine, target, fields)
    return restUser(ctx.engine, user, { token, newlyCreated: true })
  },
}
