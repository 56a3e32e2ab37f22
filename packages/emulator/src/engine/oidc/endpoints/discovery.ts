/**
 * `/oidc/.well-known/openid-configuration` and `/oidc/.well-known/jwks.json`; `/api/v2/oidc/validate_token`.
 * The JWKS holds the public half of the emulator's RS256 key (HS256 id_tokens use the app secret).
 */
import { jsonAnswer } from '../responses.js'
import { checkAccessToken, checkIdToken } from '../../domain/sessions/tokenCheck.js'
import type { ProtocolHandler } from '../types.js'

export const discoveryEndpoint: ProtocolHandler = async ({ engine }) => {
  const issuer = `${engine.settings.appHost}/oidc`
  return jsonAnswer({
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/me`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    introspection_endpoint: `${issuer}/token/introspection`,
    revocation_endpoint: `${issuer}/token/revocation`,
    end_session_endpoint: `${issuer}/session/end`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256', 'HS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
    introspection_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
    code_challenge_methods_supported: ['S256', 'plain'],
    scopes_supported: ['openid', 'profile', 'email', 'phone', 'address', 'offline_access'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash', 'name', 'nickname', 'picture', 'email', 'email_verified', 'phone_number', 'phone_number_verified', 'address'],
  })
}

export const jwksEndpoint: ProtocolHandler = async ({ engine }) => {
  const keys = engine.state.keyring.get('current')
  return jsonAnswer({ keys: keys ? [keys.signing.publicJwk] : [] })
}

/** The token's claims when it is valid; otherwise HTTP 400 `{code: 400, message}`, as Authing answers. */
export const validateTokenEndpoint: ProtocolHandler = async ({ engine, url }) => {
  const idToken = url.searchParams.get('id_token')
  const accessToken = url.searchParams.get('access_token')
  if (!idToken && !accessToken) return jsonAnswer({ code: 400, message: 'id_token or access_token is required' }, 400)
  const check = idToken ? await checkIdToken(engine, idToken) : await checkAccessToken(engine, accessToken ?? '')
  if (!check.ok) return jsonAnswer({ code: 400, message: `the ${idToken ? 'id_token' : 'access_token'} is ${check.reason}` }, 400)
  return jsonAnswer(check.value)
}
