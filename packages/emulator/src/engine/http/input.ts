/**
 * Input checks shared by GraphQL and REST: GraphQL's typing already rejects non-strings, so REST
 * bodies get the same treatment here, and every string is length-checked before any hashing.
 */
import { AuthingBusinessError } from '../domain/errors.js'

/** Identifiers, codes and ciphertexts are short; a few free-text fields may be longer. */
export const maxStringLength = 1000
const longFields = new Set([
  'token',
  'photo',
  'profile',
  'website',
  'address',
  'formatted',
  'params',
  'context',
  'value',
  'udvList',
])
const maxLongStringLength = 10_000

/** Throws 2231 naming the first string (at any depth) that is too long for its field. */
export function checkStringLengths(value: unknown, field: string, long = false): void {
  if (typeof value === 'string') {
    const max = long ? maxLongStringLength : maxStringLength
    if (value.length > max) throw new AuthingBusinessError('paramTooLong', { field, max })
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkStringLengths(item, `${field}[${i}]`, long))
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      checkStringLengths(item, field ? `${field}.${key}` : key, long || longFields.has(key))
    }
  }
}

/** A REST body field that must be a non-empty string (2231 otherwise). */
export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field]
  if (typeof value !== 'string' || value === '') throw new AuthingBusinessError('invalidParam', { field })
  return value
}

/** A REST body field that may be absent or null, but is a string when present. */
export function optionalString(body: Record<string, unknown>, field: string): string | null {
  const value = body[field]
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string') throw new AuthingBusinessError('invalidParam', { field })
  return value
}

/** A REST body field that may be absent or null, but is a list of integers (ids) when present. */
export function optionalIdList(body: Record<string, unknown>, field: string): number[] {
  const value = body[field]
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some((id) => !Number.isInteger(id)) || value.length > 100)
    throw new AuthingBusinessError('invalidParam', { field })
  return value as number[]
}
