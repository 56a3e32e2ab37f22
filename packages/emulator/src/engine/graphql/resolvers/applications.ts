/** REST `GET /api/v2/users/me/applications/allowed`: every application of the caller's pool is open to them. */
import type { RequestContext } from '../../requestContext.js'

export async function listAllowedApplications(ctx: RequestContext, page: number, limit: number): Promise<{ totalCount: number; list: unknown[] }> {
  const { user } = await ctx.caller()
  const apps = [...ctx.state.applications.values()].filter((app) => app.userPoolId === user.userPoolId)
  const start = (page - 1) * limit
  return {
    totalCount: apps.length,
    list: apps.slice(start, start + limit).map((app) => ({
      id: app.id,
      createdAt: app.createdAt,
      updatedAt: app.updatedAt,
      name: app.name,
      logo: app.logo,
      domain: app.identifier,
      description: app.description,
      protocol: 'oidc',
    })),
  }
}
