/**
 * Failures the client raises itself, as named codes. Server errors keep Authing's own numeric
 * codes (2333 bad credentials, 2020 not logged in, …), so `code` is one field to switch on either way.
 */
export type ClientErrorCode =
  /** The request never got an answer: offline, DNS, connection refused or reset. */
  | 'network_error'
  /** No complete answer within `timeout` ms. */
  | 'timeout'
  /** The caller's `AbortSignal` fired. Not reported to `onError`: nothing failed. */
  | 'aborted'
  /** An answer that is not Authing's protocol (an HTML 502 page, garbage JSON…); `data` holds a snippet. */
  | 'bad_response'
  /** HTTP 429; `retryAfter` holds the server's Retry-After in seconds when it sent one. */
  | 'rate_limited'
  /** The client is misconfigured (missing appId, unusable public key, …). */
  | 'config'
  /** An argument the server could never accept (not a string, a password too long to encrypt, …). */
  | 'invalid_argument'
  /** A bug in authing-kit itself; please report it with the error's `cause`. */
  | 'unexpected'
  /**
   * An id_token failed verification (signature, `alg`, unknown `kid`, `iss`, `aud`, `exp`/`iat`,
   * `nonce`); `data.reason` says which check.
   */
  | 'invalid_id_token'
  /** Social login: the browser blocked the popup (open it from a click, or use `popup: false`). */
  | 'popup_blocked'
  /** Social login: the user closed the popup before it answered. */
  | 'popup_closed'
  /** Social login: the redirect came back with a state this tab did not keep (another site's login, or a replay). */
  | 'invalid_state'
  /** The user dismissed the passkey prompt, it timed out, or no passkey of theirs fits (`NotAllowedError`). */
  | 'passkey_cancelled'
  /** This browser (or runtime) has no WebAuthn: offer another way to log in. */
  | 'passkey_unsupported'
  /** The authenticator already holds a passkey of this user for this site (`InvalidStateError`). */
  | 'passkey_exists'

/**
 * Refusals of the standard protocol endpoints (token, introspection, revocation, userinfo), with
 * the OAuth 2.0 error string as the code (RFC 6749 §5.2, RFC 6750 §3.1) and the HTTP `status`.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'invalid_token'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'access_denied'
  | 'login_required'
  | 'server_error'
  | 'temporarily_unavailable'

export type AuthingErrorCode = number | ClientErrorCode | OAuthErrorCode

export interface AuthingErrorOptions {
  data?: unknown
  status?: number
  retryAfter?: number
  cause?: unknown
}

// A registered symbol survives two copies of this package in one bundle, where `instanceof` does not.
const brand = Symbol.for('authing-kit.AuthingError')

/** The one error type every failure of the SDK is raised as. */
export class AuthingError extends Error {
  override readonly name = 'AuthingError'
  /**
   * Authing's numeric code for server errors, a {@link ClientErrorCode} for client-side failures,
   * an {@link OAuthErrorCode} for refusals of the OIDC / OAuth endpoints.
   */
  readonly code: AuthingErrorCode
  /** What the server attached to the error, or (for `bad_response`) a snippet of what came back. */
  readonly data: unknown
  /** The HTTP status, when there was an HTTP answer. */
  readonly status: number | undefined
  /** Seconds to wait before retrying (`rate_limited`). */
  readonly retryAfter: number | undefined
  readonly [brand] = true

  constructor(code: AuthingErrorCode, message: string, options: AuthingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.data = options.data
    this.status = options.status
    this.retryAfter = options.retryAfter
  }
}

/** True for every {@link AuthingError}, even one created by another copy of this package. */
export function isAuthingError(value: unknown): value is AuthingError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true
}

/** Authing's codes for "username or password wrong": 2333 on current pools, 2004 / 2006 on older ones. */
export const BAD_CREDENTIALS_CODES: readonly number[] = [2333, 2004, 2006]

/** True when `error` means the identifier or password was wrong, whichever code the pool answers. */
export function isBadCredentials(error: unknown): boolean {
  return isAuthingError(error) && typeof error.code === 'number' && BAD_CREDENTIALS_CODES.includes(error.code)
}
