/** The computed fields of `Group`: the management reads users and authorizedResources. */
import type { GroupRecord } from '../../../model/records.js'
import { authorizedResources } from '../../domain/grants.js'
import { membersOf } from '../../domain/groups.js'
import { pageOf, paginate } from '../../http/paging.js'
import type { RequestContext } from '../../requestContext.js'
import { recordOf, type Shown } from '../../views/record.js'
import { graphqlUser } from '../../views/users.js'
import type { FieldResolvers } from '../types.js'

type Group = Shown<GroupRecord>

export const groupFields: FieldResolvers = {
  users: async (source: Group, args: { page?: number | null; limit?: number | null }, ctx: RequestContext) => {
    await ctx.management()
    const { totalCount, list } = paginate(membersOf(ctx.state, recordOf(source)), pageOf(args.page, args.limit))
    return { totalCount, list: list.map((user) => graphqlUser(ctx.engine, user)) }
  },
  authorizedResources: async (
    source: Group,
    args: { namespace?: string | null; resourceType?: string | null },
    ctx: RequestContext,
  ) => {
    await ctx.management()
    const group = recordOf(source)
    const targets = [{ targetType: 'GROUP' as const, targetId: group.id }]
    const list = authorizedResources(ctx.state, group.userPoolId, targets, args.namespace, args.resourceType)
    return { totalCount: list.length, list }
  },
}
