/** Authorization (management): allow, isActionAllowed, authorizeResource, authorizedResources (../../domain/acl.ts). */
import * as acl from '../../domain/acl.js'
import { commonMessage } from '../../domain/errors.js'
import type { RootResolvers } from '../types.js'

export const managementAclResolvers: RootResolvers = {
  async allow(args: Parameters<typeof acl.allow>[2], ctx) {
    acl.allow(ctx.state, (await ctx.management()).id, args)
    return commonMessage(ctx.lang)
  },

  async isActionAllowed(args: Parameters<typeof acl.isAllowed>[2], ctx) {
    return acl.isAllowed(ctx.state, (await ctx.management()).id, args)
  },

  async authorizeResource(args: Parameters<typeof acl.authorizeResource>[2], ctx) {
    acl.authorizeResource(ctx.state, (await ctx.management()).id, args)
    return commonMessage(ctx.lang)
  },

  async authorizedResources(args: Parameters<typeof acl.authorizedResourcesOf>[2], ctx) {
    const list = acl.authorizedResourcesOf(ctx.state, (await ctx.management()).id, args)
    return { totalCount: list.length, list }
  },
}
