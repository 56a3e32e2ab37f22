/** The computed fields of `User`: customData, roles, authorizedResources, groups, departments. */
import type { UserRecord } from '../../../model/users.js'
import { authorizedResources, targetsOfUser } from '../../domain/grants.js'
import { groupsOfUser } from '../../domain/groups.js'
import { userRoles } from '../../domain/roles.js'
import { listUdvs } from '../../domain/udf.js'
import type { RequestContext } from '../../requestContext.js'
import { groupView } from '../../views/groups.js'
import { recordOf, type Shown } from '../../views/record.js'
import { roleView } from '../../views/roles.js'
import type { FieldResolvers } from '../types.js'

type User = Shown<UserRecord>

export const userFields: FieldResolvers = {
  customData: (source: User, _args: unknown, ctx: RequestContext) => {
    const user = recordOf(source)
    return listUdvs(ctx.state, user.userPoolId, 'USER', user.id)
  },
  roles: (source: User, args: { namespace?: string | null }, ctx: RequestContext) => {
    const list = userRoles(ctx.state, recordOf(source), args.namespace).map(roleView)
    return { totalCount: list.length, list }
  },
  authorizedResources: (
    source: User,
    args: { namespace?: string | null; resourceType?: string | null },
    ctx: RequestContext,
  ) => {
    const user = recordOf(source)
    const list = authorizedResources(
      ctx.state,
      user.userPoolId,
      targetsOfUser(ctx.state, user),
      args.namespace,
      args.resourceType,
    )
    return { totalCount: list.length, list }
  },
  groups: (source: User, _args: unknown, ctx: RequestContext) => {
    const list = groupsOfUser(ctx.state, recordOf(source)).map(groupView)
    return { totalCount: list.length, list }
  },
  departments: () => ({ totalCount: 0, list: [] }),
}
