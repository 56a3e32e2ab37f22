/**
 * Passkeys over /api/v3/webauthn (facts: login-flows §9, authing-v3 rows 32–33): Guard's login pair
 * (`login/initialize` → `login/finalize`, answering the logged-in User with its token), the SDK's
 * `authentication` and `registration` families, the MFA step's `mfa-*` initializers, and the
 * listing and removal the Authing apps call (`page-authenticator-device`, `remove-credential/:id`).
 * Guard's login options need a `publicKey` key and the SDK names them `authenticationOptions`: both
 * are sent. A user's token comes raw (node SDK) or as `Bearer` (iOS).
 */
import { AuthingBusinessError } from '../../domain/errors.js'
import { requireChallenge } from '../../domain/mfa/challenge.js'
import { passkeyBindOptions, passkeyVerifyOptions } from '../../domain/mfa/passkey.js'
import {
  assertionOf,
  authenticationOptions,
  passkeyLogin,
  verifyAssertion,
} from '../../domain/passkey/authentication.js'
import { passkeysOf, removePasskey } from '../../domain/passkey/credentials.js'
import {
  type AuthenticatorCode,
  registrationCredentialOf,
  registrationOptions,
  takeRegistrationTicket,
  verifyRegistration,
} from '../../domain/passkey/registration.js'
import { takeTicket } from '../../domain/passkey/relyingParty.js'
import { verifyCaller } from '../../domain/sessions/caller.js'
import { optionalString, requiredString } from '../../http/input.js'
import type { RequestContext } from '../../requestContext.js'
import { passkeyView } from '../../views/passkeys.js'
import { restUser } from '../../views/users.js'
import type { RestRoutes } from '../types.js'

async function caller(ctx: RequestContext) {
  const app = ctx.app().app
  const { user } = await verifyCaller(ctx.engine, ctx.bearer ?? ctx.authorization, app.id)
  return { user, app }
}

const authenticatorCodes: readonly AuthenticatorCode[] = ['fingerprint', 'face', 'other']

function authenticatorCodeOf(body: Record<string, unknown>): AuthenticatorCode | undefined {
  const code = optionalString(body, 'authenticatorCode')
  if (code === null) return undefined
  if (!authenticatorCodes.includes(code as AuthenticatorCode))
    throw new AuthingBusinessError('invalidParam', { field: 'authenticatorCode' })
  return code as AuthenticatorCode
}

async function loginOptions(ctx: RequestContext) {
  return authenticationOptions(ctx.engine, ctx.app().app)
}

async function assertionLogin(ctx: RequestContext, body: Record<string, unknown>, field: string) {
  const assertion = assertionOf(body[field], field)
  const ticket = takeTicket(ctx.engine, ctx.app().pool.id, requiredString(body, 'ticket'), 'login')
  const user = await verifyAssertion(ctx.engine, ticket, assertion)
  return passkeyLogin(ctx.engine, user, ticket.appId)
}

async function creationOptions(ctx: RequestContext) {
  const { user, app } = await caller(ctx)
  const { options, ticket } = await registrationOptions(ctx.engine, user, app)
  return { registrationOptions: options, ticket }
}

export const webauthnRoutes: RestRoutes = {
  'POST /api/v3/webauthn/login/initialize': async (ctx) => {
    const { options, ticket } = await loginOptions(ctx)
    return { ticket, publicKey: options, authenticationOptions: options }
  },
  /** `{ticket, credential, options?}` → the User with `token`. */
  'POST /api/v3/webauthn/login/finalize': async (ctx, request) => {
    const { user, token } = await assertionLogin(ctx, await request.body(), 'credential')
    return restUser(ctx.engine, user, { token })
  },
  'GET /api/v3/webauthn/authentication': async (ctx) => {
    const { options, ticket } = await loginOptions(ctx)
    return { authenticationOptions: options, ticket }
  },
  /** `{ticket, authenticationCredential, options?}` → `{verified, tokenSet}`. */
  'POST /api/v3/webauthn/authentication': async (ctx, request) => {
    const { token } = await assertionLogin(ctx, await request.body(), 'authenticationCredential')
    const tokenSet = {
      access_token: token.token,
      id_token: token.token,
      token_type: 'Bearer',
      expire_in: Math.max(0, token.exp - Math.floor(ctx.engine.settings.now() / 1000)),
    }
    return { verified: true, tokenSet }
  },
  'GET /api/v3/webauthn/registration': creationOptions,
  'POST /api/v3/webauthn/registration/initialize': creationOptions,
  /** `{ticket, registrationCredential, authenticatorCode?, name?}` → `{verified}`. */
  'POST /api/v3/webauthn/registration': async (ctx, request) => {
    const body = await request.body()
    const { user } = await caller(ctx)
    const credential = registrationCredentialOf(body.registrationCredential, 'registrationCredential')
    const ticket = takeRegistrationTicket(ctx.engine, user, requiredString(body, 'ticket'))
    const authenticatorCode = authenticatorCodeOf(body)
    const name = optionalString(body, 'name')
    await verifyRegistration(ctx.engine, ticket, credential, {
      ...(name !== null && { name }),
      ...(authenticatorCode && { authenticatorCode }),
    })
    return { verified: true }
  },
  /** `{authenticatorCode?}` → the caller's passkeys, newest first. */
  'POST /api/v3/webauthn/page-authenticator-device': async (ctx, request) => {
    const authenticatorCode = authenticatorCodeOf(await request.body())
    const { user } = await caller(ctx)
    const list = passkeysOf(ctx.engine.state, user).filter(
      (passkey) => !authenticatorCode || passkey.authenticatorCode === authenticatorCode,
    )
    return { list: list.map(passkeyView), totalCount: list.length }
  },
  'POST /api/v3/webauthn/remove-credential/:credentialId': async (ctx, request) => {
    const { user } = await caller(ctx)
    removePasskey(ctx.engine, user, request.params.credentialId ?? '')
    return null
  },
  /** `Bearer <mfaToken>` → request options and a ticket for authFlow `passkey-verify`. */
  'POST /api/v3/webauthn/mfa-verify/initialize': async (ctx) => {
    const challenge = await requireChallenge(ctx.engine, ctx.authorization)
    const { options, ticket } = await passkeyVerifyOptions(ctx.engine, challenge)
    return { publicKey: options, ticket }
  },
  /** `Bearer <mfaToken>` → creation options and a ticket for authFlow `passkey-bind`. */
  'POST /api/v3/webauthn/mfa-bind/initialize': async (ctx) => {
    const challenge = await requireChallenge(ctx.engine, ctx.authorization)
    const { options, ticket } = await passkeyBindOptions(ctx.engine, challenge)
    return { publicKey: options, ticket }
  },
}
