/** Users (management): users, createUser, deleteUser(s), findUser, searchUser, userBatch. */
import type { UserLookup } from '../../../model/users.js'
import { commonMessage } from '../../domain/errors.js'
import {
  createUser,
  type CreateUserInput,
  existingUsers,
  findByAny,
  pageOfUsers,
  removeUser,
  searchUsers,
  usersBy,
  type UserSort,
} from '../../domain/users.js'
import { pageOf, paginate } from '../../http/paging.js'
import { graphqlUser } from '../../views/users.js'
import type { RootResolvers } from '../types.js'

export const managementUserResolvers: RootResolvers = {
  async users(args: { page?: number | null; limit?: number | null; sortBy?: UserSort | null }, ctx) {
    const pool = await ctx.management()
    const { totalCount, list } = pageOfUsers(
      ctx.state,
      pool.id,
      pageOf(args.page, args.limit),
      args.sortBy ?? 'CREATEDAT_DESC',
    )
    return { totalCount, list: list.map((user) => graphqlUser(ctx.engine, user)) }
  },

  async createUser(
    args: { userInfo: CreateUserInput; keepPassword?: boolean | null; resetPasswordOnFirstLogin?: boolean | null },
    ctx,
  ) {
    const pool = await ctx.management()
    const options = {
      keepPassword: args.keepPassword === true,
      resetPasswordOnFirstLogin: args.resetPasswordOnFirstLogin === true,
    }
    return graphqlUser(ctx.engine, await createUser(ctx.engine, pool.id, args.userInfo, options), {
      newlyCreated: true,
    })
  },

  async deleteUser(args: { id: string }, ctx) {
    const pool = await ctx.management()
    for (const user of existingUsers(ctx.state, pool.id, [args.id])) removeUser(ctx.state, user)
    return commonMessage(ctx.lang, 'deleted')
  },

  /** Every id must be a user of the pool, else nothing is deleted (2004). */
  async deleteUsers(args: { ids: string[] }, ctx) {
    const pool = await ctx.management()
    for (const user of existingUsers(ctx.state, pool.id, args.ids)) removeUser(ctx.state, user)
    return commonMessage(ctx.lang, 'deleted')
  },

  async findUser(args: Partial<Record<UserLookup, string | null>>, ctx) {
    const pool = await ctx.management()
    const user = findByAny(ctx.state, pool.id, args)
    return user && graphqlUser(ctx.engine, user)
  },

  async searchUser(
    args: { query: string; fields?: (string | null)[] | null; page?: number | null; limit?: number | null },
    ctx,
  ) {
    const pool = await ctx.management()
    const page = pageOf(args.page, args.limit)
    const { totalCount, list } = paginate(searchUsers(ctx.state, pool.id, args.query, args.fields ?? []), page)
    return { totalCount, list: list.map((user) => graphqlUser(ctx.engine, user)) }
  },

  async userBatch(args: { ids: string[]; type?: string | null }, ctx) {
    const pool = await ctx.management()
    return usersBy(ctx.state, pool.id, args.ids, args.type ?? 'id').map((user) => graphqlUser(ctx.engine, user))
  },
}
