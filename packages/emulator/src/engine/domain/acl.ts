/**
 * Authorization as the management API speaks it: targets named by user id, role code or group
 * code, resolved to grant targets (every one checked before anything is written), and the
 * allow / authorize / revoke / is-allowed operations over ./grants.ts. Namespaces default to `default`.
 */
import { keys } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import { AuthingBusinessError } from './errors.js'
import {
  type AuthorizedResource,
  authorizedResources,
  grantActions,
  type GrantTarget,
  isActionAllowed,
  revokeActions,
  targetsOfUser,
} from './grants.js'
import { defaultNamespace, lookupRole } from './roles.js'
import { existingUsers } from './users.js'

interface TargetOpt {
  targetType: string
  targetIdentifier: string
  actions?: string[] | null
}

/** A USER opt names a user id, ROLE a role code (in the namespace, else `default`), GROUP a group code. */
function resolveTarget(
  state: EmulatorState,
  poolId: string,
  namespace: string,
  opt: Pick<TargetOpt, 'targetType' | 'targetIdentifier'>,
): GrantTarget {
  switch (opt.targetType) {
    case 'USER': {
      const [user] = existingUsers(state, poolId, [opt.targetIdentifier])
      return { targetType: 'USER', targetId: user?.id ?? '' }
    }
    case 'ROLE': {
      const role = lookupRole(state, poolId, namespace, opt.targetIdentifier)
      if (!role) throw new AuthingBusinessError('roleNotFound', { code: opt.targetIdentifier })
      return { targetType: 'ROLE', targetId: role.id }
    }
    case 'GROUP': {
      const group = state.groups.get(keys.group(poolId, opt.targetIdentifier))
      if (!group) throw new AuthingBusinessError('groupNotFound', { code: opt.targetIdentifier })
      return { targetType: 'GROUP', targetId: group.id }
    }
    default:
      throw new AuthingBusinessError('notSupported', { field: `targetType ${opt.targetType}` })
  }
}

/** The opts of authorize/revoke, every target checked before anything is written. */
function resolveOpts(
  state: EmulatorState,
  poolId: string,
  namespace: string,
  opts: unknown,
): { target: GrantTarget; actions: string[] | null }[] {
  if (!Array.isArray(opts) || !opts.length) throw new AuthingBusinessError('invalidParam', { field: 'opts' })
  return opts.map((opt: unknown, i) => {
    const o = opt as Partial<TargetOpt> | null
    if (!o || typeof o.targetType !== 'string' || typeof o.targetIdentifier !== 'string')
      throw new AuthingBusinessError('invalidParam', { field: `opts[${i}]` })
    const actions = Array.isArray(o.actions) ? o.actions.filter((a): a is string => typeof a === 'string') : null
    return {
      target: resolveTarget(state, poolId, namespace, {
        targetType: o.targetType,
        targetIdentifier: o.targetIdentifier,
      }),
      actions,
    }
  })
}

/** Whether the user (directly, or through roles and groups) may do `action` on `resource`. */
export function isAllowed(
  state: EmulatorState,
  poolId: string,
  args: { resource: string; action: string; userId: string; namespace?: string | null },
): boolean {
  const [user] = existingUsers(state, poolId, [args.userId])
  return user ? isActionAllowed(state, user, args.namespace || defaultNamespace, args.resource, args.action) : false
}

/** Grants `action` on `resource` (either may use `*`) to users and/or roles. */
export function allow(
  state: EmulatorState,
  poolId: string,
  args: {
    resource: string
    action: string
    userId?: string | null
    userIds?: string[] | null
    roleCode?: string | null
    roleCodes?: string[] | null
    namespace?: string | null
  },
): void {
  const namespace = args.namespace || defaultNamespace
  const userIds = [args.userId, ...(args.userIds ?? [])].filter((id): id is string => !!id)
  const roleCodes = [args.roleCode, ...(args.roleCodes ?? [])].filter((code): code is string => !!code)
  const targets = [
    ...userIds.map((id) => resolveTarget(state, poolId, namespace, { targetType: 'USER', targetIdentifier: id })),
    ...roleCodes.map((code) => resolveTarget(state, poolId, namespace, { targetType: 'ROLE', targetIdentifier: code })),
  ]
  if (!targets.length) throw new AuthingBusinessError('invalidParam', { field: 'userId | roleCode' })
  for (const target of targets) grantActions(state, poolId, namespace, args.resource, target, [args.action])
}

/**
 * Gives each target exactly the listed actions (all of the resource's when none are listed). The
 * resource may be any resource string (`books`, `books:1`, `books:*`), created or not, as on
 * Authing; one with no record and no listed actions is granted every action (`*`).
 */
export function authorizeResource(
  state: EmulatorState,
  poolId: string,
  args: { namespace?: string | null; resource?: string | null; opts?: unknown },
): void {
  const namespace = args.namespace || defaultNamespace
  const code = args.resource ?? ''
  if (!/^[^:\s]+(:[^:\s]+)?$/.test(code)) throw new AuthingBusinessError('invalidParam', { field: 'resource' })
  const resource = state.resources.get(keys.resource(poolId, namespace, code))
  const all = resource ? resource.actions.map((a) => a.name) : ['*']
  for (const { target, actions } of resolveOpts(state, poolId, namespace, args.opts)) {
    grantActions(state, poolId, namespace, code, target, actions ?? all, true)
  }
}

/** Takes the listed actions back (all of them when none are listed). */
export function revokeResource(
  state: EmulatorState,
  poolId: string,
  namespace: string,
  resource: string,
  opts: unknown,
): void {
  for (const { target, actions } of resolveOpts(state, poolId, namespace, opts))
    revokeActions(state, poolId, namespace, resource, target, actions)
}

/** What a user (directly and through roles and groups), a role or a group may do. */
export function authorizedResourcesOf(
  state: EmulatorState,
  poolId: string,
  args: {
    targetType?: string | null
    targetIdentifier?: string | null
    namespace?: string | null
    resourceType?: string | null
  },
): AuthorizedResource[] {
  const targetType = args.targetType ?? 'USER'
  const target = resolveTarget(state, poolId, args.namespace || defaultNamespace, {
    targetType,
    targetIdentifier: args.targetIdentifier ?? '',
  })
  const user = target.targetType === 'USER' ? state.users.get(target.targetId) : undefined
  const targets = user ? targetsOfUser(state, user) : [target]
  return authorizedResources(state, poolId, targets, args.namespace, args.resourceType)
}
