/**
 * Protocol parameters: the query of a GET, the form-urlencoded (or JSON) body of a POST. A
 * parameter sent twice is refused (RFC 6749 §3.1), as is a body over the emulator's size limit.
 */
import { readBodyText } from '../http/requestBody.js'
import { OAuthError } from './oauthError.js'

export type Params = ReadonlyMap<string, string>

export async function readParams(request: Request, url: URL): Promise<Params> {
  if (request.method !== 'POST') return single(url.searchParams)
  const text = await readBodyText(request)
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) return single(new URLSearchParams(text))
  let body: unknown
  try {
    body = JSON.parse(text || '{}')
  } catch {
    throw new OAuthError('invalid_request', 'the body is not valid JSON')
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new OAuthError('invalid_request', 'the body must be an object')
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out.set(key, value)
  return out
}

function single(search: URLSearchParams): Params {
  const out = new Map<string, string>()
  for (const [key, value] of search) {
    if (out.has(key)) throw new OAuthError('invalid_request', `parameter ${key} was sent more than once`)
    if (value !== '') out.set(key, value)
  }
  return out
}

export function requireParam(params: Params, name: string): string {
  const value = params.get(name)
  if (!value) throw new OAuthError('invalid_request', `missing parameter ${name}`)
  return value
}
