/**
 * id_token verification (OIDC Core §3.1.3.7): the algorithm is the app's, never the token's choice —
 * RS256 against the app's JWKS, or HS256 with the app secret (an HS256 token is never taken on trust,
 * not even from the token endpoint: whoever answers there could sign anything) — then `iss`, `aud` (and
 * `azp`), `exp` / `iat` with 60 s of leeway, and `nonce`. An access token is not an id_token even when
 * its signature and audience fit: its `typ` (`at+jwt`, RFC 9068) or its `client_id` / `scope` claims
 * give it away.
 */
import { AuthingError } from '../errors.js'
import { lazyModule } from '../lazyModule.js'
import type { JwksSource } from './jwks.js'
import type { IdTokenClaims } from './types.js'

export const clockLeewaySeconds = 60

// Apps that never verify an id_token do not ship or parse jose up front.
const loadJose = lazyModule(() => import('./joseFunctions.js'), 'jose (id_token verification)')

export type IdTokenProblem = 'malformed' | 'typ' | 'alg' | 'kid' | 'signature' | 'iss' | 'aud' | 'exp' | 'iat' | 'nonce'

export interface IdTokenExpectations {
  issuer: string
  audience: string
  /** how the app signs its id_tokens */
  algorithm: 'RS256' | 'HS256'
  /** the app secret (servers), for HS256 */
  secret: string | undefined
  nonce?: string | undefined
  signal?: AbortSignal | undefined
}

export class IdTokenVerifier {
  constructor(private readonly jwks: JwksSource) {}

  async verify(token: string, expect: IdTokenExpectations): Promise<IdTokenClaims> {
    const jose = await loadJose()
    let header: { alg?: string | undefined; typ?: string | undefined }
    try {
      header = jose.decodeProtectedHeader(token)
    } catch (error) {
      throw problem('malformed', 'the id_token is not a JWT', error)
    }
    // RFC 8725 §3.11: media types compare case-insensitively, with or without `application/`.
    if (/^(application\/)?at\+jwt$/i.test(header.typ ?? ''))
      throw problem('typ', 'the token is an access token (typ at+jwt), not an id_token')
    if (header.alg !== expect.algorithm)
      throw problem('alg', `id_token algorithm ${String(header.alg)} is not the app's (${expect.algorithm})`)
    let payload: Uint8Array
    if (expect.algorithm === 'RS256') {
      payload = await this.#verifyRs256(token, expect.signal)
    } else {
      if (!expect.secret)
        throw problem(
          'signature',
          'an HS256 id_token can only be verified with the app secret (the `secret` option, on a server)',
        )
      const secret = new TextEncoder().encode(expect.secret)
      payload = await verifyWith(() => jose.compactVerify(token, secret, { algorithms: ['HS256'] }))
    }
    let claims: Record<string, unknown>
    try {
      claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>
    } catch (error) {
      throw problem('malformed', 'the id_token claims are not JSON', error)
    }
    return checkClaims(claims, expect)
  }

  async #verifyRs256(token: string, signal: AbortSignal | undefined): Promise<Uint8Array> {
    const jose = await loadJose()
    for (;;) {
      const keys = jose.createLocalJWKSet(await this.jwks.get(signal))
      try {
        return (await jose.compactVerify(token, keys, { algorithms: ['RS256'] })).payload
      } catch (error) {
        if (!(error instanceof jose.errors.JWKSNoMatchingKey)) throw asProblem(error, jose)
        if (!this.jwks.refresh())
          throw problem('kid', 'the id_token is signed with a key the app does not publish (unknown kid)', error)
      }
    }
  }
}

async function verifyWith(run: () => Promise<{ payload: Uint8Array }>): Promise<Uint8Array> {
  const jose = await loadJose()
  try {
    return (await run()).payload
  } catch (error) {
    throw asProblem(error, jose)
  }
}

function asProblem(error: unknown, jose: typeof import('./joseFunctions.js')): AuthingError {
  if (error instanceof jose.errors.JWSInvalid) return problem('malformed', 'the id_token is not a valid JWS', error)
  if (error instanceof jose.errors.JOSEAlgNotAllowed)
    return problem('alg', 'the id_token algorithm does not match its key', error)
  return problem('signature', 'the id_token signature is not valid', error)
}

function checkClaims(claims: Record<string, unknown>, expect: IdTokenExpectations): IdTokenClaims {
  const now = Date.now() / 1000
  const { iss, aud, azp, exp, iat, nonce, sub } = claims
  if (typeof sub !== 'string') throw problem('malformed', 'the id_token has no subject')
  if ('client_id' in claims || 'scope' in claims)
    throw problem('typ', 'the token carries access-token claims (client_id, scope), it is not an id_token')
  if (iss !== expect.issuer) throw problem('iss', `the id_token was issued by ${String(iss)}, not ${expect.issuer}`)
  const audiences = Array.isArray(aud) ? aud : [aud]
  if (!audiences.includes(expect.audience))
    throw problem('aud', `the id_token is for ${String(aud)}, not ${expect.audience}`)
  if (audiences.length > 1 && azp !== expect.audience)
    throw problem('aud', 'the id_token has several audiences and another authorized party')
  if (typeof exp !== 'number' || exp <= now - clockLeewaySeconds) throw problem('exp', 'the id_token has expired')
  if (typeof iat !== 'number' || iat > now + clockLeewaySeconds)
    throw problem('iat', 'the id_token was issued in the future')
  if (expect.nonce !== undefined && nonce !== expect.nonce)
    throw problem('nonce', 'the id_token nonce is not the one of the authorize request')
  return claims as IdTokenClaims
}

function problem(reason: IdTokenProblem, message: string, cause?: unknown): AuthingError {
  return new AuthingError('invalid_id_token', `id_token rejected: ${message}`, {
    data: { reason },
    ...(cause === undefined ? {} : { cause }),
  })
}
