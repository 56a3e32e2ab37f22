/**
 * Login-failure lockout, per identifier (lower-cased username, email or phone) and per pool,
 * whether or not an account exists: the answers never reveal which identifiers are real.
 * After `maxFailures` failures in a row the identifier answers 2005 for `lockoutWindowSeconds`,
 * whatever the password; a success resets the count.
 */
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { keys } from '../../model/state.js'

export function assertNotLocked(engine: Engine, poolId: string, identifier: string): void {
  const key = keys.failure(poolId, identifier)
  const record = engine.state.failures.get(key)
  if (record?.lockedUntil == null) return
  if (record.lockedUntil > engine.settings.now()) throw new AuthingBusinessError('userLocked')
  engine.state.failures.delete(key)
}

export function recordFailure(engine: Engine, poolId: string, identifier: string): void {
  const key = keys.failure(poolId, identifier)
  const count = (engine.state.failures.get(key)?.count ?? 0) + 1
  const { maxFailures, lockoutWindowSeconds, now } = engine.settings
  engine.state.failures.set(key, { count, lockedUntil: count >= maxFailures ? now() + lockoutWindowSeconds * 1000 : null })
}

export function recordSuccess(engine: Engine, poolId: string, identifier: string): void {
  engine.state.failures.delete(keys.failure(poolId, identifier))
}
