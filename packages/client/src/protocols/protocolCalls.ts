/**
 * The network half of AuthenticationClient's standard-protocol helpers (OIDC / OAuth 2.0 token
 * endpoints, id_token verification, CAS ticket validation). Loaded on the first such call (see
 * authenticationClient.ts), so pages that only log in with a password never ship it. The client runs
 * every call through its `run`; OAuth refusals keep their OAuth error string as code.
 */
import { AuthingError } from '../errors.js'
import { requireString } from '../requestParams.js'
import type { Transport } from '../transport/transport.js'
import { casValidatePath, parseCasV1 } from './cas.js'
import { getCodeChallengeDigest } from './codeChallengeDigest.js'
import { IdTokenVerifier } from './idTokenVerifier.js'
import { JwksSource } from './jwks.js'
import { type ClientCredentials, OAuthHttp } from './oauthHttp.js'
import type {
  CasTicketV1Result,
  EndpointAuthMethod,
  IdTokenClaims,
  IntrospectionResult,
  ProtocolOptions,
  TokenSet,
  UserInfo,
} from './types.js'

interface Signal {
  signal?: AbortSignal | undefined
}

export class ProtocolCalls {
  private readonly http: OAuthHttp
  private readonly verifier: IdTokenVerifier
  private readonly client: ClientCredentials
  private readonly methods: Record<'token' | 'introspection' | 'revocation', EndpointAuthMethod>
  /** `/oauth` for the OAuth protocol, `/oidc` for every other */
  private readonly prefix: string
  /** PKCE's code_challenge: here, so its WebCrypto code loads with the other protocol calls. */
  readonly getCodeChallengeDigest = getCodeChallengeDigest

  constructor(
    transport: Transport,
    private readonly appId: string,
    private readonly options: ProtocolOptions,
  ) {
    this.http = new OAuthHttp(transport)
    this.verifier = new IdTokenVerifier(new JwksSource(this.http))
    this.client = { id: appId, secret: options.secret }
    this.prefix = options.protocol === 'oauth' ? '/oauth' : '/oidc'
    this.methods = {
      token: options.tokenEndPointAuthMethod ?? 'client_secret_post',
      introspection: options.introspectionEndPointAuthMethod ?? 'client_secret_post',
      revocation: options.revocationEndPointAuthMethod ?? 'client_secret_post',
    }
  }

  getAccessTokenByCode(
    code: string,
    options: Signal & { codeVerifier?: string; nonce?: string; redirectUri?: string } = {},
  ): Promise<TokenSet> {
    const fields = {
      grant_type: 'authorization_code',
      code: requireString('code', code),
      redirect_uri: options.redirectUri ?? this.options.redirectUri,
      code_verifier: options.codeVerifier,
    }
    return this.tokenRequest(fields, options.signal, options.nonce)
  }

  getNewAccessTokenByRefreshToken(refreshToken: string, options: Signal = {}): Promise<TokenSet> {
    return this.tokenRequest(
      { grant_type: 'refresh_token', refresh_token: requireString('refreshToken', refreshToken) },
      options.signal,
    )
  }

  async getAccessTokenByClientCredentials(
    scope: string,
    options: Signal & { accessKey?: string; accessSecret?: string } = {},
  ): Promise<TokenSet> {
    const client = { id: options.accessKey ?? this.appId, secret: options.accessSecret ?? this.options.secret }
    const fields = { grant_type: 'client_credentials', scope: requireString('scope', scope) }
    return asObject<TokenSet>(
      await this.http.post(`${this.prefix}/token`, fields, { method: 'client_secret_post', client }, options),
      'token',
    )
  }

  async getUserInfoByAccessToken(
    accessToken: string,
    options: Signal & { method?: 'GET' | 'POST'; tokenPlace?: 'header' | 'query' | 'body' } = {},
  ): Promise<UserInfo> {
    const token = requireString('accessToken', accessToken)
    const { method = 'GET', tokenPlace = 'header', signal } = options
    const headers: Record<string, string> = tokenPlace === 'header' ? { authorization: `Bearer ${token}` } : {}
    const path = `${this.prefix}/me`
    const answer =
      method === 'POST'
        ? await this.http.post(
            tokenPlace === 'query' ? `${path}?access_token=${encodeURIComponent(token)}` : path,
            { access_token: tokenPlace === 'body' ? token : undefined },
            null,
            { signal, headers },
          )
        : await this.http.get(path, { access_token: tokenPlace === 'header' ? undefined : token }, { signal, headers })
    return asObject<UserInfo>(answer, 'userinfo')
  }

