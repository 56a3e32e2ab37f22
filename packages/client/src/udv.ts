/** A custom-field value as Authing sends it: a string, typed by `dataType`. */
export interface UdvOnWire {
  key: string
  dataType: string
  value: string | null
  label?: string | null
}

/**
 * Decodes one value: STRING / SELECT as they are, NUMBER / BOOLEAN / OBJECT from JSON, DATETIME
 * (epoch milliseconds or ISO text) to an ISO 8601 string — kept a string so a remembered user
 * survives the JSON round trip through storage unchanged.
 */
export function decodeUdvValue(dataType: string, value: string | null): unknown {
  if (value === null) return null
  switch (dataType) {
    case 'NUMBER':
    case 'BOOLEAN':
    case 'OBJECT':
      try {
        return JSON.parse(value)
      } catch {
        return value
      }
    case 'DATETIME': {
      const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value)
      return Number.isNaN(ms) ? value : new Date(ms).toISOString()
    }
    default:
      return value
  }
}

export function udvListToObject(list: readonly UdvOnWire[] | null | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const item of list ?? []) result[item.key] = decodeUdvValue(item.dataType, item.value)
  return result
}

/** Values go out as JSON text, as Authing's SDKs send them; the server checks them against the field's type. */
export function encodeUdvValues(data: Record<string, unknown>): { key: string; value: string }[] {
  return Object.entries(data).map(([key, value]) => ({ key, value: JSON.stringify(value) }))
}
