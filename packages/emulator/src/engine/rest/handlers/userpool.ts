/** The user pool's settings (management REST): `userpool.detail()`; updates go through GraphQL `updateUserpool`. */
import { userPoolView } from '../../views/userPool.js'
import type { RestRoutes } from '../types.js'

export const userpoolRoutes: RestRoutes = {
  'GET /api/v2/userpools/detail': async (ctx) => userPoolView(await ctx.management()),
}
