/**
 * User-defined values: clients write `JSON.stringify(value)`, the emulator checks it against the
 * field's data type and stores the string clients read back and decode (STRING as is, NUMBER /
 * BOOLEAN / OBJECT through JSON.parse, DATETIME as epoch milliseconds, which `new Date(parseInt(v))`
 * and ISO parsing both understand).
 */
import type { UdfDataType } from './records.js'

/** The stored string for an already-decoded value, or null when it does not fit the type. */
export function storedUdvValue(dataType: UdfDataType, value: unknown): string | null {
  switch (dataType) {
    case 'STRING':
    case 'SELECT':
      return typeof value === 'string' ? value : null
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : null
    case 'BOOLEAN':
      return typeof value === 'boolean' ? String(value) : null
    case 'OBJECT':
      return value !== null && typeof value === 'object' ? JSON.stringify(value) : null
    case 'DATETIME': {
      const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN
      return Number.isFinite(ms) ? String(ms) : null
    }
  }
}

/** Decodes a value as it arrives on the wire (JSON text). A STRING that is not JSON is taken literally. */
export function wireUdvValue(dataType: UdfDataType, wire: string): string | null {
  let decoded: unknown
  try {
    decoded = JSON.parse(wire)
  } catch {
    return dataType === 'STRING' || dataType === 'SELECT' ? wire : null
  }
  // A DATETIME may also arrive as a numeric string ("1650000000000").
  if (dataType === 'DATETIME' && typeof decoded === 'string' && /^\d+$/.test(decoded)) decoded = Number(decoded)
  return storedUdvValue(dataType, decoded)
}
