/**
 * `POST /oidc/token/introspection` (RFC 7662), for the client the token was issued to: another
 * client's token is inactive to it.
 */
import { checkAccessToken, checkRefreshToken } from '../../domain/sessions/tokenCheck.js'
import { authenticateClient } from '../clientAuth.js'
import { readParams, requireParam } from '../params.js'
import { jsonAnswer } from '../responses.js'
import type { ProtocolHandler } from '../types.js'

export const introspectionEndpoint: ProtocolHandler = async ({ engine, request, url }) => {
  const params = await readParams(request, url)
  const { app } = authenticateClient(engine.state, request.headers, params)
  const token = requireParam(params, 'token')
  const access = await checkAccessToken(engine, token)
  if (access.ok && access.value.client_id === app.id) {
    const { sub, client_id, exp, iat, iss, jti, scope } = access.value
    return jsonAnswer({ active: true, sub, client_id, exp, iat, iss, jti, scope, token_type: 'Bearer' })
  }
  const refresh = checkRefreshToken(engine, token)
  if (refresh && refresh.appId === app.id) {
    return jsonAnswer({
      active: true,
      sub: refresh.userId,
      client_id: refresh.appId,
      exp: Math.floor(refresh.expiresAt / 1000),
      iat: Math.floor(refresh.issuedAt / 1000),
      iss: `${engine.settings.appHost}/oidc`,
      scope: refresh.scope,
      token_type: 'refresh_token',
    })
  }
  return jsonAnswer({ active: false })
}
