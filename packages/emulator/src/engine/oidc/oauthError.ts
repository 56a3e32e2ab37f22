/**
 * The standard OAuth 2.0 error answer (RFC 6749 §5.2, RFC 6750 §3.1): HTTP 400 — 401 for a client
 * that failed to authenticate or a bad access token — with `{error, error_description}`.
 */
export type OAuthErrorName =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'invalid_token'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'login_required'
  | 'server_error'

export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorName,
    readonly description: string,
    /** `Basic` when the client tried HTTP Basic (RFC 6749 asks for a matching WWW-Authenticate). */
    readonly challenge?: 'Basic' | 'Bearer',
  ) {
    super(`${error}: ${description}`)
    this.name = 'OAuthError'
  }

  get status(): number {
    if (this.error === 'server_error') return 500
    return this.error === 'invalid_client' || this.error === 'invalid_token' ? 401 : 400
  }
}
