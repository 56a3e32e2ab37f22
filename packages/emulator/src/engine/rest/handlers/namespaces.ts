/**
 * Permission namespaces (management REST, `/api/v2/resource-namespace/{userPoolId}`): list
 * (`{total, list}`, Authing's own key), create, update and delete by code.
 */
import type { UserPoolRecord } from '../../../model/records.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import * as namespaces from '../../domain/namespaces.js'
import { optionalString, requiredString } from '../../http/input.js'
import { pageFromQuery, paginate } from '../../http/paging.js'
import type { RequestContext } from '../../requestContext.js'
import { namespaceView } from '../../views/resources.js'
import type { RestRoutes } from '../types.js'

/** The pool in the path must be the one the management token is for. */
async function poolOf(ctx: RequestContext, params: Record<string, string>): Promise<UserPoolRecord> {
  const pool = await ctx.management()
  if (params.userPoolId !== pool.id) throw new AuthingBusinessError('noPermission')
  return pool
}

export const namespaceRoutes: RestRoutes = {
  'GET /api/v2/resource-namespace/:userPoolId': async (ctx, { url, params }) => {
    const pool = await poolOf(ctx, params)
    const { totalCount, list } = paginate(namespaces.namespacesOf(ctx.engine, pool.id), pageFromQuery(url))
    return { total: totalCount, list: list.map((ns) => namespaceView(ctx.engine, ns)) }
  },
  'POST /api/v2/resource-namespace/:userPoolId': async (ctx, request) => {
    const pool = await poolOf(ctx, request.params)
    const body = await request.body()
    const ns = namespaces.createNamespace(ctx.engine, pool.id, requiredString(body, 'code'), () => ({
      name: requiredString(body, 'name'),
      description: optionalString(body, 'description'),
    }))
    return namespaceView(ctx.engine, ns)
  },
  /** `{code?, name?, description?}` */
  'PUT /api/v2/resource-namespace/:userPoolId/code/:code': async (ctx, request) => {
    const pool = await poolOf(ctx, request.params)
    const ns = namespaces.namespaceToUpdate(ctx.engine, pool.id, request.params.code ?? '')
    const body = await request.body()
    const code = optionalString(body, 'code') ?? ns.code
    namespaces.assertRecodable(ctx.engine, ns, code)
    const description = body.description === undefined ? ns.description : optionalString(body, 'description')
    const updated = namespaces.updateNamespace(ctx.engine, ns, {
      code,
      name: optionalString(body, 'name') ?? ns.name,
      description,
    })
    return namespaceView(ctx.engine, updated)
  },
  'DELETE /api/v2/resource-namespace/:userPoolId/code/:code': async (ctx, { params }) => {
    namespaces.deleteNamespace(ctx.engine, (await poolOf(ctx, params)).id, params.code ?? '')
    return true
  },
}
