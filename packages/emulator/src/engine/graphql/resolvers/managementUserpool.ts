/** The user pool's settings (management): `userpool` and `updateUserpool` (rules: ../../domain/poolSettings.ts). */
import { updatePool } from '../../domain/poolSettings.js'
import { userPoolView } from '../../views/userPool.js'
import type { RootResolvers } from '../types.js'

export const managementUserpoolResolvers: RootResolvers = {
  async userpool(_args: Record<string, never>, ctx) {
    return userPoolView(await ctx.management())
  },

  async updateUserpool(args: { input: Record<string, unknown> }, ctx) {
    return userPoolView(updatePool(ctx.engine, await ctx.management(), args.input))
  },
}
