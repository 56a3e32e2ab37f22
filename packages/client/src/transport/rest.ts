import { parseJson, send, type SendOptions } from './send.js'
import { isErrorBody, serverError, unexpectedAnswer } from './serverError.js'

export type RestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Authing's REST answer; a few endpoints put more beside `data` (the MFA recovery's next `recoveryCode`). */
export interface RestEnvelope {
  code: number
  message: string
  data: unknown
  [field: string]: unknown
}

export interface RestCall {
  method: RestMethod
  url: string
  headers: Record<string, string>
  credentials: RequestCredentials
  query?: Record<string, string | number | boolean | undefined> | undefined
  body?: unknown
}

/**
 * One call to Authing's REST API. Success is the envelope `{code: 200, message, data}`; any other
 * code is Authing's error. The whole envelope is answered: a few endpoints (sms/send) carry no data.
 */
export async function restRequest(call: RestCall, options: SendOptions): Promise<RestEnvelope> {
  const url = new URL(call.url)
  for (const [key, value] of Object.entries(call.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value))
  }
  const init: RequestInit = { method: call.method, headers: call.headers, credentials: call.credentials }
  if (call.body !== undefined) {
    init.body = JSON.stringify(call.body)
    init.headers = { ...call.headers, 'content-type': 'application/json' }
  }
  const raw = await send(url.href, init, options)
  const envelope = parseJson(raw)
  if (!isErrorBody(envelope)) throw unexpectedAnswer(raw, 'not an Authing {code, message, data} envelope')
  if (envelope.code !== 200) throw serverError(envelope, raw.status)
  return envelope as RestEnvelope
}
