/**
 * Who may do what: grants of resource actions to users, roles and groups, and their evaluation.
 * A user holds what is granted to them directly, to any of their roles and to any of their groups.
 * Resource codes and actions in grants may use `*` wildcards (`books:*`, `*`), as Authing's `allow` does.
 */
import { type GrantRecord, type GrantTargetType, keys, type ResourceRecord } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import type { UserRecord } from '../../model/users.js'

export interface GrantTarget {
  targetType: GrantTargetType
  targetId: string
}

export interface AuthorizedResource {
  code: string
  type: string
  actions: string[]
  apiIdentifier: string | null
}

/** `*` matches any run of characters; everything else matches itself. */
export function matchesPattern(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`)
  return regex.test(value)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The user, their roles and their groups: everything a grant to which reaches the user. */
export function targetsOfUser(state: EmulatorState, user: UserRecord): GrantTarget[] {
  const targets: GrantTarget[] = [{ targetType: 'USER', targetId: user.id }]
  for (const key of state.userRoles.get(user.id) ?? []) {
    const role = state.roles.get(key)
    if (role) targets.push({ targetType: 'ROLE', targetId: role.id })
  }
  for (const key of state.userGroups.get(user.id) ?? []) {
    const group = state.groups.get(key)
    if (group) targets.push({ targetType: 'GROUP', targetId: group.id })
  }
  return targets
}

function grantsOf(
  state: EmulatorState,
  poolId: string,
  targets: GrantTarget[],
  namespace: string | null | undefined,
): GrantRecord[] {
  const wanted = new Set(targets.map((t) => `${t.targetType}:${t.targetId}`))
  const out: GrantRecord[] = []
  for (const grant of state.grants.values()) {
    if (grant.userPoolId !== poolId || (namespace && grant.namespace !== namespace)) continue
    if (wanted.has(`${grant.targetType}:${grant.targetId}`)) out.push(grant)
  }
  return out
}

export function isActionAllowed(
  state: EmulatorState,
  user: UserRecord,
  namespace: string,
  resource: string,
  action: string,
): boolean {
  return grantsOf(state, user.userPoolId, targetsOfUser(state, user), namespace).some(
    (grant) => matchesPattern(grant.resource, resource) && grant.actions.some((a) => matchesPattern(a, action)),
  )
}

/** Resources the targets hold actions on, actions merged per resource (wildcards expanded against the resource's actions). */
export function authorizedResources(
  state: EmulatorState,
  poolId: string,
  targets: GrantTarget[],
  namespace: string | null | undefined,
  resourceType: string | null | undefined,
): AuthorizedResource[] {
  const merged = new Map<string, AuthorizedResource>()
  for (const grant of grantsOf(state, poolId, targets, namespace)) {
    const matching = resourcesMatching(state, grant)
    // A grant on a resource string (`books:1`, `books:*`) that names no resource record of its own
    // is listed as that string, typed by the resource its prefix names (DATA when none).
    const listed = matching.length ? matching : [resourceOfString(state, grant)]
    for (const resource of listed) {
      if (resourceType && resource.type !== resourceType) continue
      const key = `${resource.namespace}:${resource.code}`
      const view = merged.get(key) ?? {
        code: resource.code,
        type: resource.type,
        actions: [],
        apiIdentifier: resource.apiIdentifier,
      }
      for (const pattern of grant.actions) {
        const known = resource.actions.map((a) => a.name)
        const names =
          pattern.includes('*') && known.length ? known.filter((name) => matchesPattern(pattern, name)) : [pattern]
        for (const name of names) if (!view.actions.includes(name)) view.actions.push(name)
      }
      merged.set(key, view)
    }
  }
  return [...merged.values()]
}

/** The grant's resource string as a resource: the record its prefix (`books` of `books:1`) names, else a DATA one. */
function resourceOfString(
  state: EmulatorState,
  grant: GrantRecord,
): Pick<ResourceRecord, 'namespace' | 'code' | 'type' | 'actions' | 'apiIdentifier'> {
  const base = state.resources.get(keys.resource(grant.userPoolId, grant.namespace, grant.resource.split(':')[0] ?? ''))
  return {
    namespace: grant.namespace,
    code: grant.resource,
    type: base?.type ?? 'DATA',
    actions: base?.actions ?? [],
    apiIdentifier: base?.apiIdentifier ?? null,
  }
}

function resourcesMatching(state: EmulatorState, grant: GrantRecord): ResourceRecord[] {
  if (!grant.resource.includes('*')) {
    const resource = state.resources.get(keys.resource(grant.userPoolId, grant.namespace, grant.resource))
    return resource ? [resource] : []
  }
  const out: ResourceRecord[] = []
  for (const resource of state.resources.values()) {
    if (
      resource.userPoolId === grant.userPoolId &&
      resource.namespace === grant.namespace &&
      matchesPattern(grant.resource, resource.code)
    )
      out.push(resource)
  }
  return out
}

/** Adds actions to a target's grant on a resource (`replace`: the grant becomes exactly `actions`). */
export function grantActions(
  state: EmulatorState,
  poolId: string,
  namespace: string,
  resource: string,
  target: GrantTarget,
  actions: string[],
  replace = false,
): void {
  const record: GrantRecord = { userPoolId: poolId, namespace, resource, ...target, actions: [] }
  const key = keys.grant(record)
  const current = replace ? [] : (state.grants.get(key)?.actions ?? [])
  state.grants.set(key, { ...record, actions: [...new Set([...current, ...actions])] })
}

/** Takes actions back (null: all of them); a grant left empty is removed. */
export function revokeActions(
  state: EmulatorState,
  poolId: string,
  namespace: string,
  resource: string,
  target: GrantTarget,
  actions: string[] | null,
): void {
  const key = keys.grant({ userPoolId: poolId, namespace, resource, ...target })
  const grant = state.grants.get(key)
  if (!grant) return
  const left = actions === null ? [] : grant.actions.filter((a) => !actions.includes(a))
  if (left.length) state.grants.set(key, { ...grant, actions: left })
  else state.grants.delete(key)
}

/** Drops every grant to a target that is being deleted, or on a resource that is. */
export function dropGrants(state: EmulatorState, poolId: string, where: (grant: GrantRecord) => boolean): void {
  for (const [key, grant] of [...state.grants.entries()])
    if (grant.userPoolId === poolId && where(grant)) state.grants.delete(key)
}
