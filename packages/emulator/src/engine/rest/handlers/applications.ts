/**
 * Applications (management REST): list, create, detail, update, delete, refresh-secret (Authing's path is
 * singular there: `/api/v2/application/{id}/refresh-secret`) and active users.
 */
import * as applications from '../../domain/applications.js'
import { updateApplication } from '../../domain/appSettings.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { optionalString, requiredString } from '../../http/input.js'
import { pageFromQuery, paginate } from '../../http/paging.js'
import { applicationView } from '../../views/applications.js'
import { restUser } from '../../views/users.js'
import type { RestRoutes } from '../types.js'

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new AuthingBusinessError('invalidParam', { field })
  return value as string[]
}

export const applicationRoutes: RestRoutes = {
  'GET /api/v2/applications': async (ctx, { url }) => {
    const pool = await ctx.management()
    const { totalCount, list } = paginate(applications.applicationsOf(ctx.state, pool.id), pageFromQuery(url))
    return { totalCount, list: list.map((app) => applicationView(ctx.engine, app)) }
  },
  /** `{name, identifier, redirectUris, logo?}`; the identifier is unique (2039). */
  'POST /api/v2/applications': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const identifier = requiredString(body, 'identifier')
    applications.assertIdentifierFree(ctx.state, identifier)
    const app = applications.createApplication(ctx.engine, pool.id, {
      name: requiredString(body, 'name'),
      identifier,
      description: optionalString(body, 'description'),
      logo: optionalString(body, 'logo'),
      redirectUris: stringList(body.redirectUris, 'redirectUris'),
    })
    return applicationView(ctx.engine, app)
  },
  'GET /api/v2/applications/:id': async (ctx, { params }) =>
    applicationView(ctx.engine, applications.findApp(ctx.state, (await ctx.management()).id, params.id)),
  /** The app's login switches (../../domain/appSettings.ts), by the names of its public config. */
  'POST /api/v2/applications/:id': async (ctx, request) => {
    const app = applications.findApp(ctx.state, (await ctx.management()).id, request.params.id)
    return applicationView(ctx.engine, updateApplication(ctx.engine, app, await request.body()))
  },
  'DELETE /api/v2/applications/:id': async (ctx, { params }) => {
    const pool = await ctx.management()
    applications.deleteApplication(ctx.engine, applications.findApp(ctx.state, pool.id, params.id))
    return true
  },
  'PATCH /api/v2/application/:id/refresh-secret': async (ctx, { params }) => {
    const app = applications.findApp(ctx.state, (await ctx.management()).id, params.id)
    return applicationView(ctx.engine, applications.refreshSecret(ctx.engine, app))
  },
  'GET /api/v2/applications/:id/active-users': async (ctx, { url, params }) => {
    const app = applications.findApp(ctx.state, (await ctx.management()).id, params.id)
    const { totalCount, list } = paginate(applications.activeUsers(ctx.state, app), pageFromQuery(url))
    return { totalCount, list: list.map((user) => restUser(ctx.engine, user)) }
  },
}
