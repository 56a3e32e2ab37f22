/**
 * PKCE's code_challenge from the code_verifier that `generateCodeChallenge` made (asynchronous:
 * WebCrypto's digest is). Loaded with the protocol calls: only redirect logins need it.
 */
import { AuthingError } from '../errors.js'

/** The code_challenge for `codeChallenge` (the verifier): base64url(SHA-256) for S256, itself for plain. */
export async function getCodeChallengeDigest(options: {
  codeChallenge: string
  method?: 'S256' | 'plain'
}): Promise<string> {
  const { codeChallenge, method = 'S256' } = options ?? {}
  if (typeof codeChallenge !== 'string' || !/^[A-Za-z0-9\-._~]{43,128}$/.test(codeChallenge)) {
    throw new AuthingError(
      'invalid_argument',
      'codeChallenge must be 43-128 characters of [A-Za-z0-9-._~] (see generateCodeChallenge)',
    )
  }
  if (method === 'plain') return codeChallenge
  if (method !== 'S256')
    throw new AuthingError('invalid_argument', `Unknown code challenge method ${String(method)}: use S256 or plain`)
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeChallenge))
  return base64Url(new Uint8Array(digest))
}

export function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
