/**
 * A user's roles and the resources granted to them, read through `user(id) { roles(namespace) }`
 * and `user(id) { authorizedResources(namespace, resourceType) }` (the JS SDK's getUserRoles and
 * listUserAuthorizedResources documents). Access to the user itself is checked by `user(id)`.
 */
import { AuthingBusinessError } from '../errors.js'
import type { EmulatorState, RoleRecord, UserRecord } from '../state.js'
import { keys } from '../state.js'

export interface RoleView {
  id: string
  namespace: string
  code: string
  arn: string
  description: string | null
  isSystem: boolean
  createdAt: string
  updatedAt: string
  parent: RoleView | null
  users: () => never
  authorizedResources: () => never
}

/** Roles of the user; without a namespace, the roles of every namespace. */
export function userRoles(state: EmulatorState, user: UserRecord, namespace: string | null | undefined): RoleView[] {
  const roles = rolesOf(state, user)
  return roles.filter((role) => !namespace || role.namespace === namespace).map((role) => roleView(state, role))
}

function rolesOf(state: EmulatorState, user: UserRecord): RoleRecord[] {
  const out: RoleRecord[] = []
  for (const key of state.userRoles.get(user.id) ?? []) {
    const role = state.roles.get(key)
    if (role) out.push(role)
  }
  return out
}

function roleView(state: EmulatorState, role: RoleRecord): RoleView {
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
    parent: parent ? roleView(state, parent) : null,
    // Lists of a role's members and grants are management reads, outside the user's reach.
    users: () => notSupported('Role.users'),
    authorizedResources: () => notSupported('Role.authorizedResources'),
  }
}

function notSupported(field: string): never {
  throw new AuthingBusinessError('notSupported', { field })
}

export interface AuthorizedResourceView {
  code: string
  type: string
  actions: string[]
  apiIdentifier: string | null
}

/** Resources granted to the user directly or through one of their roles, actions merged per resource. */
export function userAuthorizedResources(
  state: EmulatorState,
  user: UserRecord,
  namespace: string | null | undefined,
  resourceType: string | null | undefined,
): AuthorizedResourceView[] {
  const roleIds = new Set(rolesOf(state, user).map((r) => r.id))
  const merged = new Map<string, AuthorizedResourceView>()
  for (const grant of state.grants.values()) {
    if (grant.userPoolId !== user.userPoolId) continue
    if (namespace && grant.namespace !== namespace) continue
    const mine = grant.targetType === 'USER' ? grant.targetId === user.id : roleIds.has(grant.targetId)
    if (!mine) continue
    const resource = state.resources.get(keys.resource(grant.userPoolId, grant.namespace, grant.resource))
    if (!resource || (resourceType && resource.type !== resourceType)) continue
    const key = `${grant.namespace}:${grant.resource}`
    const view = merged.get(key) ?? { code: resource.code, type: resource.type, actions: [], apiIdentifier: resource.apiIdentifier }
    for (const action of grant.actions) if (!view.actions.includes(action)) view.actions.push(action)
    merged.set(key, view)
  }
  return [...merged.values()]
}
