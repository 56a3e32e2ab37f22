/**
 * The user pool's login switches as the management API changes them (`updateUserpool`, with
 * Authing's field names): the name, the password rules and the captcha policy. A change applies
 * to the next request; a value out of range is refused (2231), and a field of Authing's that the
 * emulator does not model answers 1000 instead of being dropped.
 *
 * Authing's v2 `UpdateUserpoolInput` has `loginFailCheck` ("after `limit` failures a login needs a
 * captcha") and `passwordUpdatePolicy`; `passwordStrength`, `robotVerify`, `weakPasswords` and the
 * policy's `forcedCycleUnit` are what the public config and the login steps name them [I: the
 * console sets them through its own calls, which the v2 SDK does not show].
 */
import type { ForcedCycleUnit, PasswordStrengthLevel, RobotVerify, UserPoolRecord } from '../../model/records.js'
import type { Engine } from '../engine.js'
import { parseApplicationMfa } from './appSettings.js'
import { robotVerifyOf } from './captcha.js'
import { AuthingBusinessError } from './errors.js'

type Input = Record<string, unknown>

const robotVerifyValues: readonly RobotVerify[] = ['always_enable', 'disable', 'condition_set']
const cycleUnits: readonly ForcedCycleUnit[] = ['DAY', 'MONTH', 'YEAR']
const maxWeakPasswords = 1000

const invalid = (field: string) => new AuthingBusinessError('invalidParam', { field })

const isObject = (value: unknown): value is Input =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

function positiveInteger(value: unknown, field: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) throw invalid(field)
  return value as number
}

function booleanOf(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalid(field)
  return value
}

/** Fields of an object input, each checked against `known` (1000 for an Authing field the emulator lacks). */
function entriesOf(input: Input, field: string, known: readonly string[]): [string, unknown][] {
  const entries = Object.entries(input).filter(([, value]) => value !== undefined && value !== null)
  for (const [key] of entries)
    if (!known.includes(key)) throw new AuthingBusinessError('notSupported', { field: field ? `${field}.${key}` : key })
  return entries
}

/** `loginFailCheck`: on is `condition_set` after `limit` failures in a row; failures have no time window. */
function applyLoginFailCheck(pool: UserPoolRecord, value: unknown): UserPoolRecord {
  if (!isObject(value)) throw invalid('loginFailCheck')
  let next = pool
  for (const [key, item] of entriesOf(value, 'loginFailCheck', ['enabled', 'limit'])) {
    if (key === 'limit') next = { ...next, captchaAfterFailures: positiveInteger(item, 'loginFailCheck.limit') }
    else if (booleanOf(item, 'loginFailCheck.enabled')) next = { ...next, robotVerify: 'condition_set' }
    else if (robotVerifyOf(next) === 'condition_set') next = { ...next, robotVerify: 'disable' }
  }
  return next
}

function applyPasswordUpdatePolicy(pool: UserPoolRecord, value: unknown): UserPoolRecord {
  if (!isObject(value)) throw invalid('passwordUpdatePolicy')
  const policy = {
    enabled: false,
    forcedCycle: 90,
    forcedCycleUnit: 'DAY' as ForcedCycleUnit,
    ...pool.passwordUpdatePolicy,
  }
  for (const [key, item] of entriesOf(value, 'passwordUpdatePolicy', ['enabled', 'forcedCycle', 'forcedCycleUnit'])) {
    if (key === 'enabled') policy.enabled = booleanOf(item, 'passwordUpdatePolicy.enabled')
    else if (key === 'forcedCycle') policy.forcedCycle = positiveInteger(item, 'passwordUpdatePolicy.forcedCycle')
    else if (!cycleUnits.includes(item as ForcedCycleUnit)) throw invalid('passwordUpdatePolicy.forcedCycleUnit')
    else policy.forcedCycleUnit = item as ForcedCycleUnit
  }
  return { ...pool, passwordUpdatePolicy: policy }
}

const appliers: Record<string, (pool: UserPoolRecord, value: unknown) => UserPoolRecord> = {
  name: (pool, value) => {
    if (typeof value !== 'string' || !value.trim()) throw invalid('name')
    return { ...pool, name: value }
  },
  passwordStrength: (pool, value) => {
    if (![0, 1, 2, 3].includes(value as number)) throw invalid('passwordStrength')
    return { ...pool, passwordStrength: value as PasswordStrengthLevel }
  },
  robotVerify: (pool, value) => {
    if (!robotVerifyValues.includes(value as RobotVerify)) throw invalid('robotVerify')
    return { ...pool, robotVerify: value as RobotVerify }
  },
  weakPasswords: (pool, value) => {
    if (!Array.isArray(value) || value.length > maxWeakPasswords || value.some((p) => typeof p !== 'string' || !p))
      throw invalid('weakPasswords')
    return { ...pool, weakPasswords: [...new Set(value as string[])] }
  },
  // The pool's MFA policy, in the shape of an app's (the emulator's field [I]): apps without their own ask for it.
  applicationMfa: (pool, value) => {
    const { mfa: _old, ...rest } = pool
    const mfa = parseApplicationMfa(value)
    return mfa.length ? { ...rest, mfa } : rest
  },
  loginFailCheck: applyLoginFailCheck,
  passwordUpdatePolicy: applyPasswordUpdatePolicy,
}

/**
 * Applies `updates` (an `UpdateUserpoolInput`) to the pool as one change: any refused field leaves
 * the pool as it was. `robotVerify` given beside `loginFailCheck` wins, whatever their order.
 */
export function updatePool(engine: Engine, pool: UserPoolRecord, updates: Input): UserPoolRecord {
  const entries = entriesOf(updates, '', Object.keys(appliers)).sort(([a], [b]) =>
    a === 'robotVerify' ? 1 : b === 'robotVerify' ? -1 : 0,
  )
  let next = pool
  for (const [key, value] of entries) next = appliers[key]?.(next, value) ?? next
  engine.state.userPools.set(pool.id, next)
  return next
}
