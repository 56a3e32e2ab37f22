/** User-defined field definitions (management): setUdf, removeUdf, udf. Values: ./udf.ts. */
import type { UdfDataType } from '../../../model/records.js'
import { commonMessage } from '../../domain/errors.js'
import { removeUdf, setUdf, udfsOf } from '../../domain/udf.js'
import { udfView } from '../../views/udf.js'
import type { RootResolvers } from '../types.js'

export const managementUdfResolvers: RootResolvers = {
  /** Creates or redefines a field. */
  async setUdf(
    args: { targetType: string; key: string; dataType: UdfDataType; label: string; options?: string | null },
    ctx,
  ) {
    const pool = await ctx.management()
    const { targetType, key, dataType, label } = args
    return udfView(
      setUdf(ctx.state, { userPoolId: pool.id, targetType, key, dataType, label, options: args.options ?? null }),
    )
  },

  /** Removes the field and every value stored under it. */
  async removeUdf(args: { targetType: string; key: string }, ctx) {
    removeUdf(ctx.state, (await ctx.management()).id, args.targetType, args.key)
    return commonMessage(ctx.lang, 'deleted')
  },

  async udf(args: { targetType: string }, ctx) {
    return udfsOf(ctx.state, (await ctx.management()).id, args.targetType).map(udfView)
  },
}