  async introspectToken(token: string, options: Signal = {}): Promise<IntrospectionResult> {
    const fields = { token: requireString('token', token) }
    const answer = await this.http.post(
      `${this.prefix}/token/introspection`,
      fields,
      { method: this.methods.introspection, client: this.client },
      options,
    )
    return asObject<IntrospectionResult>(answer, 'introspection')
  }

  async revokeToken(token: string, options: Signal = {}): Promise<true> {
    const fields = { token: requireString('token', token) }
    await this.http.post(
      `${this.prefix}/token/revocation`,
      fields,
      { method: this.methods.revocation, client: this.client },
      options,
    )
    return true
  }

  async validateToken(
    token: { idToken: string } | { accessToken: string },
    options: Signal = {},
  ): Promise<Record<string, unknown>> {
    const idToken = (token as { idToken?: unknown } | undefined)?.idToken
    const accessToken = (token as { accessToken?: unknown } | undefined)?.accessToken
    if ((idToken === undefined) === (accessToken === undefined))
      throw new AuthingError('invalid_argument', 'validateToken needs { idToken } or { accessToken }')
    const query =
      idToken === undefined
        ? { access_token: requireString('accessToken', accessToken) }
        : { id_token: requireString('idToken', idToken) }
    const answer = asObject<Record<string, unknown>>(
      await this.http.get('/api/v2/oidc/validate_token', query, options),
      'validate_token',
    )
    // A refusal comes as HTTP 200 with Authing's code in the body, never as claims.
    if (typeof answer.code === 'number' && answer.code !== 200 && typeof answer.message === 'string')
      throw new AuthingError(answer.code, answer.message, { status: 200, data: answer })
    return answer
  }

  verifyIdToken(token: string, options: Signal & { nonce?: string } = {}): Promise<IdTokenClaims> {
    return this.verify(requireString('idToken', token), options.nonce, options.signal)
  }

  async validateTicketV1(ticket: string, service: string, options: Signal = {}): Promise<CasTicketV1Result> {
    const query = { ticket: requireString('ticket', ticket), service: requireString('service', service) }
    return parseCasV1(await this.http.get(casValidatePath(this.appId, 1), query, options))
  }

  async validateTicketV2(
    ticket: string,
    service: string,
    format: 'JSON' | 'XML' = 'JSON',
    options: Signal = {},
  ): Promise<Record<string, unknown> | string> {
    const query = { ticket: requireString('ticket', ticket), service: requireString('service', service), format }
    const answer = await this.http.get(casValidatePath(this.appId, 2), query, options)
    if (format !== 'XML') return asObject<Record<string, unknown>>(answer, 'serviceValidate')
    if (typeof answer !== 'string')
      throw new AuthingError('bad_response', 'CAS /serviceValidate answered no XML', { data: answer })
    return answer
  }

  /** A token endpoint call; an id_token in the answer is verified before anyone sees it. */
  private async tokenRequest(
    fields: Record<string, string | undefined>,
    signal: AbortSignal | undefined,
    nonce?: string,
  ): Promise<TokenSet> {
    const answer = await this.http.post(
      `${this.prefix}/token`,
      fields,
      { method: this.methods.token, client: this.client },
      { signal },
    )
    const tokens = asObject<TokenSet>(answer, 'token')
    if (typeof tokens.access_token !== 'string')
      throw new AuthingError('bad_response', 'The token endpoint answered no access_token', { data: tokens })
    if (tokens.id_token !== undefined) await this.verify(String(tokens.id_token), nonce, signal)
    return tokens
  }

  private verify(token: string, nonce: string | undefined, signal: AbortSignal | undefined): Promise<IdTokenClaims> {
    return this.verifier.verify(token, {
      issuer: `${this.http.baseUrl}/oidc`,
      audience: this.appId,
      algorithm: this.options.idTokenSigningAlg ?? 'RS256',
      secret: this.options.secret,
      nonce,
      signal,
    })
  }
}

function asObject<T>(answer: unknown, what: string): T {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new AuthingError('bad_response', `The ${what} endpoint answered no JSON object`, { data: answer })
  }
  return answer as T
}
