/**
 * Sending verification codes: GraphQL `sendEmail(email, scene)` and REST `POST /api/v2/sms/send`.
 * Codes land in the outbox (see ../verificationCodes.ts for lifetime and scene rules).
 */
import type { RequestContext } from '../../requestContext.js'
import { successMessage } from '../../domain/errors.js'
import { normaliseEmail, normalisePhone, optionalString, requiredString } from '../../http/input.js'
import { issueCode } from '../../domain/codes.js'
import type { RootResolvers } from '../types.js'

/** REST body `{phone, phoneCountryCode?, scene?}`; answers the `{code, message}` the SDKs expect. */
export function sendSmsCode(ctx: RequestContext, body: Record<string, unknown>): { code: number; message: string } {
  const phone = normalisePhone(requiredString(body, 'phone'))
  optionalString(body, 'phoneCountryCode')
  const scene = optionalString(body, 'scene')
  const { pool } = ctx.app()
  issueCode(ctx.engine, pool.id, 'sms', phone, scene)
  return { code: 200, message: successMessage('codeSent', ctx.lang) }
}

export const codeResolvers: RootResolvers = {
  sendEmail(args: { email: string; scene: string }, ctx) {
    const email = normaliseEmail(args.email, 'emailInvalid')
    const { pool } = ctx.app()
    issueCode(ctx.engine, pool.id, 'email', email, args.scene)
    return { code: 200, message: successMessage('codeSent', ctx.lang) }
  },
}
