/**
 * PKCE (RFC 7636) and the random strings of an authorize request. Named as in Authing's SDK:
 * `generateCodeChallenge` makes what RFC 7636 calls the code_verifier; `getCodeChallengeDigest`
 * derives the code_challenge from it (asynchronous: WebCrypto's digest is).
 */
import { AuthingError } from '../errors.js'

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A random string over `alphabet`, uniformly drawn (bytes past the largest multiple are rejected). */
export function randomString(length: number, alphabet = alphanumeric): string {
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  while (out.length < length) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

/** A new code_verifier: 43 random letters and digits (≈256 bits). */
export function generateCodeChallenge(): string {
  return randomString(43)
}

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
