/** Error envelopes: what a thrown error becomes on the wire, and its HTTP status. */
import { AuthingBusinessError, type Lang } from '../domain/errors.js'

export function errorBody(error: unknown, lang: Lang): { code: number; message: string; data?: unknown } {
  if (error instanceof AuthingBusinessError) return error.toBody(lang)
  console.error('[authing-emulator] internal error', error)
  return new AuthingBusinessError('internal').toBody(lang)
}

/** Business errors are HTTP 200 (Authing's SDKs read the body); malformed, oversized and unknown requests are not. */
export function httpStatus(code: number): number {
  return code === 400 || code === 404 || code === 413 || code === 500 ? code : 200
}
