/**
 * `GET|POST /oidc/auth` and `/oauth/auth`: the authorization code flow's first leg (RFC 6749 §4.1,
 * PKCE RFC 7636). An unknown client or a redirect_uri the app does not allow gets an error page —
 * never a redirect; every other problem is sent back to the redirect_uri as `error` + `state`.
 */
import { randomHex } from '../../../model/crypto.js'
import type { ApplicationRecord, AuthorizationCodeRecord } from '../../../model/records.js'
import { renderMessagePage } from '../../ui/loginPage.js'
import { authorizationCodeLifetimeSeconds, verifierOrChallenge } from '../authorizationCodes.js'
import { hostedLogin } from '../hostedLogin.js'
import { OAuthError } from '../oauthError.js'
import { type Params, readParams } from '../params.js'
import { isAllowedRedirect } from '../redirectUris.js'
import { pageAnswer, redirectAnswer } from '../responses.js'
import type { ProtocolHandler } from '../types.js'

export function authorizeEndpoint(kind: 'oidc' | 'oauth'): ProtocolHandler {
  return async (protocolRequest) => {
    const { engine, request, url } = protocolRequest
    let params: Params
    try {
      params = await readParams(request, url)
    } catch (error) {
      if (error instanceof OAuthError) return pageAnswer(renderMessagePage('Cannot log in', error.description), 400)
      throw error
    }
    const clientId = params.get('client_id')
    const app = clientId ? engine.state.applications.get(clientId) : undefined
    if (!app) return pageAnswer(renderMessagePage('Cannot log in', 'Unknown application (client_id).'), 400)
    const redirectUri = params.get('redirect_uri')
    if (!redirectUri || !isAllowedRedirect(app, redirectUri)) {
      return pageAnswer(
        renderMessagePage(
          'Cannot log in',
          `The redirect_uri is not one this application allows: ${redirectUri ?? '(none)'}`,
        ),
        400,
      )
    }
    const back = (query: Record<string, string>, headers: Record<string, string> = {}): Response => {
      const target = new URL(redirectUri)
      for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value)
      const state = params.get('state')
      if (state) target.searchParams.set('state', state)
      return redirectAnswer(target.href, request.method, headers)
    }
    let grant: Omit<AuthorizationCodeRecord, 'userId' | 'authTime' | 'expiresAt'>
    try {
      grant = checkAuthorizeRequest(kind, app, redirectUri, params)
    } catch (error) {
      if (error instanceof OAuthError) return back({ error: error.error, error_description: error.description })
      throw error
    }
    const prompt = (params.get('prompt') ?? '').split(' ')
    const login = await hostedLogin(protocolRequest, {
      app,
      params,
      action: url.pathname,
      forceLogin: prompt.includes('login'),
      formTargets: [new URL(redirectUri).origin],
    })
    if (login instanceof Response) {
      // prompt=none: the app only asks whether a session exists, the user must not see a page.
      if (prompt.includes('none') && request.method === 'GET')
        return back({ error: 'login_required', error_description: 'no session' })
      return login
    }
    const code = randomHex(32)
    const now = engine.settings.now()
    engine.state.authorizationCodes.set(code, {
      ...grant,
      userId: login.user.id,
      authTime: login.authTime,
      expiresAt: now + authorizationCodeLifetimeSeconds * 1000,
    })
    return back({ code }, login.setCookie ? { 'set-cookie': login.setCookie } : {})
  }
}

function checkAuthorizeRequest(
  kind: 'oidc' | 'oauth',
  app: ApplicationRecord,
  redirectUri: string,
  params: Params,
): Omit<AuthorizationCodeRecord, 'userId' | 'authTime' | 'expiresAt'> {
  if (params.get('response_type') !== 'code')
    throw new OAuthError('unsupported_response_type', 'only response_type=code is supported')
  const mode = params.get('response_mode')
  if (mode && mode !== 'query') throw new OAuthError('invalid_request', 'only response_mode=query is supported')
  const scope = (params.get('scope') ?? '').split(' ').filter(Boolean)
  if (kind === 'oidc' && !scope.includes('openid'))
    throw new OAuthError('invalid_request', 'the openid scope is required by OIDC')
  const codeChallenge = params.get('code_challenge') ?? null
  // RFC 7636 §4.3: no method means plain, which protects nothing against whoever sees the authorize request.
  const method = params.get('code_challenge_method') ?? (codeChallenge ? 'plain' : null)
  if (method !== null && !codeChallenge)
    throw new OAuthError('invalid_request', 'code_challenge_method without code_challenge')
  if (method !== null && method !== 'S256' && (method !== 'plain' || !app.pkcePlainAllowed))
    throw new OAuthError(
      'invalid_request',
      app.pkcePlainAllowed
        ? 'code_challenge_method must be S256 or plain'
        : 'code_challenge_method must be S256 (a challenge without a method is plain, which this app does not allow)',
    )
  if (codeChallenge && !verifierOrChallenge.test(codeChallenge))
    throw new OAuthError('invalid_request', 'code_challenge must be 43-128 URL-safe characters')
  return {
    kind,
    appId: app.id,
    redirectUri,
    scope: [...new Set(scope)].join(' '),
    nonce: params.get('nonce') ?? null,
    codeChallenge,
    codeChallengeMethod: method,
  }
}
