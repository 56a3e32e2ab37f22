/** Authorization (management REST): `POST /api/v2/acl/revoke-resource` and `POST /api/v2/acl/is-allowed`. */
import { isAllowed, revokeResource } from '../../domain/acl.js'
import { defaultNamespace } from '../../domain/roles.js'
import { requiredString } from '../../http/input.js'
import type { RestRoutes } from '../types.js'

export const aclRoutes: RestRoutes = {
  /** `{namespace, resource, opts}`: takes the listed actions back (all of them when none are listed). */
  'POST /api/v2/acl/revoke-resource': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const namespace = typeof body.namespace === 'string' && body.namespace ? body.namespace : defaultNamespace
    revokeResource(ctx.state, pool.id, namespace, requiredString(body, 'resource'), body.opts)
    return true
  },
  /** `{resource, action, userId, namespace}` → `{allowed}`. */
  'POST /api/v2/acl/is-allowed': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const namespace = typeof body.namespace === 'string' ? body.namespace : null
    const args = {
      resource: requiredString(body, 'resource'),
      action: requiredString(body, 'action'),
      userId: requiredString(body, 'userId'),
      namespace,
    }
    return { allowed: isAllowed(ctx.state, pool.id, args) }
  },
}
