/** The shapes of the standard-protocol helpers (OIDC, OAuth 2.0, SAML, CAS) of AuthenticationClient. */

/** Which protocol the app speaks: decides the authorize and token URLs (`/oidc/*` or `/oauth/*`), SAML or CAS. */
export type Protocol = 'oidc' | 'oauth' | 'saml' | 'cas'

/** How the client proves itself to the token, introspection and revocation endpoints. */
export type EndpointAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'none'

export interface AuthorizeUrlOptions {
  /** Another app of the pool (default: this client's appId). */
  appId?: string
  /** Default: `openid profile email phone address` (OIDC), `user` (OAuth). `offline_access` adds `prompt=consent`. */
  scope?: string
  /** Default: a random string. Keep it to compare with the one the callback brings back. */
  state?: string
  /** OIDC only. Default: a random string. Pass it to `getAccessTokenByCode` to have the id_token's checked. */
  nonce?: string
  responseMode?: 'query' | 'fragment' | 'form_post'
  responseType?: string
  /** Default: the client's `redirectUri` option. */
  redirectUri?: string
  /** From `getCodeChallengeDigest` (PKCE). */
  codeChallenge?: string
  codeChallengeMethod?: 'S256' | 'plain'
  tenantId?: string
  /** CAS: where the IdP sends the user (with `?ticket=`). */
  service?: string
  /** `login` asks for a fresh login even with a session; `none` never shows a page. */
  prompt?: string
}

/** The token endpoint's answer. */
export interface TokenSet {
  access_token: string
  token_type: string
  expires_in: number
  scope?: string
  id_token?: string
  refresh_token?: string
  [other: string]: unknown
}

export interface IntrospectionResult {
  active: boolean
  sub?: string
  client_id?: string
  exp?: number
  iat?: number
  iss?: string
  jti?: string
  scope?: string
  token_type?: string
  [other: string]: unknown
}

/** Standard OIDC claims (those the access token's scope grants), plus whatever else the server adds. */
export interface UserInfo {
  sub: string
  name?: string | null
  nickname?: string | null
  picture?: string | null
  email?: string | null
  email_verified?: boolean
  phone_number?: string | null
  phone_number_verified?: boolean
  [claim: string]: unknown
}

/** Verified id_token claims. */
export interface IdTokenClaims {
  sub: string
  iss: string
  aud: string | string[]
  exp: number
  iat: number
  nonce?: string
  [claim: string]: unknown
}

export interface LogoutUrlOptions {
  /** OIDC RP-initiated logout (`/oidc/session/end`): needs `idToken` and `redirectUri` together. */
  expert?: boolean
  redirectUri?: string
  idToken?: string
}

export type CasTicketV1Result = { valid: true; username: string } | { valid: false; message: string }

/** The AuthenticationClient options of the protocol helpers. */
export interface ProtocolOptions {
  /** The app's protocol: the authorize and token URLs (`/oidc/*` or `/oauth/*`), SAML or CAS. Default `oidc`. */
  protocol?: Protocol
  /**
   * The app secret, for a server (confidential client): token exchange, introspection and
   * revocation by `client_secret_post` / `client_secret_basic`, HS256 id_token verification.
   * Refused in a browser (see `dangerouslyAllowBrowser`): pages use PKCE with `tokenEndPointAuthMethod: 'none'`.
   */
  secret?: string
  /**
   * How the app signs its id_tokens (the console's id_token signature algorithm); a token signed
   * otherwise is refused. `RS256` (default) is checked against the app's JWKS. `HS256` is checked with
   * `secret`, so it is for servers only: a page never holds the app secret, and cannot verify one.
   */
  idTokenSigningAlg?: 'RS256' | 'HS256'
  /** The app's callback URL: the `redirect_uri` of authorize requests and code exchanges. */
  redirectUri?: string
  /** Default `client_secret_post`, as Authing's SDK. */
  tokenEndPointAuthMethod?: EndpointAuthMethod
  /** Default `client_secret_post`. */
  introspectionEndPointAuthMethod?: EndpointAuthMethod
  /** Default `client_secret_post`. */
  revocationEndPointAuthMethod?: EndpointAuthMethod
  /** Accept `secret` in a browser page anyway (internal tools only: anyone who opens the page can read it). */
  dangerouslyAllowBrowser?: boolean
}
