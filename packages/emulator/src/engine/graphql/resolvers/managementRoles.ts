/**
 * Roles (management): createRole, updateRole, deleteRole(s), role, roles, assignRole, revokeRole.
 * The rules are in ../../domain/roles.ts.
 */
import { commonMessage } from '../../domain/errors.js'
import * as roles from '../../domain/roles.js'
import { pageOf, paginate } from '../../http/paging.js'
import { roleView } from '../../views/roles.js'
import type { RootResolvers } from '../types.js'

export const managementRoleResolvers: RootResolvers = {
  async createRole(
    args: { namespace?: string | null; code: string; description?: string | null; parent?: string | null },
    ctx,
  ) {
    const pool = await ctx.management()
    return roleView(roles.createRole(ctx.engine, pool.id, args))
  },

  async updateRole(
    args: { code: string; description?: string | null; newCode?: string | null; namespace?: string | null },
    ctx,
  ) {
    const pool = await ctx.management()
    return roleView(roles.updateRole(ctx.engine, pool.id, args))
  },

  async deleteRole(args: { code: string; namespace?: string | null }, ctx) {
    const pool = await ctx.management()
    roles.deleteRoles(ctx.state, pool.id, args.namespace, [args.code])
    return commonMessage(ctx.lang, 'deleted')
  },

  async deleteRoles(args: { codeList: string[]; namespace?: string | null }, ctx) {
    const pool = await ctx.management()
    roles.deleteRoles(ctx.state, pool.id, args.namespace, args.codeList)
    return commonMessage(ctx.lang, 'deleted')
  },

  async role(args: { code: string; namespace?: string | null }, ctx) {
    const pool = await ctx.management()
    const role = roles.lookupRole(ctx.state, pool.id, args.namespace, args.code)
    return role ? roleView(role) : null
  },

  async roles(
    args: { namespace?: string | null; page?: number | null; limit?: number | null; sortBy?: string | null },
    ctx,
  ) {
    const pool = await ctx.management()
    const page = pageOf(args.page, args.limit)
    const { totalCount, list } = paginate(roles.rolesOf(ctx.state, pool.id, args.namespace, args.sortBy), page)
    return { totalCount, list: list.map(roleView) }
  },

  async assignRole(args: roles.Membership, ctx) {
    roles.assignRoles(ctx.state, (await ctx.management()).id, args)
    return commonMessage(ctx.lang)
  },

  async revokeRole(args: roles.Membership, ctx) {
    roles.revokeRoles(ctx.state, (await ctx.management()).id, args)
    return commonMessage(ctx.lang)
  },
}
