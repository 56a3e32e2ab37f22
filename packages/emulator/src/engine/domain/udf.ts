/**
 * User-defined fields (definitions per pool and target type) and their values (per target).
 * Values arrive as JSON text and are stored as `../../model/udv.ts` says.
 */
import { keys, type UdfDataType, type UdfRecord } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import { wireUdvValue } from '../../model/udv.js'
import { AuthingBusinessError } from './errors.js'

export interface Udv {
  key: string
  dataType: UdfDataType
  value: string
  label: string | null
}

/** The target's values, in the order the fields were defined (read by `customData` too). */
export function listUdvs(state: EmulatorState, poolId: string, targetType: string, targetId: string): Udv[] {
  const values = state.udvs.get(keys.udv(targetType, targetId)) ?? {}
  const out: Udv[] = []
  for (const [key, value] of Object.entries(values)) {
    const udf = state.udfs.get(keys.udf(poolId, targetType, key))
    if (udf) out.push({ key, dataType: udf.dataType, value, label: udf.label })
  }
  return out
}

/** The stored form of a wire value of a defined field (unknown field or bad value: 2231). */
function storedValue(state: EmulatorState, poolId: string, targetType: string, key: string, value: string): string {
  const udf = state.udfs.get(keys.udf(poolId, targetType, key))
  if (!udf) throw new AuthingBusinessError('udfNotFound', { key })
  const stored = wireUdvValue(udf.dataType, value)
  if (stored === null) throw new AuthingBusinessError('udvInvalid', { key, dataType: udf.dataType })
  return stored
}

/** A new user's values, all validated before anything is written. */
export function checkedUserUdvs(
  state: EmulatorState,
  poolId: string,
  entries: readonly { key: string; value: string }[],
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { key, value } of entries) out[key] = storedValue(state, poolId, 'USER', key, value)
  return out
}

export interface UdvTarget {
  poolId: string
  targetType: string
  targetId: string
}

/** Sets (or, with no value, removes) values; every entry is validated before any is written. */
export function writeUdvs(
  state: EmulatorState,
  { poolId, targetType, targetId }: UdvTarget,
  entries: readonly { key: string; value?: string | null | undefined }[],
): Udv[] {
  const current = { ...state.udvs.get(keys.udv(targetType, targetId)) }
  for (const { key, value } of entries) {
    if (value === null || value === undefined) {
      if (!state.udfs.has(keys.udf(poolId, targetType, key))) throw new AuthingBusinessError('udfNotFound', { key })
      delete current[key]
      continue
    }
    current[key] = storedValue(state, poolId, targetType, key, value)
  }
  state.udvs.set(keys.udv(targetType, targetId), current)
  return listUdvs(state, poolId, targetType, targetId)
}

/** Creates or redefines a field. */
export function setUdf(state: EmulatorState, udf: UdfRecord): UdfRecord {
  if (!udf.key.trim()) throw new AuthingBusinessError('invalidParam', { field: 'key' })
  state.udfs.set(keys.udf(udf.userPoolId, udf.targetType, udf.key), udf)
  return udf
}

/** Removes the field and every value stored under it. */
export function removeUdf(state: EmulatorState, poolId: string, targetType: string, key: string): void {
  if (!state.udfs.delete(keys.udf(poolId, targetType, key))) throw new AuthingBusinessError('udfNotFound', { key })
  const prefix = keys.udv(targetType, '')
  for (const [udvKey, values] of [...state.udvs.entries()]) {
    if (!udvKey.startsWith(prefix) || !(key in values)) continue
    const { [key]: _, ...rest } = values
    state.udvs.set(udvKey, rest)
  }
}

export function udfsOf(state: EmulatorState, poolId: string, targetType: string): UdfRecord[] {
  const out: UdfRecord[] = []
  for (const udf of state.udfs.values()) if (udf.userPoolId === poolId && udf.targetType === targetType) out.push(udf)
  return out
}
