/** Users (management REST): the detail and the batch read. */
import { AuthingBusinessError } from '../../domain/errors.js'
import { usersBy } from '../../domain/users.js'
import { restUser } from '../../views/users.js'
import type { RestRoutes } from '../types.js'

function withoutCustomData(user: Record<string, unknown>): Record<string, unknown> {
  const { customData: _, ...rest } = user
  return rest
}

/** A query switch as the SDKs send it: `true` (JS) or `1` (Python). */
const isTrue = (value: string | null) => value === 'true' || value === '1'

export const userRoutes: RestRoutes = {
  'GET /api/v2/users/:id': async (ctx, { url, params }) => {
    const pool = await ctx.management()
    const user = ctx.state.users.get(params.id ?? '')
    // `data: null`, as Authing answers: the SDKs read `data` before they look at the code.
    if (!user || user.userPoolId !== pool.id) throw new AuthingBusinessError('userNotFound', {}, null)
    const shown = restUser(ctx.engine, user)
    return isTrue(url.searchParams.get('with_custom_data')) ? shown : withoutCustomData(shown)
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
