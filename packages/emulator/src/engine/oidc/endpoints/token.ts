/**
 * `POST /oidc/token` and `/oauth/token`: authorization_code (single-use code, same client and
 * redirect_uri, PKCE), refresh_token (rotated), client_credentials. A replayed code or rotated
 * refresh token revokes its token family (tokenFamilies.ts). Refusals are the standard
 * OAuth errors; a public client (no secret) must have used PKCE.
 */
import { checkRefreshToken } from '../../domain/sessions/tokenCheck.js'
import type { Engine } from '../../engine.js'
import { verifierOrChallenge } from '../authorizationCodes.js'
import { authenticateClient, type AuthenticatedClient, requireSecret } from '../clientAuth.js'
import { sha256Base64Url } from '../digest.js'
import { OAuthError } from '../oauthError.js'
import { type Params, readParams, requireParam } from '../params.js'
import { jsonAnswer } from '../responses.js'
import { openFamily, revokeFamily } from '../tokenFamilies.js'
import { issueTokenSet, type TokenResponse } from '../tokenSet.js'
import type { ProtocolHandler } from '../types.js'

export function tokenEndpoint(kind: 'oidc' | 'oauth'): ProtocolHandler {
  return async ({ engine, request, url }) => {
    const params = await readParams(request, url)
    const client = authenticateClient(engine.state, request.headers, params)
    const grantType = requireParam(params, 'grant_type')
    if (grantType === 'authorization_code') return jsonAnswer(await redeemCode(engine, client, params))
    if (grantType === 'refresh_token') return jsonAnswer(await refresh(engine, client, params))
    if (grantType === 'client_credentials') {
      requireSecret(client, 'client_credentials')
      return jsonAnswer(
        await issueTokenSet(engine, { kind, app: client.app, user: null, scope: params.get('scope') ?? '' }),
      )
    }
    throw new OAuthError('unsupported_grant_type', `grant_type ${grantType} is not supported`)
  }
}

async function redeemCode(engine: Engine, client: AuthenticatedClient, params: Params): Promise<TokenResponse> {
  const code = requireParam(params, 'code')
  const record = engine.state.authorizationCodes.get(code)
  if (record?.redeemedBy !== undefined) {
    revokeFamily(engine, record.redeemedBy)
    engine.state.authorizationCodes.delete(code)
    throw new OAuthError('invalid_grant', 'the code was already used; the tokens issued for it are revoked')
  }
  if (!record || record.kind === 'cas' || record.expiresAt <= engine.settings.now()) {
    if (record) engine.state.authorizationCodes.delete(code)
    throw new OAuthError('invalid_grant', 'the code is unknown, used or expired')
  }
  // Single use: whatever happens next, this code is spent; it stays, marked, so that a replay is recognised.
  const familyId = openFamily(engine)
  engine.state.authorizationCodes.set(code, { ...record, redeemedBy: familyId })
  if (record.appId !== client.app.id) throw new OAuthError('invalid_grant', 'the code was issued to another client')
  if (params.get('redirect_uri') !== record.redirectUri)
    throw new OAuthError('invalid_grant', 'redirect_uri differs from the authorize request')
  const verifier = params.get('code_verifier')
  if (record.codeChallenge) {
    if (!verifier || !verifierOrChallenge.test(verifier))
      throw new OAuthError('invalid_grant', 'a valid code_verifier is required')
    const derived = record.codeChallengeMethod === 'S256' ? await sha256Base64Url(verifier) : verifier
    if (derived !== record.codeChallenge)
      throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge')
  } else {
    if (verifier) throw new OAuthError('invalid_grant', 'code_verifier sent for a code issued without code_challenge')
    requireSecret(client, 'a code issued without PKCE')
  }
  const user = engine.state.users.get(record.userId)
  if (!user) throw new OAuthError('invalid_grant', 'the user no longer exists')
  return issueTokenSet(engine, {
    kind: record.kind,
    app: client.app,
    user,
    scope: record.scope,
    nonce: record.nonce,
    authTime: record.authTime,
    familyId,
  })
}

async function refresh(engine: Engine, client: AuthenticatedClient, params: Params): Promise<TokenResponse> {
  const token = requireParam(params, 'refresh_token')
  const rotated = engine.state.refreshTokens.get(token)
  if (rotated?.rotatedAt !== undefined && rotated.appId === client.app.id) {
    if (rotated.familyId) revokeFamily(engine, rotated.familyId)
    throw new OAuthError('invalid_grant', 'the refresh token was already used; every token of its grant is revoked')
  }
  const record = checkRefreshToken(engine, token)
  if (!record || record.appId !== client.app.id)
    throw new OAuthError('invalid_grant', 'the refresh token is unknown, expired or of another client')
  const granted = record.scope.split(' ')
  const asked = params.get('scope')?.split(' ').filter(Boolean)
  if (asked?.some((scope) => !granted.includes(scope)))
    throw new OAuthError('invalid_scope', 'a refresh cannot widen the granted scope')
  const user = engine.state.users.get(record.userId)
  if (!user) throw new OAuthError('invalid_grant', 'the user no longer exists')
  engine.state.refreshTokens.set(token, { ...record, rotatedAt: engine.settings.now() })
  // Narrowing keeps offline_access, so the new set carries its own refresh token.
  const scope = asked ? [...new Set([...asked, 'offline_access'])].join(' ') : record.scope
  return issueTokenSet(engine, {
    kind: record.kind,
    app: client.app,
    user,
    scope,
    ...(record.familyId ? { familyId: record.familyId } : {}),
  })
}
