/**
 * What a failed browser prompt becomes: the DOMException names of WebAuthn (which
 * `@simplewebauthn/browser` keeps as the `name` of its WebAuthnError) as AuthingError codes an app
 * can switch on. A cancelled or timed-out prompt is `NotAllowedError` by design (the browser does
 * not say which, so sites cannot probe for credentials).
 */
import { AuthingError, type ClientErrorCode, isAuthingError } from '../errors.js'

const codeOfName: Record<string, ClientErrorCode> = {
  NotAllowedError: 'passkey_cancelled',
  AbortError: 'passkey_cancelled',
  InvalidStateError: 'passkey_exists',
  NotSupportedError: 'passkey_unsupported',
  SecurityError: 'config',
}

export function passkeyError(thrown: unknown): AuthingError {
  if (isAuthingError(thrown)) return thrown
  const name = thrown instanceof Error ? thrown.name : ''
  const message = thrown instanceof Error ? thrown.message : String(thrown)
  const code = codeOfName[name] ?? 'unexpected'
  const text =
    code === 'config'
      ? `The browser refused the passkey prompt for this site (check that appHost's hostname is the page's): ${message}`
      : `Passkey prompt failed: ${message}`
  return new AuthingError(code, text, { cause: thrown })
}
