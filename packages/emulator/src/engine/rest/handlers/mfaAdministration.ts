/**
 * Users' second factors (management REST, authing-js-sdk `managementClient.mfa`): the bound status
 * and unbinding (`/api/v2/users/{id}/mfa-bound`), importing a TOTP secret (`/api/v2/mfa/totp/import`).
 */
import { AuthingBusinessError } from '../../domain/errors.js'
import { importTotp, mfaStatus, mfaTypeOf, unbindMfa } from '../../domain/mfa/administration.js'
import { existingUsers } from '../../domain/users.js'
import { optionalString, requiredString } from '../../http/input.js'
import type { RequestContext } from '../../requestContext.js'
import type { RestRoutes } from '../types.js'

async function managedUser(ctx: RequestContext, id: string | undefined) {
  const [user] = existingUsers(ctx.state, (await ctx.management()).id, [id ?? ''])
  if (!user) throw new AuthingBusinessError('userNotFound')
  return user
}

export const mfaAdministrationRoutes: RestRoutes = {
  'GET /api/v2/users/:id/mfa-bound': async (ctx, { params }) =>
    mfaStatus(ctx.engine, await managedUser(ctx, params.id)),
  'DELETE /api/v2/users/:id/mfa-bound': async (ctx, { url, params }) => {
    const user = await managedUser(ctx, params.id)
    unbindMfa(ctx.engine, user, mfaTypeOf(url.searchParams.get('type')))
    return true
  },
  /** `{userId, secret, recoveryCode?}`. */
  'POST /api/v2/mfa/totp/import': async (ctx, request) => {
    const body = await request.body()
    const user = await managedUser(ctx, requiredString(body, 'userId'))
    return importTotp(ctx.engine, user, requiredString(body, 'secret'), optionalString(body, 'recoveryCode'))
  },
}
