import { AuthingBusinessError } from '../domain/errors.js'
import { checkStringLengths } from './input.js'

export const maxBodyBytes = 1024 * 1024

/**
 * The request body as text, refused with 413 beyond `maxBodyBytes` (by Content-Length and by the
 * bytes actually read) before anything parses or hashes it.
 */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > maxBodyBytes) throw new AuthingBusinessError('bodyTooLarge')
  const chunks: Uint8Array[] = []
  let total = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBodyBytes) {
        await reader.cancel()
        throw new AuthingBusinessError('bodyTooLarge')
      }
      chunks.push(value)
    }
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}

/** REST bodies get the length checks GraphQL arguments get in the resolver dispatch. */
export async function readRestBody(request: Request): Promise<Record<string, unknown>> {
  const body = await readJsonObject(request)
  checkStringLengths(body, '')
  return body
}

/** Reads the body (at most `maxBodyBytes`), then parses it as a JSON object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readBodyText(request))
  } catch (error) {
    if (error instanceof AuthingBusinessError) throw error
    throw new AuthingBusinessError('badRequest', { reason: 'the body is not valid JSON' })
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AuthingBusinessError('badRequest', { reason: 'the body must be a JSON object' })
  }
  return parsed as Record<string, unknown>
}
