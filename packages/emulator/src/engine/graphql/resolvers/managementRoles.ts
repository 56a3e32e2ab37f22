/**
 * Roles (management): createRole, updateRole, deleteRole(s), role, roles, assignRole, revokeRole.
 * Roles live in a namespace (`default` unless given); an application's roles in the app's.
 */
import type { RequestContext } from '../../requestContext.js'
import { AuthingBusinessError, commonMessage } from '../../domain/errors.js'
import { pageOf, paginate } from '../../http/paging.js'
import { dropGrants } from '../../domain/grants.js'
import { objectId } from '../../../model/seed.js'
import { keys, type RoleRecord } from '../../../model/state.js'
import { existingUsers } from './managementUsers.js'
import { roleView } from './roles.js'
import type { RootResolvers } from '../types.js'

const defaultNamespace = 'default'

function findRole(ctx: RequestContext, poolId: string, namespace: string | null | undefined, code: string): RoleRecord {
  const role = ctx.state.roles.get(keys.role(poolId, namespace || defaultNamespace, code))
  if (!role) throw new AuthingBusinessError('roleNotFound', { code })
  return role
}

/**
 * A role looked up for reading: in its namespace, else in `default` (so an application's
 * permission reads see the pool-wide roles too, as the seed's grants do).
 */
export function lookupRole(ctx: RequestContext, poolId: string, namespace: string | null | undefined, code: string): RoleRecord | undefined {
  const ns = namespace || defaultNamespace
  return ctx.state.roles.get(keys.role(poolId, ns, code)) ?? ctx.state.roles.get(keys.role(poolId, defaultNamespace, code))
}

/** Re-points members and child roles from one role key to another (null: the role is gone). */
function rekey(ctx: RequestContext, role: RoleRecord, to: RoleRecord | null): void {
  const from = keys.role(role.userPoolId, role.namespace, role.code)
  const target = to && keys.role(to.userPoolId, to.namespace, to.code)
  for (const [userId, roleKeys] of [...ctx.state.userRoles.entries()]) {
    if (!roleKeys.includes(from)) continue
    const next = roleKeys.filter((k) => k !== from)
    if (target) next.push(target)
    ctx.state.userRoles.set(userId, next)
  }
  for (const [key, child] of [...ctx.state.roles.entries()]) {
    if (child.userPoolId === role.userPoolId && child.namespace === role.namespace && child.parentCode === role.code) {
      ctx.state.roles.set(key, { ...child, parentCode: to?.code ?? null })
    }
  }
}

export function deleteRoleRecord(ctx: RequestContext, role: RoleRecord): void {
  rekey(ctx, role, null)
  dropGrants(ctx.state, role.userPoolId, (g) => g.targetType === 'ROLE' && g.targetId === role.id)
  ctx.state.roles.delete(keys.role(role.userPoolId, role.namespace, role.code))
}

interface Membership {
  namespace?: string | null
  roleCode?: string | null
  roleCodes?: (string | null)[] | null
  userIds?: string[] | null
  groupCodes?: string[] | null
  nodeCodes?: string[] | null
}

/** Checks every role and user first, so a bad request changes nothing. */
async function membership(ctx: RequestContext, args: Membership) {
  const pool = await ctx.management()
  if (args.groupCodes?.length || args.nodeCodes?.length) throw new AuthingBusinessError('notSupported', { field: 'groupCodes / nodeCodes' })
  const codes = [args.roleCode, ...(args.roleCodes ?? [])].filter((c): c is string => !!c)
  if (!codes.length) throw new AuthingBusinessError('invalidParam', { field: 'roleCode' })
  const roleKeys = codes.map((code) => {
    const role = findRole(ctx, pool.id, args.namespace, code)
    return keys.role(pool.id, role.namespace, role.code)
  })
  return { users: existingUsers(ctx, pool.id, args.userIds ?? []), roleKeys }
}

