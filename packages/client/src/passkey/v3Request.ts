/**
 * One call to Authing's v3 REST API (facts: authing-v3 §3), for the passkey module only: success is
 * `{statusCode: 200, message, data}`; anything else is Authing's error, raised with its `apiCode`
 * (the business code, 2020, 2363…) as the AuthingError's code, else the `statusCode`. Sent with
 * the client's own Authing headers, fetch and deadline.
 */
import { AuthingError } from '../errors.js'
import { parseJson } from '../transport/send.js'
import { unexpectedAnswer } from '../transport/serverError.js'
import type { CallOptions, Transport } from '../transport/transport.js'

interface V3Envelope {
  statusCode: number
  message?: string
  apiCode?: number
  data?: unknown
}

function isV3Envelope(value: unknown): value is V3Envelope {
  return typeof value === 'object' && value !== null && typeof (value as V3Envelope).statusCode === 'number'
}

export async function v3Request(
  transport: Transport,
  method: 'GET' | 'POST',
  path: string,
  options: CallOptions & { body?: unknown } = {},
): Promise<unknown> {
  const headers = transport.headers(options)
  const init: RequestInit = { method, headers, credentials: 'same-origin' }
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body)
    init.headers = { ...headers, 'content-type': 'application/json' }
  }
  const raw = await transport.exchange(`${transport.baseUrl}${path}`, init, {
    signal: options.signal,
    accepts: (contentType) => /[/+]json\b/i.test(contentType),
  })
  const envelope = parseJson(raw)
  if (!isV3Envelope(envelope)) throw unexpectedAnswer(raw, 'not an Authing v3 {statusCode, message, data} envelope')
  if (envelope.statusCode === 200) return envelope.data
  const code = typeof envelope.apiCode === 'number' ? envelope.apiCode : envelope.statusCode
  throw new AuthingError(code, envelope.message ?? `Authing error ${code}`, { data: envelope.data, status: raw.status })
}
