/** Sending verification codes: GraphQL `sendEmail(email, scene)` (lifetime and scene rules: ../../domain/codes.ts). */
import { issueCode } from '../../domain/codes.js'
import { successMessage } from '../../domain/errors.js'
import { normaliseEmail } from '../../domain/users.js'
import type { RootResolvers } from '../types.js'

export const codeResolvers: RootResolvers = {
  sendEmail(args: { email: string; scene: string }, ctx) {
    const email = normaliseEmail(args.email, 'emailInvalid')
    const { pool } = ctx.app()
    issueCode(ctx.engine, pool.id, 'email', email, args.scene)
    return { code: 200, message: successMessage('codeSent', ctx.lang) }
  },
}
