/** Users (management REST): the detail and the batch read. */
import { AuthingBusinessError } from '../../domain/errors.js'
import { existingUsers, usersBy } from '../../domain/users.js'
import { restUser } from '../../views/users.js'
import type { RestRoutes } from '../types.js'

function withoutCustomData(user: Record<string, unknown>): Record<string, unknown> {
  const { customData: _, ...rest } = user
  return rest
}

export const userRoutes: RestRoutes = {
  'GET /api/v2/users/:id': async (ctx, { url, params }) => {
    const pool = await ctx.management()
    const [user] = existingUsers(ctx.state, pool.id, [params.id ?? ''])
    if (!user) throw new AuthingBusinessError('userNotFound')
    const shown = restUser(ctx.engine, user)
    return url.searchParams.get('with_custom_data') === 'true' ? shown : withoutCustomData(shown)
  },
  'POST /api/v2/users/batch': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    if (!Array.isArray(body.ids)) throw new AuthingBusinessError('invalidParam', { field: 'ids' })
    const type = typeof body.type === 'string' ? body.type : 'id'
    const shown = usersBy(ctx.state, pool.id, body.ids, type).map((user) => restUser(ctx.engine, user))
    return body.withCustomData === true ? shown : shown.map(withoutCustomData)
  },
}