export const managementRoleResolvers: RootResolvers = {
  async createRole(args: { namespace?: string | null; code: string; description?: string | null; parent?: string | null }, ctx) {
    const pool = await ctx.management()
    const namespace = args.namespace || defaultNamespace
    if (!args.code.trim()) throw new AuthingBusinessError('invalidParam', { field: 'code' })
    if (ctx.state.roles.has(keys.role(pool.id, namespace, args.code))) throw new AuthingBusinessError('roleExists', { code: args.code })
    if (args.parent) findRole(ctx, pool.id, namespace, args.parent)
    const at = new Date(ctx.now()).toISOString()
    const role: RoleRecord = {
      id: objectId(),
      userPoolId: pool.id,
      namespace,
      code: args.code,
      description: args.description ?? null,
      parentCode: args.parent ?? null,
      createdAt: at,
      updatedAt: at,
    }
    ctx.state.roles.set(keys.role(pool.id, namespace, role.code), role)
    return roleView(ctx, role)
  },

  async updateRole(args: { code: string; description?: string | null; newCode?: string | null; namespace?: string | null }, ctx) {
    const pool = await ctx.management()
    const role = findRole(ctx, pool.id, args.namespace, args.code)
    const code = args.newCode || role.code
    if (code !== role.code && ctx.state.roles.has(keys.role(pool.id, role.namespace, code))) throw new AuthingBusinessError('roleExists', { code })
    const updated: RoleRecord = {
      ...role,
      code,
      description: args.description === undefined ? role.description : args.description,
      updatedAt: new Date(ctx.now()).toISOString(),
    }
    if (code !== role.code) {
      ctx.state.roles.delete(keys.role(pool.id, role.namespace, role.code))
      rekey(ctx, role, updated)
    }
    ctx.state.roles.set(keys.role(pool.id, role.namespace, code), updated)
    return roleView(ctx, updated)
  },

  async deleteRole(args: { code: string; namespace?: string | null }, ctx) {
    const pool = await ctx.management()
    deleteRoleRecord(ctx, findRole(ctx, pool.id, args.namespace, args.code))
    return commonMessage(ctx.lang, 'deleted')
  },

  /** Every code must exist, else nothing is deleted. */
  async deleteRoles(args: { codeList: string[]; namespace?: string | null }, ctx) {
    const pool = await ctx.management()
    const roles = args.codeList.map((code) => findRole(ctx, pool.id, args.namespace, code))
    for (const role of roles) deleteRoleRecord(ctx, role)
    return commonMessage(ctx.lang, 'deleted')
  },

  async role(args: { code: string; namespace?: string | null }, ctx) {
    const pool = await ctx.management()
    const role = lookupRole(ctx, pool.id, args.namespace, args.code)
    return role ? roleView(ctx, role) : null
  },

  async roles(args: { namespace?: string | null; page?: number | null; limit?: number | null; sortBy?: string | null }, ctx) {
    const pool = await ctx.management()
    const page = pageOf(args.page, args.limit)
    const namespace = args.namespace || defaultNamespace
    const all = [...ctx.state.roles.values()].filter((r) => r.userPoolId === pool.id && r.namespace === namespace)
    if (args.sortBy === 'CREATEDAT_DESC' || args.sortBy === 'UPDATEDAT_DESC') all.reverse()
    const { totalCount, list } = paginate(all, page)
    return { totalCount, list: list.map((role) => roleView(ctx, role)) }
  },

  async assignRole(args: Membership, ctx) {
    const { users, roleKeys } = await membership(ctx, args)
    for (const user of users) {
      const current = ctx.state.userRoles.get(user.id) ?? []
      ctx.state.userRoles.set(user.id, [...new Set([...current, ...roleKeys])])
    }
    return commonMessage(ctx.lang)
  },

  async revokeRole(args: Membership, ctx) {
    const { users, roleKeys } = await membership(ctx, args)
    for (const user of users) {
      const current = ctx.state.userRoles.get(user.id) ?? []
      ctx.state.userRoles.set(user.id, current.filter((k) => !roleKeys.includes(k)))
    }
    return commonMessage(ctx.lang)
  },
}
