/**
 * The wire of the standard-protocol endpoints: form-urlencoded POSTs carrying the client's
 * authentication (RFC 6749 §2.3), and answers read as JSON, text or nothing. A refusal
 * `{error, error_description}` becomes an AuthingError whose code is the OAuth error string.
 */
import { AuthingError, type OAuthErrorCode } from '../errors.js'
import { parseJson, type RawResponse } from '../transport/send.js'
import { isErrorBody, serverError, unexpectedAnswer } from '../transport/serverError.js'
import type { Transport } from '../transport/transport.js'
import type { EndpointAuthMethod } from './types.js'

export interface ClientCredentials {
  id: string
  secret: string | undefined
}

const anyType = (): boolean => true

export class OAuthHttp {
  constructor(private readonly transport: Transport) {}

  get baseUrl(): string {
    return this.transport.baseUrl
  }

  /**
   * POSTs `fields` to `path`, authenticated as `auth.client` by `auth.method` (null: no client
   * authentication); answers the parsed body (null when empty).
   */
  async post(
    path: string,
    fields: Record<string, string | undefined>,
    auth: { method: EndpointAuthMethod; client: ClientCredentials } | null,
    options: { signal?: AbortSignal | undefined; headers?: Record<string, string> } = {},
  ): Promise<unknown> {
    const body = new URLSearchParams()
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...options.headers,
    }
    if (auth?.method === 'client_secret_basic') {
      headers.authorization = `Basic ${btoa(`${formEncode(auth.client.id)}:${formEncode(requireSecret(auth.client, auth.method))}`)}`
    } else if (auth) {
      body.set('client_id', auth.client.id)
      if (auth.method === 'client_secret_post') body.set('client_secret', requireSecret(auth.client, auth.method))
    }
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) body.set(key, value)
    const init = { method: 'POST', headers, body: body.toString() }
    const raw = await this.transport.exchange(`${this.baseUrl}${path}`, init, {
      signal: options.signal,
      accepts: anyType,
    })
    return readAnswer(raw)
  }

  /** GETs `path` (with `query`); answers the parsed JSON body, or the text of a non-JSON one (CAS). */
  async get(
    path: string,
    query: Record<string, string | undefined>,
    options: { signal?: AbortSignal | undefined; headers?: Record<string, string> } = {},
  ): Promise<unknown> {
    const url = new URL(`${this.baseUrl}${path}`)
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value)
    const raw = await this.transport.exchange(
      url.href,
      { method: 'GET', headers: options.headers ?? {} },
      { signal: options.signal, accepts: anyType },
    )
    return readAnswer(raw)
  }
}

function readAnswer(raw: RawResponse): unknown {
  const json = /[/+]json\b/i.test(raw.headers.get('content-type') ?? '')
  if (raw.status >= 200 && raw.status < 300) {
    if (raw.text === '') return null
    return json ? parseJson(raw) : raw.text
  }
  const body = json ? parseJson(raw) : undefined
  if (isOAuthError(body)) {
    throw new AuthingError(body.error as OAuthErrorCode, body.error_description ?? body.error, {
      status: raw.status,
      data: body,
    })
  }
  if (isErrorBody(body)) throw serverError(body, raw.status)
  throw unexpectedAnswer(raw, `HTTP ${raw.status} without an OAuth error`)
}

function isOAuthError(value: unknown): value is { error: string; error_description?: string } {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string'
}

function requireSecret(client: ClientCredentials, method: EndpointAuthMethod): string {
  if (!client.secret) {
    throw new AuthingError(
      'config',
      `${method} needs the app secret (the \`secret\` option, on a server). A browser app uses \`tokenEndPointAuthMethod: 'none'\` with PKCE instead.`,
    )
  }
  return client.secret
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding. */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+')
}
