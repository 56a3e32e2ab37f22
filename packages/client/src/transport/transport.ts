import { AuthingError } from '../errors.js'
import { graphqlRequest } from './graphql.js'
import { type RestEnvelope, type RestMethod, restRequest } from './rest.js'
import { type FetchFunction, type RawResponse, send } from './send.js'

export interface TransportConfig {
  /** Who is calling: an application (end users) or a user pool (administration). */
  identity: { appId: string } | { userPoolId: string }
  /** `appHost` without a trailing slash: GraphQL, REST and the public key all live under it. */
  baseUrl: string
  timeout: number
  fetch: FetchFunction
  lang: () => string
  token: () => string | null
}

export interface CallOptions {
  signal?: AbortSignal | undefined
  /** Send the stored token as `Authorization: Bearer …`. Default true. */
  auth?: boolean
  /** Send this token instead of the stored one (the management access token). */
  bearer?: string
  /**
   * Send the browser's cookies (`credentials: 'include'`). Only a captcha's answer needs them: it
   * belongs to the session its image opened. Every other call goes without (`same-origin`).
   */
  withCookies?: boolean
}

export interface RestOptions extends CallOptions {
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
}

const credentialsOf = (options: CallOptions): RequestCredentials => (options.withCookies ? 'include' : 'same-origin')

// What Authing's JS SDK v4 sends: servers see the protocol generation they already speak.
const SDK_VERSION_HEADER = 'js:4.21.8'

/** Authing's wire protocol for one client: its headers on every call, GraphQL and REST alike. */
export class Transport {
  constructor(private readonly config: TransportConfig) {}

  async graphql<T>(document: string, variables: Record<string, unknown>, options: CallOptions = {}): Promise<T> {
    const sent = withoutUndefined(variables)
    checkBodySize(JSON.stringify({ query: document, variables: sent }))
    return graphqlRequest<T>(
      {
        url: `${this.config.baseUrl}/graphql/v2`,
        headers: this.headers(options),
        credentials: credentialsOf(options),
        document,
        variables: sent,
      },
      this.sendOptions(options),
    )
  }

  /** A REST call; answers the whole `{code, message, data}` envelope (a few endpoints carry no data). */
  async rest(method: RestMethod, path: string, options: RestOptions = {}): Promise<RestEnvelope> {
    if (options.body !== undefined) checkBodySize(JSON.stringify(options.body))
    return restRequest(
      {
        method,
        url: `${this.config.baseUrl}${path}`,
        headers: this.headers(options),
        credentials: credentialsOf(options),
        query: options.query,
        body: options.body,
      },
      this.sendOptions(options),
    )
  }

  /** `appHost` without a trailing slash. */
  get baseUrl(): string {
    return this.config.baseUrl
  }

  /**
   * A bare exchange with a standard-protocol endpoint (OIDC, OAuth, CAS) under this client's fetch
   * and deadline: no Authing headers, any content type; the caller reads the answer.
   */
  exchange(
    url: string,
    init: RequestInit,
    options: { signal?: AbortSignal | undefined; accepts: (contentType: string) => boolean },
  ): Promise<RawResponse> {
    return send(url, init, this.sendOptions(options), options.accepts)
  }

  /** The Authing headers of a call (the v3 calls of the lazy passkey module send them too). */
  headers(options: CallOptions): Record<string, string> {
    const headers: Record<string, string> = {
      ...('appId' in this.config.identity
        ? { 'x-authing-app-id': this.config.identity.appId }
        : { 'x-authing-userpool-id': this.config.identity.userPoolId }),
      'x-authing-request-from': 'sdk',
      'x-authing-sdk-version': SDK_VERSION_HEADER,
      'x-authing-lang': this.config.lang(),
    }
    const token = options.bearer ?? (options.auth === false ? null : this.config.token())
    if (token) headers.authorization = `Bearer ${token}`
    return headers
  }

  private sendOptions(options: CallOptions) {
    return { fetch: this.config.fetch, timeout: this.config.timeout, signal: options.signal }
  }
}

/** Authing (and the emulator) refuse bodies over 1 MiB with 413; nothing legitimate comes close. */
export const MAX_BODY_BYTES = 1024 * 1024

/** Refuses a body the server would refuse, before it is sent, with a message that says why. */
function checkBodySize(json: string): void {
  // Each character is 1 to 3 UTF-8 bytes: only bodies near the limit need encoding to measure.
  if (json.length * 3 <= MAX_BODY_BYTES) return
  const bytes = json.length > MAX_BODY_BYTES ? json.length : new TextEncoder().encode(json).byteLength
  if (bytes > MAX_BODY_BYTES) {
    throw new AuthingError(
      'invalid_argument',
      `The request body is ${bytes} bytes or more; Authing accepts at most ${MAX_BODY_BYTES} (1 MiB)`,
      {
        data: { maxBytes: MAX_BODY_BYTES },
      },
    )
  }
}

/** Like Authing's JS SDK, undefined variables are left out rather than sent as null. */
function withoutUndefined(variables: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(variables)) if (value !== undefined) result[key] = value
  return result
}
