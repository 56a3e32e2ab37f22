/**
 * The steps a login can stop at that a token finishes (facts: login-flows §4, §5): the iOS SDK's
 * first-login password reset, and Guard's flow engine `POST /interaction/authFlow` for profile
 * completion. authFlow answers in Authing's hybrid dialect (§1.1): the business code in `code` and
 * `apiCode`, and a `statusCode` that Guard routes on — 3xx with 1600 (FLOW_END) and the user when
 * the login is done, 4xx with the error otherwise, all as HTTP 200.
 */
import { completeProfile, type FieldValue, skipProfileCompletion } from '../../domain/completion/complete.js'
import { AuthingBusinessError, successMessage } from '../../domain/errors.js'
import { bindPasskeyFactor, verifyPasskeyFactor } from '../../domain/mfa/passkey.js'
import { assertionOf } from '../../domain/passkey/authentication.js'
import { registrationCredentialOf } from '../../domain/passkey/registration.js'
import { ticketOfClientData } from '../../domain/passkey/relyingParty.js'
import { resetPasswordByFirstLoginToken } from '../../domain/passwordRules.js'
import { bindIdentityByPassword, createFederationAccount } from '../../domain/social/socialLogin.js'
import { errorBody } from '../../http/errors.js'
import { optionalString, requiredString } from '../../http/input.js'
import type { RequestContext } from '../../requestContext.js'
import { restUser } from '../../views/users.js'
import { type RestRoutes, withTopLevel } from '../types.js'

function fieldValuesOf(data: unknown): FieldValue[] {
  const list = (data as { fieldValues?: unknown } | null)?.fieldValues
  if (!Array.isArray(list)) throw new AuthingBusinessError('invalidParam', { field: 'data.fieldValues' })
  return list.map((item: unknown, i) => {
    const { name, value, code } = (item ?? {}) as Record<string, unknown>
    if (typeof name !== 'string' || (code !== undefined && code !== null && typeof code !== 'string'))
      throw new AuthingBusinessError('invalidParam', { field: `data.fieldValues[${i}]` })
    return { name, value, code: typeof code === 'string' ? code : undefined }
  })
}

/**
 * The passkey MFA actions (§9.2): the ticket of the step's `mfa-verify` or `mfa-bind` initialize
 * names the step; a bind without one (Guard's) is found by the challenge its attestation signed.
 */
async function runPasskeyAction(ctx: RequestContext, action: string, data: Record<string, unknown>) {
  const poolId = ctx.app().pool.id
  if (action === 'passkey-verify') {
    const assertion = assertionOf(data.credential, 'data.credential')
    return verifyPasskeyFactor(ctx.engine, poolId, requiredString(data, 'ticket'), assertion)
  }
  const attestation = registrationCredentialOf(data, 'data')
  const ticket =
    optionalString(data, 'ticket') ?? (await ticketOfClientData(ctx.engine, attestation.response.clientDataJSON))
  return bindPasskeyFactor(ctx.engine, poolId, ticket, attestation)
}

async function runAction(ctx: RequestContext, body: Record<string, unknown>) {
  const action = requiredString(body, 'action')
  if (action === 'passkey-verify' || action === 'passkey-bind') {
    const data = body.data
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw new AuthingBusinessError('invalidParam', { field: 'data' })
    return runPasskeyAction(ctx, action, data as Record<string, unknown>)
  }
  const flowHandle = requiredString(body, 'flowHandle')
  if (action === 'complete-completion') return completeProfile(ctx.engine, flowHandle, fieldValuesOf(body.data))
  if (action === 'skip-completion') return skipProfileCompletion(ctx.engine, flowHandle)
  if (action === 'bind-identity-by-password') {
    const data = (body.data ?? {}) as Record<string, unknown>
    const account = requiredString(data, 'account')
    return bindIdentityByPassword(ctx.engine, flowHandle, account, requiredString(data, 'password'))
  }
  if (action === 'create-federation-account') return createFederationAccount(ctx.engine, flowHandle)
  throw new AuthingBusinessError('completionActionUnknown', { action })
}

export const loginStepRoutes: RestRoutes = {
  /** `{token, password}` (RSA): the 1639 step, as the iOS SDK finishes it. No login follows. */
  'POST /api/v2/users/password/reset-by-first-login-token': async (ctx, request) => {
    const body = await request.body()
    await resetPasswordByFirstLoginToken(ctx.engine, requiredString(body, 'token'), requiredString(body, 'password'))
    return withTopLevel(null, { message: successMessage('passwordUpdated', ctx.lang) })
  },
  /**
   * `{action, data?, flowHandle}`: `complete-completion` and `skip-completion` of the 1642 step,
   * `bind-identity-by-password {account, password}` and `create-federation-account` of 1641;
   * `passkey-verify {credential, ticket}` and `passkey-bind {…attestation, ticket?}` of the MFA step.
   */
  'POST /interaction/authFlow': async (ctx, request) => {
    try {
      const { user, token } = await runAction(ctx, await request.body())
      const data = { user: restUser(ctx.engine, user, { token }) }
      return withTopLevel(data, { code: 1600, apiCode: 1600, statusCode: 302 })
    } catch (error) {
      if (!(error instanceof AuthingBusinessError)) throw error
      const { code, message, data } = errorBody(error, ctx.lang)
      return withTopLevel(data ?? null, { code, apiCode: code, statusCode: 400, message })
    }
  },
}
