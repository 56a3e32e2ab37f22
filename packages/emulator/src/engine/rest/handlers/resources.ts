/**
 * Resources (management REST, `/api/v2/resources`): list, create, update and delete by code, and
 * the detail by namespace + code (or id), null when missing. Namespace defaults to `default`.
 */
import type { ResourceRecord, ResourceType } from '../../../model/records.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import * as resources from '../../domain/resources.js'
import { optionalString, requiredString } from '../../http/input.js'
import { pageFromQuery, paginate } from '../../http/paging.js'
import { resourceView } from '../../views/resources.js'
import type { RestRoutes } from '../types.js'

const resourceTypes: ResourceType[] = ['DATA', 'API', 'MENU', 'UI', 'BUTTON']

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
    if (!a || typeof a.name !== 'string' || !a.name)
      throw new AuthingBusinessError('invalidParam', { field: `actions[${i}].name` })
    return { name: a.name, description: typeof a.description === 'string' ? a.description : null }
  })
}

export const resourceRoutes: RestRoutes = {
  'GET /api/v2/resources': async (ctx, { url }) => {
    const pool = await ctx.management()
    const all = resources.resourcesOf(
      ctx.state,
      pool.id,
      url.searchParams.get('namespace'),
      url.searchParams.get('type'),
    )
    const { totalCount, list } = paginate(all, pageFromQuery(url))
    return { totalCount, list: list.map((r) => resourceView(ctx.engine, r)) }
  },
  'POST /api/v2/resources': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const namespace = namespaceParam(body.namespace)
    const resource = resources.createResource(ctx.engine, pool.id, namespace, requiredString(body, 'code'), () => ({
      type: typeParam(body.type),
      description: optionalString(body, 'description'),
      actions: actionsParam(body.actions),
      apiIdentifier: optionalString(body, 'apiIdentifier'),
    }))
    return resourceView(ctx.engine, resource)
  },
  /** Updates what the body carries (`namespace` names the resource's namespace). */
  'POST /api/v2/resources/:code': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const updated = resources.updateResource(
      ctx.engine,
      pool.id,
      namespaceParam(body.namespace),
      request.params.code ?? '',
      (resource) => ({
        type: body.type === undefined ? resource.type : typeParam(body.type),
        description: body.description === undefined ? resource.description : optionalString(body, 'description'),
        actions: body.actions === undefined ? resource.actions : actionsParam(body.actions),
        apiIdentifier:
          body.apiIdentifier === undefined ? resource.apiIdentifier : optionalString(body, 'apiIdentifier'),
      }),
    )
    return resourceView(ctx.engine, updated)
  },
  'DELETE /api/v2/resources/:code': async (ctx, { url, params }) => {
    const pool = await ctx.management()
    resources.deleteResource(ctx.state, pool.id, namespaceParam(url.searchParams.get('namespace')), params.code ?? '')
    return true
  },
  /** `?namespace=&code=` or `?id=`; null when there is no such resource. */
  'GET /api/v2/resources/detail': async (ctx, { url }) => {
    const pool = await ctx.management()
    const namespace = namespaceParam(url.searchParams.get('namespace'))
    const resource = resources.resourceDetail(
      ctx.state,
      pool.id,
      url.searchParams.get('id'),
      namespace,
      url.searchParams.get('code'),
    )
    return resource ? resourceView(ctx.engine, resource) : null
  },
}
