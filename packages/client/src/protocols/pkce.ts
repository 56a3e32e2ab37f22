/**
 * PKCE (RFC 7636) and the random strings of an authorize request. Named as in Authing's SDK:
 * `generateCodeChallenge` makes what RFC 7636 calls the code_verifier (the code_challenge is
 * derived in ./codeChallengeDigest.ts, which loads with the other protocol calls).
 */

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
