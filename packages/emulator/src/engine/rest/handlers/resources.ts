/**
 * Resources (management REST, `/api/v2/resources`): list, create, update and delete by code, and
 * the detail by namespace + code (or id), null when missing. Namespace defaults to `default`.
 */
import type { RequestContext } from '../../requestContext.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { optionalString, requiredString } from '../../http/input.js'
import { pageFromQuery, paginate } from '../../http/paging.js'
import { dropGrants } from '../../domain/grants.js'
import { objectId } from '../../../model/seed.js'
import { keys, type ResourceRecord, type ResourceType, type UserPoolRecord } from '../../../model/state.js'
import { namespacesOf } from './namespaces.js'
import type { RestRoutes } from '../types.js'

const resourceTypes: ResourceType[] = ['DATA', 'API', 'MENU', 'UI', 'BUTTON']

function resourceView(ctx: RequestContext, pool: UserPoolRecord, resource: ResourceRecord): Record<string, unknown> {
  const namespace = namespacesOf(ctx, pool).find((ns) => ns.code === resource.namespace)
  return {
    id: resource.id,
    userPoolId: resource.userPoolId,
    code: resource.code,
    type: resource.type,
    description: resource.description,
    actions: resource.actions,
    namespaceId: namespace?.id ?? null,
    namespace: resource.namespace,
    apiIdentifier: resource.apiIdentifier,
    createdAt: resource.createdAt ?? null,
    updatedAt: resource.updatedAt ?? null,
  }
}

function namespaceParam(value: unknown): string {
  return typeof value === 'string' && value ? value : 'default'
}

function typeParam(value: unknown): ResourceType {
  if (!resourceTypes.includes(value as ResourceType)) throw new AuthingBusinessError('invalidParam', { field: 'type' })
  return value as ResourceType
}

function actionsParam(value: unknown): ResourceRecord['actions'] {
  if (!Array.isArray(value)) throw new AuthingBusinessError('invalidParam', { field: 'actions' })
  return value.map((action: unknown, i) => {
    const a = action as { name?: unknown; description?: unknown } | null
    if (!a || typeof a.name !== 'string' || !a.name) throw new AuthingBusinessError('invalidParam', { field: `actions[${i}].name` })
    return { name: a.name, description: typeof a.description === 'string' ? a.description : null }
  })
}

function findResource(ctx: RequestContext, poolId: string, namespace: string, code: string): ResourceRecord {
  const resource = ctx.state.resources.get(keys.resource(poolId, namespace, code))
  if (!resource) throw new AuthingBusinessError('resourceNotFound', { code })
  return resource
}

export const managementResourceRoutes: RestRoutes = {
  'GET /api/v2/resources': async (ctx, { url }) => {
    const pool = await ctx.management()
    const namespace = url.searchParams.get('namespace')
    const type = url.searchParams.get('type')
    const all = [...ctx.state.resources.values()].filter(
      (r) => r.userPoolId === pool.id && (!namespace || r.namespace === namespace) && (!type || r.type === type),
    )
    const { totalCount, list } = paginate(all, pageFromQuery(url))
    return { totalCount, list: list.map((r) => resourceView(ctx, pool, r)) }
  },
  'POST /api/v2/resources': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const namespace = namespaceParam(body.namespace)
    const code = requiredString(body, 'code')
    if (ctx.state.resources.has(keys.resource(pool.id, namespace, code))) throw new AuthingBusinessError('resourceExists', { code })
    const at = new Date(ctx.now()).toISOString()
    const resource: ResourceRecord = {
      id: objectId(),
      userPoolId: pool.id,
      namespace,
      code,
      type: typeParam(body.type),
      description: optionalString(body, 'description'),
      actions: actionsParam(body.actions),
      apiIdentifier: optionalString(body, 'apiIdentifier'),
      createdAt: at,
      updatedAt: at,
    }
    ctx.state.resources.set(keys.resource(pool.id, namespace, code), resource)
    return resourceView(ctx, pool, resource)
  },
  /** Updates what the body carries (`namespace` names the resource's namespace). */
  'POST /api/v2/resources/:code': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const namespace = namespaceParam(body.namespace)
    const resource = findResource(ctx, pool.id, namespace, request.params.code ?? '')
    const updated: ResourceRecord = {
      ...resource,
      type: body.type === undefined ? resource.type : typeParam(body.type),
      description: body.description === undefined ? resource.description : optionalString(body, 'description'),
      actions: body.actions === undefined ? resource.actions : actionsParam(body.actions),
      apiIdentifier: body.apiIdentifier === undefined ? resource.apiIdentifier : optionalString(body, 'apiIdentifier'),
      updatedAt: new Date(ctx.now()).toISOString(),
    }
    ctx.state.resources.set(keys.resource(pool.id, namespace, resource.code), updated)
    return resourceView(ctx, pool, updated)
  },
  'DELETE /api/v2/resources/:code': async (ctx, { url, params }) => {
    const pool = await ctx.management()
    const namespace = namespaceParam(url.searchParams.get('namespace'))
    const resource = findResource(ctx, pool.id, namespace, params.code ?? '')
    dropGrants(ctx.state, pool.id, (g) => g.namespace === namespace && g.resource === resource.code)
    ctx.state.resources.delete(keys.resource(pool.id, namespace, resource.code))
    return true
  },
  /** `?namespace=&code=` or `?id=`; null when there is no such resource. */
  'GET /api/v2/resources/detail': async (ctx, { url }) => {
    const pool = await ctx.management()
    const id = url.searchParams.get('id')
    const code = url.searchParams.get('code')
    const resource = id
      ? [...ctx.state.resources.values()].find((r) => r.userPoolId === pool.id && r.id === id)
      : ctx.state.resources.get(keys.resource(pool.id, namespaceParam(url.searchParams.get('namespace')), code ?? ''))
    return resource ? resourceView(ctx, pool, resource) : null
  },
}
