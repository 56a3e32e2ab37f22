/**
 * The v3 error envelope (facts: authing-v3 §3): `{statusCode, apiCode, message, requestId, data?}`,
 * where `statusCode` is the class of the failure (400 bad argument, 401 not logged in, 403
 * forbidden, 404 not found, 500) and `apiCode` the business code the v2 envelope calls `code`.
 */
import { randomHex } from '../../model/crypto.js'

const statusOfCode: Record<number, number> = { 404: 404, 413: 413, 500: 500, 1001: 403, 2020: 401, 2021: 401 }

export function v3ErrorBody(body: { code: number; message: string; data?: unknown }): Record<string, unknown> {
  return {
    statusCode: statusOfCode[body.code] ?? 400,
    apiCode: body.code,
    message: body.message,
    requestId: randomHex(16),
    ...(body.data !== undefined && { data: body.data }),
  }
}
