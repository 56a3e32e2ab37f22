/**
 * `POST /oidc/token/revocation` (RFC 7009), for the client the token was issued to: another
 * client's token is left alone.
 */
import { checkAccessToken, checkRefreshToken } from '../../domain/sessions/tokenCheck.js'
import { revokeToken } from '../../domain/sessions/tokens.js'
import { authenticateClient } from '../clientAuth.js'
import { readParams, requireParam } from '../params.js'
import type { ProtocolHandler } from '../types.js'

/** Always 200 with an empty body for a token the client may not revoke or that does not exist (RFC 7009 §2.2). */
export const revocationEndpoint: ProtocolHandler = async ({ engine, request, url }) => {
  const params = await readParams(request, url)
  const { app } = authenticateClient(engine.state, request.headers, params)
  const token = requireParam(params, 'token')
  const access = await checkAccessToken(engine, token)
  if (access.ok && access.value.client_id === app.id) revokeToken(engine, access.value)
  const refresh = checkRefreshToken(engine, token)
  if (refresh && refresh.appId === app.id) engine.state.refreshTokens.delete(token)
  return new Response(null, { status: 200, headers: { 'cache-control': 'no-store' } })
}
