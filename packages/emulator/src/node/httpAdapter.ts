import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

/** Bodies above this are refused with 413: no Authing request comes close. */
export const BODY_LIMIT_BYTES = 1024 * 1024

export class BodyTooLargeError extends Error {
  readonly code = 'BODY_TOO_LARGE'
  constructor() {
    super(`The request body exceeds ${BODY_LIMIT_BYTES} bytes`)
  }
}

/**
 * IncomingMessage → web Request. The declared Content-Length is checked before anything is read,
 * and the bytes are counted while reading, since a chunked body declares no length.
 */
export async function toWebRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const method = req.method ?? 'GET'
  const headers = new Headers()
  const raw = req.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string)
  const url = new URL(req.url ?? '/', origin)
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers })
  return new Request(url, { method, headers, body: await readBody(req) })
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES) throw new BodyTooLargeError()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > BODY_LIMIT_BYTES) throw new BodyTooLargeError()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, size)
}

/** web Response → ServerResponse. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: OutgoingHttpHeaders = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined
  headers['content-length'] = body?.length ?? 0
  res.writeHead(response.status, headers)
  res.end(body)
}

/**
 * A JSON answer in Authing's `{code, message, data}` envelope, for failures outside the engine;
 * `error` adds the server's own reason (an `EmulatorServerError` code) for programs to test.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  message: string,
  { headers = {}, error }: { headers?: OutgoingHttpHeaders; error?: string } = {},
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body = JSON.stringify({ code: status, message, data: null, ...(error && { error }) })
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}
