/**
 * User-defined data: `udv`, `setUdv`, `setUdvBatch`, `removeUdv`, for the logged-in user or, with a
 * management token, for any target of the pool (who reaches what: ../../domain/udf.ts).
 */
import { listUdvs, reachableTarget, writeUdvs } from '../../domain/udf.js'
import type { RootResolvers } from '../types.js'

interface Target {
  targetType: string
  targetId: string
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
