/**
 * What a social login answers (login-flows §8.2), popup and redirect alike: `code` 200 with the
 * user in `data`; otherwise an error whose `message` may be a JSON hybrid envelope (a login step:
 * its code wins, as in the SDK, and its `data` plus `flowHandle` go to the error for `loginStepOf`).
 */
import { AuthingError } from '../errors.js'

export interface SocialResult {
  code: number
  message: string
  data: unknown
}

/** The user (on the wire) of a successful result, or the error of any other. */
export function parseSocialResult(result: SocialResult): unknown {
  if (result.code === 200) return result.data
  const envelope = envelopeIn(result.message)
  if (!envelope) {
    const code = typeof result.code === 'number' && Number.isFinite(result.code) ? result.code : 'bad_response'
    return new AuthingError(code, result.message || 'The social login failed', { data: result.data ?? null })
  }
  const data = envelope.data && typeof envelope.data === 'object' ? { ...(envelope.data as object) } : {}
  if (typeof envelope.flowHandle === 'string') Object.assign(data, { flowHandle: envelope.flowHandle })
  const message = typeof envelope.message === 'string' ? envelope.message : result.message
  return new AuthingError(envelope.code, message, { data })
}

interface Envelope {
  code: number
  message?: unknown
  data?: unknown
  flowHandle?: unknown
}

function envelopeIn(message: string): Envelope | null {
  try {
    const parsed: unknown = JSON.parse(message)
    const code = (parsed as { code?: unknown } | null)?.code
    return typeof code === 'number' ? (parsed as Envelope) : null
  } catch {
    return null
  }
}
