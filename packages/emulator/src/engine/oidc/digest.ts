/** base64url (no padding) of SHA-256(text), or of its left half (OIDC `at_hash`). */
export async function sha256Base64Url(text: string, half = false): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let binary = ''
  for (const byte of half ? digest.subarray(0, digest.length / 2) : digest) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
