/** User-defined field definitions (management): setUdf, removeUdf, udf. Values live in ./udf.ts. */
import { AuthingBusinessError, commonMessage } from '../../domain/errors.js'
import { keys, type UdfDataType, type UdfRecord } from '../../../model/state.js'
import type { RootResolvers } from '../types.js'

function fieldView(udf: UdfRecord) {
  return { targetType: udf.targetType, dataType: udf.dataType, key: udf.key, label: udf.label, options: udf.options }
}

export const managementUdfResolvers: RootResolvers = {
  /** Creates or redefines a field. */
  async setUdf(args: { targetType: string; key: string; dataType: UdfDataType; label: string; options?: string | null }, ctx) {
    const pool = await ctx.management()
    if (!args.key.trim()) throw new AuthingBusinessError('invalidParam', { field: 'key' })
    const udf: UdfRecord = { userPoolId: pool.id, targetType: args.targetType, key: args.key, dataType: args.dataType, label: args.label, options: args.options ?? null }
    ctx.state.udfs.set(keys.udf(pool.id, args.targetType, args.key), udf)
    return fieldView(udf)
  },

  /** Removes the field and every value stored under it. */
  async removeUdf(args: { targetType: string; key: string }, ctx) {
    const pool = await ctx.management()
    if (!ctx.state.udfs.delete(keys.udf(pool.id, args.targetType, args.key))) throw new AuthingBusinessError('udfNotFound', { key: args.key })
    const prefix = keys.udv(args.targetType, '')
    for (const [key, values] of [...ctx.state.udvs.entries()]) {
      if (!key.startsWith(prefix) || !(args.key in values)) continue
      const { [args.key]: _, ...rest } = values
      ctx.state.udvs.set(key, rest)
    }
    return commonMessage(ctx.lang, 'deleted')
  },

  async udf(args: { targetType: string }, ctx) {
    const pool = await ctx.management()
    const out: ReturnType<typeof fieldView>[] = []
    for (const udf of ctx.state.udfs.values()) if (udf.userPoolId === pool.id && udf.targetType === args.targetType) out.push(fieldView(udf))
    return out
  },
}
