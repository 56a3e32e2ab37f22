/**
 * Permission namespaces (management REST, `/api/v2/resource-namespace/{userPoolId}`): list
 * (`{total, list}`, Authing's own key), create, update and delete by code. The pool's `default`
 * namespace and one per application (code = app id) always exist: they are recorded on first use.
 */
import type { RequestContext } from '../../requestContext.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { optionalString, requiredString } from '../../http/input.js'
import { pageFromQuery, paginate } from '../../http/paging.js'
import { dropGrants } from '../../domain/grants.js'
import { keys, type NamespaceRecord, type UserPoolRecord } from '../../../model/state.js'
import { deleteRoleRecord } from '../../graphql/resolvers/managementRoles.js'
import type { RestRoutes } from '../types.js'

/** The pool's namespaces, recording the implicit ones (`default`, one per application) first. */
export function namespacesOf(ctx: RequestContext, pool: UserPoolRecord): NamespaceRecord[] {
  const { state } = ctx
  const implicit = [{ code: 'default', name: 'Default', appId: null as string | null }]
  for (const app of state.applications.values()) if (app.userPoolId === pool.id) implicit.push({ code: app.id, name: app.name, appId: app.id })
  for (const ns of implicit) {
    if (!state.namespaces.has(keys.namespace(pool.id, ns.code))) saveNamespace(ctx, pool.id, { ...ns, description: null })
  }
  return [...state.namespaces.values()].filter((ns) => ns.userPoolId === pool.id)
}

export function saveNamespace(ctx: RequestContext, poolId: string, ns: Pick<NamespaceRecord, 'code' | 'name' | 'description' | 'appId'>): NamespaceRecord {
  let id = 0
  for (const other of ctx.state.namespaces.values()) id = Math.max(id, other.id)
  const at = new Date(ctx.now()).toISOString()
  const record: NamespaceRecord = { ...ns, id: id + 1, userPoolId: poolId, createdAt: at, updatedAt: at }
  ctx.state.namespaces.set(keys.namespace(poolId, ns.code), record)
  return record
}

export function namespaceView(ctx: RequestContext, ns: NamespaceRecord): Record<string, unknown> {
  const app = ns.appId ? ctx.state.applications.get(ns.appId) : undefined
  return { id: ns.id, userPoolId: ns.userPoolId, code: ns.code, name: ns.name, description: ns.description, status: 1, appId: ns.appId, appName: app?.name ?? null }
}

function inUse(ctx: RequestContext, poolId: string, code: string): boolean {
  const { state } = ctx
  const here = (record: { userPoolId: string; namespace: string }) => record.userPoolId === poolId && record.namespace === code
  return [...state.roles.values()].some(here) || [...state.resources.values()].some(here) || [...state.grants.values()].some(here)
}

/** Deletes the roles, resources and grants of a namespace (with the namespace or its application). */
export function clearNamespace(ctx: RequestContext, poolId: string, code: string): void {
  const { state } = ctx
  for (const role of [...state.roles.values()]) if (role.userPoolId === poolId && role.namespace === code) deleteRoleRecord(ctx, role)
  for (const [key, resource] of [...state.resources.entries()]) if (resource.userPoolId === poolId && resource.namespace === code) state.resources.delete(key)
  dropGrants(state, poolId, (g) => g.namespace === code)
  state.namespaces.delete(keys.namespace(poolId, code))
}

/** The pool in the path must be the one the management token is for. */
async function poolOf(ctx: RequestContext, params: Record<string, string>): Promise<UserPoolRecord> {
  const pool = await ctx.management()
  if (params.userPoolId !== pool.id) throw new AuthingBusinessError('noPermission')
  return pool
}

function findNamespace(ctx: RequestContext, pool: UserPoolRecord, code: string, missing: 'namespaceNotFoundOnDelete' | 'namespaceNotFoundOnUpdate'): NamespaceRecord {
  const ns = namespacesOf(ctx, pool).find((n) => n.code === code)
  if (!ns) throw new AuthingBusinessError(missing, { code })
  return ns
}

export const managementNamespaceRoutes: RestRoutes = {
  'GET /api/v2/resource-namespace/:userPoolId': async (ctx, { url, params }) => {
    const pool = await poolOf(ctx, params)
    const { totalCount, list } = paginate(namespacesOf(ctx, pool), pageFromQuery(url))
    return { total: totalCount, list: list.map((ns) => namespaceView(ctx, ns)) }
  },
  'POST /api/v2/resource-namespace/:userPoolId': async (ctx, request) => {
    const pool = await poolOf(ctx, request.params)
    const body = await request.body()
    const code = requiredString(body, 'code')
    if (namespacesOf(ctx, pool).some((ns) => ns.code === code)) throw new AuthingBusinessError('namespaceExists', { code })
    const ns = saveNamespace(ctx, pool.id, { code, name: requiredString(body, 'name'), description: optionalString(body, 'description'), appId: null })
    return namespaceView(ctx, ns)
  },
  /** `{code?, name?, description?}`; the code of an application's or a non-empty namespace stays. */
  'PUT /api/v2/resource-namespace/:userPoolId/code/:code': async (ctx, request) => {
    const pool = await poolOf(ctx, request.params)
    const ns = findNamespace(ctx, pool, request.params.code ?? '', 'namespaceNotFoundOnUpdate')
    const body = await request.body()
    const code = optionalString(body, 'code') ?? ns.code
    if (code !== ns.code) {
      if (ns.appId || inUse(ctx, pool.id, ns.code)) throw new AuthingBusinessError('namespaceInUse', { code: ns.code })
      if (ctx.state.namespaces.has(keys.namespace(pool.id, code))) throw new AuthingBusinessError('namespaceExists', { code })
      ctx.state.namespaces.delete(keys.namespace(pool.id, ns.code))
    }
    const description = body.description === undefined ? ns.description : optionalString(body, 'description')
    const updated: NamespaceRecord = { ...ns, code, name: optionalString(body, 'name') ?? ns.name, description, updatedAt: new Date(ctx.now()).toISOString() }
    ctx.state.namespaces.set(keys.namespace(pool.id, code), updated)
    return namespaceView(ctx, updated)
  },
  /** An application's namespace goes with the application only; others take their roles and resources along. */
  'DELETE /api/v2/resource-namespace/:userPoolId/code/:code': async (ctx, { params }) => {
    const pool = await poolOf(ctx, params)
    const ns = findNamespace(ctx, pool, params.code ?? '', 'namespaceNotFoundOnDelete')
    if (ns.appId || ns.code === 'default') throw new AuthingBusinessError('namespaceInUse', { code: ns.code })
    clearNamespace(ctx, pool.id, ns.code)
    return true
  },
}
