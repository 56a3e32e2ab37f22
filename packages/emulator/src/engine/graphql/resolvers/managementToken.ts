/** `accessToken(userPoolId, secret)`: the management token (unknown pool: 2224, wrong secret: 1001). */
import { issueManagementToken } from '../../domain/sessions/managementToken.js'
import type { RootResolvers } from '../types.js'

export const managementTokenResolvers: RootResolvers = {
  accessToken: (args: { userPoolId: string; secret: string }, ctx) =>
    issueManagementToken(ctx.engine, args.userPoolId, args.secret),
}
