/** Authorization (management): allow, isActionAllowed, authorizeResource, authorizedResources (../../domain/acl.ts). */
import * as acl from '../../domain/acl.js'
import { commonMessage } from '../../domain/errors.js'
import type { RootResolvers } from '../types.js'

export const managementAclResolvers: RootResolvers = {
  async allow(
    args: {
      resource: string
      action: string
      userId?: string | null
      userIds?: string[] | null
      roleCode?: string | null
      roleCodes?: string[] | null
      namespace?: string | null
    },
    ctx,
  ) {
    acl.allow(ctx.state, (await ctx.management()).id, args)
    return commonMessage(ctx.lang)
  },

  async isActionAllowed(args: { resource: string; action: string; userId: string; namespace?: string | null }, ctx) {
    return acl.isAllowed(ctx.state, (await ctx.management()).id, args)
  },

  async authorizeResource(args: { namespace?: string | null; resource?: string | null; opts?: unknown }, ctx) {
    acl.authorizeResource(ctx.state, (await ctx.management()).id, args)
    return commonMessage(ctx.lang)
  },

  async authorizedResources(
    args: {
      targetType?: string | null
      targetIdentifier?: string | null
      namespace?: string | null
      resourceType?: string | null
    },
    ctx,
  ) {
    const list = acl.authorizedResourcesOf(ctx.state, (await ctx.management()).id, args)
    return { totalCount: list.length, list }
  },
}
