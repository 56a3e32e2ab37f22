/**
 * `POST /api/v2/sms/send {phone, phoneCountryCode?, scene?}`: answers the `{code, message}` the SDKs
 * expect; `POST /api/v2/email/send {email, scene}`, Guard's way to send an email code (e.g. scene
 * `INFORMATION_COMPLETION_VERIFY_CODE` for profile completion).
 */
import { issueCode } from '../../domain/codes.js'
import { successMessage } from '../../domain/errors.js'
import { normaliseEmail, normalisePhone } from '../../domain/users.js'
import { optionalString, requiredString } from '../../http/input.js'
import type { RestRoutes } from '../types.js'

export const codeRoutes: RestRoutes = {
  'POST /api/v2/sms/send': async (ctx, request) => {
    const body = await request.body()
    const phone = normalisePhone(requiredString(body, 'phone'))
    optionalString(body, 'phoneCountryCode')
    const scene = optionalString(body, 'scene')
    const { pool } = ctx.app()
    issueCode(ctx.engine, pool.id, 'sms', phone, scene)
    return { code: 200, message: successMessage('codeSent', ctx.lang) }
  },
  'POST /api/v2/email/send': async (ctx, request) => {
    const body = await request.body()
    const email = normaliseEmail(requiredString(body, 'email'))
    const { pool } = ctx.app()
    issueCode(ctx.engine, pool.id, 'email', email, requiredString(body, 'scene'))
    return null
  },
}
