/**
 * User-defined data: `udv`, `setUdv`, `setUdvBatch`, `removeUdv`, for the logged-in user or, with a
 * management token, for any target of the pool.
 */
import { AuthingBusinessError } from '../../domain/errors.js'
import { listUdvs, type UdvTarget, writeUdvs } from '../../domain/udf.js'
import type { RequestContext } from '../../requestContext.js'
import type { RootResolvers } from '../types.js'

interface Target {
  targetType: string
  targetId: string
}

/**
 * Whose values a request may reach: a user token only `USER` data of its own user; a management
 * token any target of its pool (a `USER` target must be a user of the pool: 2004).
 */
async function reachableTarget(ctx: RequestContext, targetType: string, targetId: string): Promise<UdvTarget> {
  if (await ctx.isManagement()) {
    if (targetType !== 'USER') return { poolId: (await ctx.management()).id, targetType, targetId }
    const { user } = await ctx.subject(targetId)
    return { poolId: user.userPoolId, targetType: 'USER', targetId: user.id }
  }
  const { user } = await ctx.self(targetId)
  if (targetType !== 'USER') throw new AuthingBusinessError('noPermission')
  return { poolId: user.userPoolId, targetType: 'USER', targetId: user.id }
}

export const udfResolvers: RootResolvers = {
  async udv(args: Target, ctx) {
    const target = await reachableTarget(ctx, args.targetType, args.targetId)
    return listUdvs(ctx.state, target.poolId, target.targetType, target.targetId)
  },
  async setUdv(args: Target & { key: string; value: string }, ctx) {
    return writeUdvs(ctx.state, await reachableTarget(ctx, args.targetType, args.targetId), [
      { key: args.key, value: args.value },
    ])
  },
  async setUdvBatch(args: Target & { udvList?: { key: string; value?: string | null }[] | null }, ctx) {
    return writeUdvs(ctx.state, await reachableTarget(ctx, args.targetType, args.targetId), args.udvList ?? [])
  },
  async removeUdv(args: Target & { key: string }, ctx) {
    return writeUdvs(ctx.state, await reachableTarget(ctx, args.targetType, args.targetId), [
      { key: args.key, value: null },
    ])
  },
}
