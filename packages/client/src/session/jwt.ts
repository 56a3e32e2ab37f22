/**
 * Reads a JWT's claims without verifying it: enough to know whose token it is and when it expires,
 * which is all the client needs. Trust decisions belong to the server (checkLoginStatus).
 */
export function decodeJwtClaims(token: string): Record<string, unknown> | null {
  return decodeSegment(token.split('.')[1])
}

/** A JWT's header (`alg`, `kid`, `typ`), unverified; null when it is not a JSON object. */
export function decodeJwtHeader(token: string): Record<string, unknown> | null {
  return decodeSegment(token.split('.')[0])
}

/** One base64url segment as a JSON object, or null for anything else. */
function decodeSegment(segment: string | undefined): Record<string, unknown> | null {
  if (!segment) return null
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/')
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='))
    const value: unknown = JSON.parse(/[\x80-\xff]/.test(binary) ? utf8(binary) : binary)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/**
 * The UTF-8 text of a binary string. Only a token carrying non-ASCII claims (a Chinese nickname)
 * needs it: a restored session reads its token several times before the first render.
 */
function utf8(binary: string): string {
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new TextDecoder().decode(bytes)
}

/** The user id a token names: `sub`, or `data.id` in Authing's older pool tokens. */
export function tokenUserId(token: string): string | null {
  const claims = decodeJwtClaims(token)
  if (!claims) return null
  if (typeof claims.sub === 'string') return claims.sub
  const data = claims.data as { id?: unknown } | undefined
  return typeof data?.id === 'string' ? data.id : null
}

/** True only when the token says it has expired; opaque tokens are the server's to judge. */
export function isTokenExpired(token: string, now: number = Date.now()): boolean {
  const exp = decodeJwtClaims(token)?.exp
  return typeof exp === 'number' && exp * 1000 <= now
}
