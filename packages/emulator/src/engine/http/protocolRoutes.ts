/**
 * The standard-protocol endpoints (OIDC, OAuth 2.0, CAS), keyed like REST routes. They answer
 * whole Responses; an OAuth refusal thrown anywhere becomes the standard `{error, error_description}`.
 */
import { AuthingBusinessError } from '../domain/errors.js'
import { authorizeEndpoint } from '../oidc/endpoints/authorize.js'
import {
  casLoginEndpoint,
  casLogoutEndpoint,
  casServiceValidateEndpoint,
  casValidateEndpoint,
} from '../oidc/endpoints/cas.js'
import { discoveryEndpoint } from '../oidc/endpoints/discovery.js'
import { endSessionEndpoint, profileLogoutEndpoint } from '../oidc/endpoints/endSession.js'
import { introspectionEndpoint } from '../oidc/endpoints/introspection.js'
import { jwksEndpoint } from '../oidc/endpoints/jwks.js'
import { revocationEndpoint } from '../oidc/endpoints/revocation.js'
import { socialConnectionEndpoint } from '../oidc/endpoints/socialConnection.js'
import { tokenEndpoint } from '../oidc/endpoints/token.js'
import { userinfoEndpoint } from '../oidc/endpoints/userinfo.js'
import { validateTokenEndpoint } from '../oidc/endpoints/validateToken.js'
import { OAuthError } from '../oidc/oauthError.js'
import { jsonAnswer, oauthErrorAnswer } from '../oidc/responses.js'
import type { ProtocolHandler } from '../oidc/types.js'

function perProtocol(): Record<string, ProtocolHandler> {
  const routes: Record<string, ProtocolHandler> = {}
  for (const kind of ['oidc', 'oauth'] as const) {
    const authorize = authorizeEndpoint(kind)
    Object.assign(routes, {
      [`GET /${kind}/auth`]: authorize,
      [`POST /${kind}/auth`]: authorize,
      [`POST /${kind}/token`]: tokenEndpoint(kind),
      [`GET /${kind}/me`]: userinfoEndpoint,
      [`POST /${kind}/me`]: userinfoEndpoint,
      [`POST /${kind}/token/introspection`]: introspectionEndpoint,
      [`POST /${kind}/token/revocation`]: revocationEndpoint,
      [`GET /${kind}/session/end`]: endSessionEndpoint,
    })
  }
  return routes
}

export const protocolRoutes: Record<string, ProtocolHandler> = {
  ...perProtocol(),
  'GET /oidc/.well-known/openid-configuration': discoveryEndpoint,
  'GET /oidc/.well-known/jwks.json': jwksEndpoint,
  'GET /api/v2/oidc/validate_token': validateTokenEndpoint,
  'GET /login/profile/logout': profileLogoutEndpoint,
  'GET /cas-idp/logout': casLogoutEndpoint,
  'GET /cas-idp/:appId': casLoginEndpoint,
  'POST /cas-idp/:appId': casLoginEndpoint,
  'GET /cas-idp/:appId/validate': casValidateEndpoint,
  'GET /cas-idp/:appId/serviceValidate': casServiceValidateEndpoint,
  'GET /connections/social/:identifier': socialConnectionEndpoint,
  'POST /connections/social/:identifier': socialConnectionEndpoint,
}

/** Runs a protocol handler: OAuth refusals and the body limit answer in OAuth's JSON shape. */
export async function runProtocol(handler: ProtocolHandler, ...args: Parameters<ProtocolHandler>): Promise<Response> {
  try {
    return await handler(...args)
  } catch (error) {
    if (error instanceof OAuthError) return oauthErrorAnswer(error)
    if (error instanceof AuthingBusinessError && error.code === 413) {
      return jsonAnswer({ error: 'invalid_request', error_description: 'the request body is too large' }, 413)
    }
    console.error('[authing-emulator] internal error', error)
    return oauthErrorAnswer(new OAuthError('server_error', 'internal error'))
  }
}
