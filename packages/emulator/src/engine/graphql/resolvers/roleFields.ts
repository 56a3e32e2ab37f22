/** The computed fields of `Role`: parent, and the management reads users and authorizedResources. */
import type { RoleRecord } from '../../../model/records.js'
import { authorizedResources } from '../../domain/grants.js'
import { parentOf, usersWithRole } from '../../domain/roles.js'
import { pageOf, paginate } from '../../http/paging.js'
import type { RequestContext } from '../../requestContext.js'
import { recordOf, type Shown } from '../../views/record.js'
import { roleView } from '../../views/roles.js'
import { graphqlUser } from '../../views/users.js'
import type { FieldResolvers } from '../types.js'

type Role = Shown<RoleRecord>

export const roleFields: FieldResolvers = {
  parent: (source: Role, _args: unknown, ctx: RequestContext) => {
    const parent = parentOf(ctx.state, recordOf(source))
    return parent ? roleView(parent) : null
  },
  // Who holds a role and what it grants are management reads, outside a user's reach.
  users: async (source: Role, args: { page?: number | null; limit?: number | null }, ctx: RequestContext) => {
    await ctx.management()
    const { totalCount, list } = paginate(usersWithRole(ctx.state, recordOf(source)), pageOf(args.page, args.limit))
    return { totalCount, list: list.map((user) => graphqlUser(ctx.engine, user)) }
  },
  authorizedResources: async (source: Role, args: { resourceType?: string | null }, ctx: RequestContext) => {
    await ctx.management()
    const role = recordOf(source)
    const list = authorizedResources(
      ctx.state,
      role.userPoolId,
      [{ targetType: 'ROLE', targetId: role.id }],
      null,
      args.resourceType,
    )
    return { totalCount: list.length, list }
  },
}
