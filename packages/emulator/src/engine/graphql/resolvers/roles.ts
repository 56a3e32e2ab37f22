/**
 * How roles are shown: the GraphQL `Role` (its `users` and `authorizedResources` connections are
 * management reads) and a user's roles, read through `user(id) { roles(namespace) }`.
 */
import type { RequestContext } from '../../requestContext.js'
import { pageOf } from '../../http/paging.js'
import { authorizedResources } from '../../domain/grants.js'
import { keys, type EmulatorState, type RoleRecord, type UserRecord } from '../../../model/state.js'
import { graphqlUser } from '../../views/users.js'

export type RoleView = Record<string, unknown> & { id: string; code: string; namespace: string }

/** Roles of the user; without a namespace, the roles of every namespace. */
export function userRoles(state: EmulatorState, user: UserRecord, namespace: string | null | undefined): RoleRecord[] {
  const out: RoleRecord[] = []
  for (const key of state.userRoles.get(user.id) ?? []) {
    const role = state.roles.get(key)
    if (role && (!namespace || role.namespace === namespace)) out.push(role)
  }
  return out
}

/** Users holding the role, in the order they were created. */
export function usersWithRole(state: EmulatorState, role: RoleRecord): UserRecord[] {
  const key = keys.role(role.userPoolId, role.namespace, role.code)
  const out: UserRecord[] = []
  for (const [userId, roleKeys] of state.userRoles.entries()) {
    const user = roleKeys.includes(key) ? state.users.get(userId) : undefined
    if (user) out.push(user)
  }
  return out
}

export function roleView(ctx: RequestContext, role: RoleRecord): RoleView {
  const state = ctx.state
  const parent = role.parentCode ? state.roles.get(keys.role(role.userPoolId, role.namespace, role.parentCode)) : undefined
  return {
    id: role.id,
    namespace: role.namespace,
    code: role.code,
    arn: `arn:cn:authing:${role.userPoolId}:role:${role.id}`,
    description: role.description,
    isSystem: false,
    createdAt: role.createdAt,
    updatedAt: role.updatedAt,
    parent: parent ? roleView(ctx, parent) : null,
    // Who holds a role and what it grants are management reads, outside a user's reach.
    users: async (args: { page?: number | null; limit?: number | null }) => {
      await ctx.management()
      const { page, limit } = pageOf(args.page, args.limit)
      const all = usersWithRole(state, role)
      const start = (page - 1) * limit
      return { totalCount: all.length, list: all.slice(start, start + limit).map((user) => graphqlUser(ctx, user)) }
    },
    authorizedResources: async (args: { resourceType?: string | null }) => {
      await ctx.management()
      const list = authorizedResources(state, role.userPoolId, [{ targetType: 'ROLE', targetId: role.id }], null, args.resourceType)
      return { totalCount: list.length, list }
    },
  }
}
