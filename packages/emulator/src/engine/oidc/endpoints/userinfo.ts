/**
 * `GET|POST /oidc/me` (and `/oauth/me`): the user's claims for an access token (Bearer header,
 * `access_token` query or body parameter), limited to what its scope grants (OIDC Core §5.4).
 */
import type { JWTPayload } from 'jose'

import { checkAccessToken } from '../../domain/sessions/tokenCheck.js'
import { userClaims } from '../../domain/sessions/tokens.js'
import { OAuthError } from '../oauthError.js'
import { readParams } from '../params.js'
import { jsonAnswer } from '../responses.js'
import type { ProtocolHandler } from '../types.js'

const claimsByScope: Record<string, string[]> = {
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  address: ['address'],
}

export const userinfoEndpoint: ProtocolHandler = async ({ engine, request, url }) => {
  const header = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
  const token = header ?? (await readParams(request, url)).get('access_token')
  if (!token) throw new OAuthError('invalid_token', 'no access token', 'Bearer')
  const check = await checkAccessToken(engine, token)
  if (!check.ok) throw new OAuthError('invalid_token', `the access token is ${check.reason}`, 'Bearer')
  const user = typeof check.value.sub === 'string' ? engine.state.users.get(check.value.sub) : undefined
  const app = engine.state.applications.get(check.value.client_id)
  if (!user || !app) throw new OAuthError('invalid_token', 'the access token names no user', 'Bearer')
  const all: JWTPayload = userClaims(engine, user, app)
  const answer: Record<string, unknown> = { sub: user.id }
  for (const scope of String(check.value.scope ?? '').split(' ')) {
    for (const claim of claimsByScope[scope] ?? []) answer[claim] = all[claim] ?? null
  }
  return jsonAnswer(answer)
}
