/**
 * Groups (management): createGroup, updateGroup, deleteGroups, group, groups, addUserToGroup,
 * removeUserFromGroup, and the `Group` / `User.groups` views. What is granted to a group reaches
 * its members (see ../permissions.ts).
 */
import type { RequestContext } from '../../requestContext.js'
import { AuthingBusinessError, commonMessage } from '../../domain/errors.js'
import { pageOf, paginate } from '../../http/paging.js'
import { authorizedResources, dropGrants } from '../../domain/grants.js'
import { objectId } from '../../../model/seed.js'
import { keys, type GroupRecord, type UserRecord } from '../../../model/state.js'
import { graphqlUser } from '../../views/users.js'
import type { RootResolvers } from '../types.js'
import { existingUsers } from './managementUsers.js'

export function groupView(ctx: RequestContext, group: GroupRecord): Record<string, unknown> {
  return {
    code: group.code,
    name: group.name,
    description: group.description,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
    users: async (args: { page?: number | null; limit?: number | null }) => {
      await ctx.management()
      return paginate(membersOf(ctx, group), pageOf(args.page, args.limit))
    },
    authorizedResources: async (args: { namespace?: string | null; resourceType?: string | null }) => {
      await ctx.management()
      const list = authorizedResources(ctx.state, group.userPoolId, [{ targetType: 'GROUP', targetId: group.id }], args.namespace, args.resourceType)
      return { totalCount: list.length, list }
    },
  }
}

export function groupsOfUser(ctx: RequestContext, user: UserRecord): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const key of ctx.state.userGroups.get(user.id) ?? []) {
    const group = ctx.state.groups.get(key)
    if (group) out.push(groupView(ctx, group))
  }
  return out
}

function membersOf(ctx: RequestContext, group: GroupRecord): Record<string, unknown>[] {
  const key = keys.group(group.userPoolId, group.code)
  const out: Record<string, unknown>[] = []
  for (const [userId, groupKeys] of ctx.state.userGroups.entries()) {
    const user = groupKeys.includes(key) ? ctx.state.users.get(userId) : undefined
    if (user) out.push(graphqlUser(ctx, user))
  }
  return out
}

function findGroup(ctx: RequestContext, poolId: string, code: string | null | undefined): GroupRecord {
  const group = code ? ctx.state.groups.get(keys.group(poolId, code)) : undefined
  if (!group) throw new AuthingBusinessError('groupNotFound', { code: code ?? '' })
  return group
}

/** Rewrites every member's group list (on rename and delete). */
function replaceMembership(ctx: RequestContext, from: string, to: string | null): void {
  for (const [userId, groupKeys] of [...ctx.state.userGroups.entries()]) {
    if (!groupKeys.includes(from)) continue
    const next = groupKeys.filter((k) => k !== from)
    if (to) next.push(to)
    ctx.state.userGroups.set(userId, next)
  }
}

export const managementGroupResolvers: RootResolvers = {
  async createGroup(args: { code: string; name: string; description?: string | null }, ctx) {
    const pool = await ctx.management()
    const key = keys.group(pool.id, args.code)
    if (!args.code.trim()) throw new AuthingBusinessError('invalidParam', { field: 'code' })
    if (ctx.state.groups.has(key)) throw new AuthingBusinessError('groupExists', { code: args.code })
    const at = new Date(ctx.now()).toISOString()
    const group: GroupRecord = { id: objectId(), userPoolId: pool.id, code: args.code, name: args.name, description: args.description ?? null, createdAt: at, updatedAt: at }
    ctx.state.groups.set(key, group)
    return groupView(ctx, group)
  },

  async updateGroup(args: { code: string; name?: string | null; description?: string | null; newCode?: string | null }, ctx) {
    const pool = await ctx.management()
    const group = findGroup(ctx, pool.id, args.code)
    const code = args.newCode || group.code
    const oldKey = keys.group(pool.id, group.code)
    const newKey = keys.group(pool.id, code)
    if (newKey !== oldKey && ctx.state.groups.has(newKey)) throw new AuthingBusinessError('groupExists', { code })
    const updated: GroupRecord = {
      ...group,
      code,
      name: args.name ?? group.name,
      description: args.description === undefined ? group.description : args.description,
      updatedAt: new Date(ctx.now()).toISOString(),
    }
    if (newKey !== oldKey) {
      ctx.state.groups.delete(oldKey)
      replaceMembership(ctx, oldKey, newKey)
    }
    ctx.state.groups.set(newKey, updated)
    return groupView(ctx, updated)
  },

  /** Every code must exist (else nothing is deleted); members leave, grants to the groups go. */
  async deleteGroups(args: { codeList: string[] }, ctx) {
    const pool = await ctx.management()
    const groups = args.codeList.map((code) => findGroup(ctx, pool.id, code))
    for (const group of groups) {
      const key = keys.group(pool.id, group.code)
      replaceMembership(ctx, key, null)
      dropGrants(ctx.state, pool.id, (g) => g.targetType === 'GROUP' && g.targetId === group.id)
      ctx.state.groups.delete(key)
    }
    return commonMessage(ctx.lang, 'deleted')
  },

  async group(args: { code: string }, ctx) {
    const pool = await ctx.management()
    const group = ctx.state.groups.get(keys.group(pool.id, args.code))
    return group ? groupView(ctx, group) : null
  },

  async groups(args: { userId?: string | null; page?: number | null; limit?: number | null }, ctx) {
    const pool = await ctx.management()
    const page = pageOf(args.page, args.limit)
    if (args.userId) {
      const [user] = existingUsers(ctx, pool.id, [args.userId])
      return paginate(user ? groupsOfUser(ctx, user) : [], page)
    }
    const all = [...ctx.state.groups.values()].filter((g) => g.userPoolId === pool.id)
    const { totalCount, list } = paginate(all, page)
    return { totalCount, list: list.map((group) => groupView(ctx, group)) }
  },

  async addUserToGroup(args: { userIds: string[]; code?: string | null }, ctx) {
    const pool = await ctx.management()
    const group = findGroup(ctx, pool.id, args.code)
    const key = keys.group(pool.id, group.code)
    for (const user of existingUsers(ctx, pool.id, args.userIds)) {
      const current = ctx.state.userGroups.get(user.id) ?? []
      if (!current.includes(key)) ctx.state.userGroups.set(user.id, [...current, key])
    }
    return commonMessage(ctx.lang)
  },

  async removeUserFromGroup(args: { userIds: string[]; code?: string | null }, ctx) {
    const pool = await ctx.management()
    const group = findGroup(ctx, pool.id, args.code)
    const key = keys.group(pool.id, group.code)
    for (const user of existingUsers(ctx, pool.id, args.userIds)) {
      const current = ctx.state.userGroups.get(user.id) ?? []
      if (current.includes(key)) ctx.state.userGroups.set(user.id, current.filter((k) => k !== key))
    }
    return commonMessage(ctx.lang)
  },
}
