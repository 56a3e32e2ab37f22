/** `GET /api/v2/applications/{appId}/public-config`: no token; an unknown app is 2011. */
import { agreementsOf } from '../../domain/agreements.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { publicConfigView } from '../../views/publicConfig.js'
import type { RestRoutes } from '../types.js'

export const publicConfigRoutes: RestRoutes = {
  'GET /api/v2/applications/:id/public-config': async (ctx, { params }) => {
    const app = params.id ? ctx.state.applications.get(params.id) : undefined
    const pool = app && ctx.state.userPools.get(app.userPoolId)
    if (!app || !pool) throw new AuthingBusinessError('appNotFound')
    return publicConfigView(ctx.engine, app, pool, agreementsOf(ctx.state, app.id))
  },
}
