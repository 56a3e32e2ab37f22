/** Groups (management): createGroup, updateGroup, deleteGroups, group, groups, addUserToGroup, removeUserFromGroup. */
import { keys } from '../../../model/records.js'
import { commonMessage } from '../../domain/errors.js'
import * as groups from '../../domain/groups.js'
import { existingUsers } from '../../domain/users.js'
import { pageOf, paginate } from '../../http/paging.js'
import { groupView } from '../../views/groups.js'
import type { RootResolvers } from '../types.js'

export const managementGroupResolvers: RootResolvers = {
  async createGroup(args: { code: string; name: string; description?: string | null }, ctx) {
    const pool = await ctx.management()
    return groupView(groups.createGroup(ctx.engine, pool.id, args))
  },

  async updateGroup(
    args: { code: string; name?: string | null; description?: string | null; newCode?: string | null },
    ctx,
  ) {
    const pool = await ctx.management()
    return groupView(groups.updateGroup(ctx.engine, pool.id, args))
  },

  async deleteGroups(args: { codeList: string[] }, ctx) {
    const pool = await ctx.management()
    groups.deleteGroups(ctx.state, pool.id, args.codeList)
    return commonMessage(ctx.lang, 'deleted')
  },

  async group(args: { code: string }, ctx) {
    const pool = await ctx.management()
    const group = ctx.state.groups.get(keys.group(pool.id, args.code))
    return group ? groupView(group) : null
  },

  /** The pool's groups, or those of user `userId`. */
  async groups(args: { userId?: string | null; page?: number | null; limit?: number | null }, ctx) {
    const pool = await ctx.management()
    const page = pageOf(args.page, args.limit)
    const [user] = args.userId ? existingUsers(ctx.state, pool.id, [args.userId]) : []
    const all = args.userId
      ? user
        ? groups.groupsOfUser(ctx.state, user)
        : []
      : groups.groupsOfPool(ctx.state, pool.id)
    const { totalCount, list } = paginate(all, page)
    return { totalCount, list: list.map(groupView) }
  },

  async addUserToGroup(args: { userIds: string[]; code?: string | null }, ctx) {
    const pool = await ctx.management()
    groups.addUsersToGroup(ctx.state, pool.id, args.code, args.userIds)
    return commonMessage(ctx.lang)
  },

  async removeUserFromGroup(args: { userIds: string[]; code?: string | null }, ctx) {
    const pool = await ctx.management()
    groups.removeUsersFromGroup(ctx.state, pool.id, args.code, args.userIds)
    return commonMessage(ctx.lang)
  },
}
