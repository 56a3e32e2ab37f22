/**
 * User-defined data: `udv`, `setUdv`, `setUdvBatch`, `removeUdv`, for the logged-in user or, with a
 * management token, for any target of the pool.
 * Only `targetType: USER` with the caller's own id is open to a user token.
 */
import type { RequestContext } from '../../requestContext.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { keys, type EmulatorState, type UdfDataType } from '../../../model/state.js'
import { wireUdvValue } from '../../../model/udv.js'
import type { RootResolvers } from '../types.js'

export interface UdvView {
  key: string
  dataType: UdfDataType
  value: string
  label: string | null
}

/** The user's values, in the order the fields were defined (read by `customData` too). */
export function listUdvs(state: EmulatorState, poolId: string, targetType: string, targetId: string): UdvView[] {
  const values = state.udvs.get(keys.udv(targetType, targetId)) ?? {}
  const out: UdvView[] = []
  for (const [key, value] of Object.entries(values)) {
    const udf = state.udfs.get(keys.udf(poolId, targetType, key))
    if (udf) out.push({ key, dataType: udf.dataType, value, label: udf.label })
  }
  return out
}

interface Target {
  targetType: string
  targetId: string
}

interface ResolvedTarget {
  poolId: string
  targetType: string
  targetId: string
}

/**
 * A user token reaches only `USER` data of its own user; a management token any target of its pool
 * (a `USER` target must be a user of the pool: 2004).
 */
async function ownTarget(ctx: RequestContext, args: Target): Promise<ResolvedTarget> {
  if (await ctx.isManagement()) {
    if (args.targetType !== 'USER') return { poolId: (await ctx.management()).id, targetType: args.targetType, targetId: args.targetId }
    const { user } = await ctx.subject(args.targetId)
    return { poolId: user.userPoolId, targetType: 'USER', targetId: user.id }
  }
  const { user } = await ctx.self(args.targetId)
  if (args.targetType !== 'USER') throw new AuthingBusinessError('noPermission')
  return { poolId: user.userPoolId, targetType: 'USER', targetId: user.id }
}

/** Validates every entry before writing any, so a bad batch changes nothing. */
function writeUdvs(ctx: RequestContext, { poolId, targetType, targetId }: ResolvedTarget, entries: { key: string; value?: string | null | undefined }[]): UdvView[] {
  const state = ctx.state
  const current = { ...state.udvs.get(keys.udv(targetType, targetId)) }
  for (const { key, value } of entries) {
    const udf = state.udfs.get(keys.udf(poolId, targetType, key))
    if (!udf) throw new AuthingBusinessError('udfNotFound', { key })
    if (value === null || value === undefined) {
      delete current[key]
      continue
    }
    const stored = wireUdvValue(udf.dataType, value)
    if (stored === null) throw new AuthingBusinessError('udvInvalid', { key, dataType: udf.dataType })
    current[key] = stored
  }
  state.udvs.set(keys.udv(targetType, targetId), current)
  return listUdvs(state, poolId, targetType, targetId)
}

export const udfResolvers: RootResolvers = {
  async udv(args: Target, ctx) {
    const target = await ownTarget(ctx, args)
    return listUdvs(ctx.state, target.poolId, target.targetType, target.targetId)
  },
  async setUdv(args: Target & { key: string; value: string }, ctx) {
    return writeUdvs(ctx, await ownTarget(ctx, args), [{ key: args.key, value: args.value }])
  },
  async setUdvBatch(args: Target & { udvList?: { key: string; value?: string | null }[] | null }, ctx) {
    return writeUdvs(ctx, await ownTarget(ctx, args), args.udvList ?? [])
  },
  async removeUdv(args: Target & { key: string }, ctx) {
    return writeUdvs(ctx, await ownTarget(ctx, args), [{ key: args.key, value: null }])
  },
}
