/**
 * Roles: they live in a namespace (`default` unless given; an application's roles in the app's),
 * may name a parent, and are held by users (membership by role key).
 */
import { keys, newRoleRecord, type RoleRecord } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import type { UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { dropGrants } from './grants.js'
import { assertNamespaceExists } from './namespaceExists.js'
import { existingUsers } from './users.js'

export const defaultNamespace = 'default'

export function findRole(
  state: EmulatorState,
  poolId: string,
  namespace: string | null | undefined,
  code: string,
): RoleRecord {
  const role = state.roles.get(keys.role(poolId, namespace || defaultNamespace, code))
  if (!role) throw new AuthingBusinessError('roleNotFound', { code })
  return role
}

/**
 * A role looked up for reading: in its namespace, else in `default` (so an application's
 * permission reads see the pool-wide roles too, as the seed's grants do).
 */
export function lookupRole(
  state: EmulatorState,
  poolId: string,
  namespace: string | null | undefined,
  code: string,
): RoleRecord | undefined {
  const ns = namespace || defaultNamespace
  return state.roles.get(keys.role(poolId, ns, code)) ?? state.roles.get(keys.role(poolId, defaultNamespace, code))
}

/** The role's parent, when it names one that exists. */
export function parentOf(state: EmulatorState, role: RoleRecord): RoleRecord | undefined {
  return role.parentCode ? state.roles.get(keys.role(role.userPoolId, role.namespace, role.parentCode)) : undefined
}

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

/** The pool's roles of a namespace, oldest first (newest first for the `_DESC` sorts). */
export function rolesOf(
  state: EmulatorState,
  poolId: string,
  namespace: string | null | undefined,
  sortBy: string | null | undefined,
): RoleRecord[] {
  const ns = namespace || defaultNamespace
  const all = [...state.roles.values()].filter((r) => r.userPoolId === poolId && r.namespace === ns)
  if (sortBy === 'CREATEDAT_DESC' || sortBy === 'UPDATEDAT_DESC') all.reverse()
  return all
}

/** Re-points members and child roles from one role key to another (null: the role is gone). */
function rekey(state: EmulatorState, role: RoleRecord, to: RoleRecord | null): void {
  const from = keys.role(role.userPoolId, role.namespace, role.code)
  const target = to && keys.role(to.userPoolId, to.namespace, to.code)
  for (const [userId, roleKeys] of [...state.userRoles.entries()]) {
    if (!roleKeys.includes(from)) continue
    const next = roleKeys.filter((k) => k !== from)
    if (target) next.push(target)
    state.userRoles.set(userId, next)
  }
  for (const [key, child] of [...state.roles.entries()]) {
    if (child.userPoolId === role.userPoolId && child.namespace === role.namespace && child.parentCode === role.code) {
      state.roles.set(key, { ...child, parentCode: to?.code ?? null })
    }
  }
}

export function createRole(
  engine: Engine,
  poolId: string,
  args: { namespace?: string | null; code: string; description?: string | null; parent?: string | null },
): RoleRecord {
  const { state } = engine
  const namespace = args.namespace || defaultNamespace
  if (!args.code.trim()) throw new AuthingBusinessError('invalidParam', { field: 'code' })
  assertNamespaceExists(state, poolId, namespace)
  if (state.roles.has(keys.role(poolId, namespace, args.code)))
    throw new AuthingBusinessError('roleExists', { code: args.code })
  if (args.parent) findRole(state, poolId, namespace, args.parent)
  const at = new Date(engine.settings.now()).toISOString()
  const role = newRoleRecord(poolId, at, {
    namespace,
    code: args.code,
    description: args.description ?? null,
    parentCode: args.parent ?? null,
  })
  state.roles.set(keys.role(poolId, namespace, role.code), role)
  return role
}

/** A new code re-points the role's members and children. */
export function updateRole(
  engine: Engine,
  poolId: string,
  args: { code: string; description?: string | null; newCode?: string | null; namespace?: string | null },
): RoleRecord {
  const { state } = engine
  const role = findRole(state, poolId, args.namespace, args.code)
  const code = args.newCode || role.code
  if (code !== role.code && state.roles.has(keys.role(poolId, role.namespace, code)))
    throw new AuthingBusinessError('roleExists', { code })
  const updated: RoleRecord = {
    ...role,
    code,
    description: args.description === undefined ? role.description : args.description,
    updatedAt: new Date(engine.settings.now()).toISOString(),
  }
  if (code !== role.code) {
    state.roles.delete(keys.role(poolId, role.namespace, role.code))
    rekey(state, role, updated)
  }
  state.roles.set(keys.role(poolId, role.namespace, code), updated)
  return updated
}

/** The role goes with its memberships and the grants to it; children lose their parent. */
export function deleteRole(state: EmulatorState, role: RoleRecord): void {
  rekey(state, role, null)
  dropGrants(state, role.userPoolId, (g) => g.targetType === 'ROLE' && g.targetId === role.id)
  state.roles.delete(keys.role(role.userPoolId, role.namespace, role.code))
}

/** Every code must exist, else nothing is deleted. */
export function deleteRoles(
  state: EmulatorState,
  poolId: string,
  namespace: string | null | undefined,
  codes: readonly string[],
): void {
  const roles = codes.map((code) => findRole(state, poolId, namespace, code))
  for (const role of roles) deleteRole(state, role)
}

export interface Membership {
  namespace?: string | null
  roleCode?: string | null
  roleCodes?: (string | null)[] | null
  userIds?: string[] | null
  groupCodes?: string[] | null
  nodeCodes?: string[] | null
}

/** Checks every role and user first, so a bad request changes nothing. */
function membership(
  state: EmulatorState,
  poolId: string,
  args: Membership,
): { users: UserRecord[]; roleKeys: string[] } {
  if (args.groupCodes?.length || args.nodeCodes?.length)
    throw new AuthingBusinessError('notSupported', { field: 'groupCodes / nodeCodes' })
  const codes = [args.roleCode, ...(args.roleCodes ?? [])].filter((c): c is string => !!c)
  if (!codes.length) throw new AuthingBusinessError('invalidParam', { field: 'roleCode' })
  const roleKeys = codes.map((code) => {
    const role = findRole(state, poolId, args.namespace, code)
    return keys.role(poolId, role.namespace, role.code)
  })
  return { users: existingUsers(state, poolId, args.userIds ?? []), roleKeys }
}

export function assignRoles(state: EmulatorState, poolId: string, args: Membership): void {
  const { users, roleKeys } = membership(state, poolId, args)
  for (const user of users) {
    const current = state.userRoles.get(user.id) ?? []
    state.userRoles.set(user.id, [...new Set([...current, ...roleKeys])])
  }
}

export function revokeRoles(state: EmulatorState, poolId: string, args: Membership): void {
  const { users, roleKeys } = membership(state, poolId, args)
  for (const user of users) {
    const current = state.userRoles.get(user.id) ?? []
    state.userRoles.set(
      user.id,
      current.filter((k) => !roleKeys.includes(k)),
    )
  }
}
