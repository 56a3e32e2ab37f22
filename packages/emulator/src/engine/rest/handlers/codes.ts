/** `POST /api/v2/sms/send {phone, phoneCountryCode?, scene?}`: answers the `{code, message}` the SDKs expect. */
import { issueCode } from '../../domain/codes.js'
import { successMessage } from '../../domain/errors.js'
import { normalisePhone } from '../../domain/users.js'
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
}
