/**
 * URLs of the OIDC / OAuth 2.0 hosted login: the authorize request (code flow, PKCE) and logout,
 * with the defaults of Authing's SDK (random `state` and `nonce`, OIDC scope
 * `openid profile email phone address`, OAuth scope `user`).
 */
import { AuthingError } from '../errors.js'
import { randomString } from './pkce.js'
import type { AuthorizeUrlOptions, LogoutUrlOptions } from './types.js'

export function oidcAuthorizeUrl(
  protocol: 'oidc' | 'oauth',
  base: string,
  defaults: { appId: string; redirectUri: string | undefined },
  options: AuthorizeUrlOptions,
): string {
  const redirectUri = options.redirectUri ?? defaults.redirectUri
  if (!redirectUri)
    throw new AuthingError(
      'invalid_argument',
      'buildAuthorizeUrl needs a redirectUri (option of the client or of the call)',
    )
  const scope = options.scope ?? (protocol === 'oidc' ? 'openid profile email phone address' : 'user')
  const query: Record<string, string | undefined> = {
    client_id: options.appId ?? defaults.appId,
    scope,
    state: options.state ?? randomString(16),
    nonce: protocol === 'oidc' ? (options.nonce ?? randomString(16)) : undefined,
    response_type: options.responseType ?? 'code',
    response_mode: options.responseMode,
    redirect_uri: redirectUri,
    code_challenge: options.codeChallenge,
    code_challenge_method: options.codeChallenge ? (options.codeChallengeMethod ?? 'S256') : undefined,
    tenant_id: options.tenantId,
    // A refresh token (offline_access) needs the user's consent in Authing.
    prompt: options.prompt ?? (scope.split(' ').includes('offline_access') ? 'consent' : undefined),
  }
  return withQuery(`${base}/${protocol}/auth`, query)
}

/**
 * `expert`: OIDC RP-initiated logout at `/oidc/session/end` (`idToken` and `redirectUri` both or
 * neither); otherwise Authing's `/login/profile/logout`.
 */
export function oidcLogoutUrl(base: string, options: LogoutUrlOptions): string {
  const { expert, redirectUri, idToken } = options
  if (!expert) return withQuery(`${base}/login/profile/logout`, { redirect_uri: redirectUri })
  if (Boolean(redirectUri) !== Boolean(idToken)) {
    throw new AuthingError(
      'invalid_argument',
      'buildLogoutUrl({ expert: true }) needs idToken and redirectUri together (or neither)',
    )
  }
  return withQuery(`${base}/oidc/session/end`, { id_token_hint: idToken, post_logout_redirect_uri: redirectUri })
}

export function withQuery(url: string, query: Record<string, string | undefined>): string {
  const out = new URL(url)
  for (const [key, value] of Object.entries(query)) if (value !== undefined) out.searchParams.set(key, value)
  return out.href
}
