import { AuthingError } from '../errors.js'
import { type RawResponse, snippet } from './send.js'

/** Authing's error body, as GraphQL `errors[].message` objects and REST envelopes carry it. */
interface ErrorBody {
  code: number
  message: string
  data?: unknown
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'number' &&
    (typeof (value as ErrorBody).message === 'string' || (value as ErrorBody).message === undefined)
  )
}

/** Authing's error as an AuthingError, keeping its code, message, data and the HTTP status. */
export function serverError(body: ErrorBody, status: number): AuthingError {
  return new AuthingError(body.code, body.message ?? `Authing error ${body.code}`, { data: body.data, status })
}

/** For answers that are JSON but not Authing's protocol. */
export function unexpectedAnswer(raw: Pick<RawResponse, 'status' | 'text'>, what: string): AuthingError {
  return new AuthingError('bad_response', `Unexpected answer (HTTP ${raw.status}): ${what}`, {
    status: raw.status,
    data: snippet(raw.text),
  })
}
