/**
 * Authorization (management): allow, isActionAllowed, authorizeResource, authorizedResources, and
 * REST `POST /api/v2/acl/revoke-resource` and `POST /api/v2/acl/is-allowed`. Grants and their
 * evaluation are in ../permissions.ts; namespaces default to `default`.
 */
import type { RequestContext } from '../../requestContext.js'
import { AuthingBusinessError, commonMessage } from '../../domain/errors.js'
import { requiredString } from '../../http/input.js'
import { authorizedResources, grantActions, isActionAllowed, revokeActions, targetsOfUser, type GrantTarget } from '../../domain/grants.js'
import { keys, type UserPoolRecord } from '../../../model/state.js'
import { existingUsers } from './managementUsers.js'
import { lookupRole } from './managementRoles.js'
import type { RestRoutes } from '../../rest/types.js'
import type { RootResolvers } from '../types.js'

const defaultNamespace = 'default'

interface TargetOpt {
  targetType: string
  targetIdentifier: string
  actions?: string[] | null
}

/** A USER opt names a user id, ROLE a role code (in the namespace, else `default`), GROUP a group code. */
function resolveTarget(ctx: RequestContext, pool: UserPoolRecord, namespace: string, opt: Pick<TargetOpt, 'targetType' | 'targetIdentifier'>): GrantTarget {
  switch (opt.targetType) {
    case 'USER': {
      const [user] = existingUsers(ctx, pool.id, [opt.targetIdentifier])
      return { targetType: 'USER', targetId: user?.id ?? '' }
    }
    case 'ROLE': {
      const role = lookupRole(ctx, pool.id, namespace, opt.targetIdentifier)
      if (!role) throw new AuthingBusinessError('roleNotFound', { code: opt.targetIdentifier })
      return { targetType: 'ROLE', targetId: role.id }
    }
    case 'GROUP': {
      const group = ctx.state.groups.get(keys.group(pool.id, opt.targetIdentifier))
      if (!group) throw new AuthingBusinessError('groupNotFound', { code: opt.targetIdentifier })
      return { targetType: 'GROUP', targetId: group.id }
    }
    default:
      throw new AuthingBusinessError('notSupported', { field: `targetType ${opt.targetType}` })
  }
}

/** The opts of authorize/revoke, every target checked before anything is written. */
function resolveOpts(ctx: RequestContext, pool: UserPoolRecord, namespace: string, opts: unknown): { target: GrantTarget; actions: string[] | null }[] {
  if (!Array.isArray(opts) || !opts.length) throw new AuthingBusinessError('invalidParam', { field: 'opts' })
  return opts.map((opt: unknown, i) => {
    const o = opt as Partial<TargetOpt> | null
    if (!o || typeof o.targetType !== 'string' || typeof o.targetIdentifier !== 'string') throw new AuthingBusinessError('invalidParam', { field: `opts[${i}]` })
    const actions = Array.isArray(o.actions) ? o.actions.filter((a): a is string => typeof a === 'string') : null
    return { target: resolveTarget(ctx, pool, namespace, { targetType: o.targetType, targetIdentifier: o.targetIdentifier }), actions }
  })
}

function allowed(ctx: RequestContext, pool: UserPoolRecord, args: { resource: string; action: string; userId: string; namespace?: string | null }): boolean {
  const [user] = existingUsers(ctx, pool.id, [args.userId])
  return user ? isActionAllowed(ctx.state, user, args.namespace || defaultNamespace, args.resource, args.action) : false
}

export const managementAclResolvers: RootResolvers = {
  /** Grants `action` on `resource` (either may use `*`) to users and/or roles. */
  async allow(
    args: { resource: string; action: string; userId?: string | null; userIds?: string[] | null; roleCode?: string | null; roleCodes?: string[] | null; namespace?: string | null },
    ctx,
  ) {
    const pool = await ctx.management()
    const namespace = args.namespace || defaultNamespace
    const userIds = [args.userId, ...(args.userIds ?? [])].filter((id): id is string => !!id)
    const roleCodes = [args.roleCode, ...(args.roleCodes ?? [])].filter((code): code is string => !!code)
    const targets = [
      ...userIds.map((id) => resolveTarget(ctx, pool, namespace, { targetType: 'USER', targetIdentifier: id })),
      ...roleCodes.map((code) => resolveTarget(ctx, pool, namespace, { targetType: 'ROLE', targetIdentifier: code })),
    ]
    if (!targets.length) throw new AuthingBusinessError('invalidParam', { field: 'userId | roleCode' })
    for (const target of targets) grantActions(ctx.state, pool.id, namespace, args.resource, target, [args.action])
    return commonMessage(ctx.lang)
  },

  async isActionAllowed(args: { resource: string; action: string; userId: string; namespace?: string | null }, ctx) {
    return allowed(ctx, await ctx.management(), args)
  },

  /** Gives each target exactly the listed actions (all of the resource's when none are listed). */
  async authorizeResource(args: { namespace?: string | null; resource?: string | null; opts?: (TargetOpt | null)[] | null }, ctx) {
    const pool = await ctx.management()
    const namespace = args.namespace || defaultNamespace
    const code = args.resource ?? ''
    const resource = ctx.state.resources.get(keys.resource(pool.id, namespace, code))
    if (!resource) throw new AuthingBusinessError('resourceNotFound', { code })
    for (const { target, actions } of resolveOpts(ctx, pool, namespace, args.opts)) {
      grantActions(ctx.state, pool.id, namespace, code, target, actions ?? resource.actions.map((a) => a.name), true)
    }
    return commonMessage(ctx.lang)
  },

  /** What a user (directly and through roles and groups), a role or a group may do. */
  async authorizedResources(args: { targetType?: string | null; targetIdentifier?: string | null; namespace?: string | null; resourceType?: string | null }, ctx) {
    const pool = await ctx.management()
    const targetType = args.targetType ?? 'USER'
    const target = resolveTarget(ctx, pool, args.namespace || defaultNamespace, { targetType, targetIdentifier: args.targetIdentifier ?? '' })
    const user = target.targetType === 'USER' ? ctx.state.users.get(target.targetId) : undefined
    const targets = user ? targetsOfUser(ctx.state, user) : [target]
    const list = authorizedResources(ctx.state, pool.id, targets, args.namespace, args.resourceType)
    return { totalCount: list.length, list }
  },
}

export const managementAclRoutes: RestRoutes = {
  /** `{namespace, resource, opts}`: takes the listed actions back (all of them when none are listed). */
  'POST /api/v2/acl/revoke-resource': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const namespace = typeof body.namespace === 'string' && body.namespace ? body.namespace : defaultNamespace
    const resource = requiredString(body, 'resource')
    for (const { target, actions } of resolveOpts(ctx, pool, namespace, body.opts)) revokeActions(ctx.state, pool.id, namespace, resource, target, actions)
    return true
  },
  /** `{resource, action, userId, namespace}` → `{allowed}`. */
  'POST /api/v2/acl/is-allowed': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const namespace = typeof body.namespace === 'string' ? body.namespace : null
    const args = { resource: requiredString(body, 'resource'), action: requiredString(body, 'action'), userId: requiredString(body, 'userId'), namespace }
    return { allowed: allowed(ctx, pool, args) }
  },
}
