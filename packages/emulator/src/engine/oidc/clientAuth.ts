/**
 * Who is calling the token, introspection and revocation endpoints (RFC 6749 §2.3):
 * `client_secret_basic` (Authorization: Basic), `client_secret_post` (client_id + client_secret in
 * the body) or `none` (client_id only: a public client, which must then prove itself with PKCE).
 */
import type { ApplicationRecord } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import { OAuthError } from './oauthError.js'
import type { Params } from './params.js'

export interface AuthenticatedClient {
  app: ApplicationRecord
  method: 'client_secret_basic' | 'client_secret_post' | 'none'
}

export function authenticateClient(state: EmulatorState, headers: Headers, params: Params): AuthenticatedClient {
  const basic = parseBasic(headers.get('authorization'))
  const bodySecret = params.get('client_secret')
  if (basic && bodySecret)
    throw new OAuthError('invalid_request', 'the client used more than one authentication method')
  if (basic) {
    const bodyId = params.get('client_id')
    if (bodyId && bodyId !== basic.id)
      throw new OAuthError('invalid_request', 'client_id differs from the Basic credentials')
    return { app: checkSecret(state, basic.id, basic.secret, 'Basic'), method: 'client_secret_basic' }
  }
  const clientId = params.get('client_id')
  if (!clientId) throw new OAuthError('invalid_client', 'no client authentication (client_id) was sent')
  if (bodySecret) return { app: checkSecret(state, clientId, bodySecret), method: 'client_secret_post' }
  const app = state.applications.get(clientId)
  if (!app) throw new OAuthError('invalid_client', 'unknown client')
  return { app, method: 'none' }
}

/** Refuses a public client where only a confidential one may go (client_credentials, refresh without PKCE…). */
export function requireSecret(client: AuthenticatedClient, what: string): void {
  if (client.method === 'none') throw new OAuthError('invalid_client', `${what} needs the client secret`)
}

function checkSecret(state: EmulatorState, id: string, secret: string, challenge?: 'Basic'): ApplicationRecord {
  const app = state.applications.get(id)
  if (!app || !constantTimeEqual(app.secret, secret))
    throw new OAuthError('invalid_client', 'client authentication failed', challenge)
  return app
}

function parseBasic(header: string | null): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '')
  if (!match?.[1]) return null
  let decoded: string
  try {
    decoded = atob(match[1])
  } catch {
    throw new OAuthError('invalid_client', 'malformed Basic credentials', 'Basic')
  }
  const colon = decoded.indexOf(':')
  if (colon < 0) throw new OAuthError('invalid_client', 'malformed Basic credentials', 'Basic')
  // RFC 6749 form-encodes both parts; Authing's SDKs do not, and ids and secrets rarely need it.
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) }
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return value
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}
