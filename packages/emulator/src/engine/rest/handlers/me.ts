/** The caller's own REST reads: `GET /api/v2/users/me` and the applications open to them. */
import { applicationsOf } from '../../domain/applications.js'
import { paginate } from '../../http/paging.js'
import { allowedApplicationView } from '../../views/applications.js'
import { restUser } from '../../views/users.js'
import type { RestRoutes } from '../types.js'

/** This endpoint's paging is lenient: anything but a positive integer is the default, and at most 1000. */
function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1000) : fallback
}

export const meRoutes: RestRoutes = {
  'GET /api/v2/users/me': async (ctx) => {
    const caller = await ctx.caller()
    return restUser(ctx.engine, caller.user, { token: { token: caller.token, exp: caller.exp } })
  },
  /** Every application of the caller's pool is open to them. */
  'GET /api/v2/users/me/applications/allowed': async (ctx, { url }) => {
    const page = positiveInt(url.searchParams.get('page'), 1)
    const limit = positiveInt(url.searchParams.get('limit'), 10)
    const { user } = await ctx.caller()
    const { totalCount, list } = paginate(applicationsOf(ctx.state, user.userPoolId), { page, limit })
    return { totalCount, list: list.map(allowedApplicationView) }
  },
}
