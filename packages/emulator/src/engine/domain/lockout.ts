/**
 * Login-failure lockout, per identifier (normalised as lookups are: `normaliseIdentifier`) and per
 * pool, whether or not an account exists: the answers never reveal which identifiers are real.
 * After `maxFailures` failures in a row the identifier answers 2005 for `lockoutWindowSeconds`,
 * whatever the password; a success resets the count.
 */
import { keys } from '../../model/records.js'
import { normaliseIdentifier, type UserLookup } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'

export type LoginIdentifier = Exclude<UserLookup, 'externalId'>

const failureKey = (poolId: string, kind: LoginIdentifier, identifier: string): string =>
  keys.failure(poolId, normaliseIdentifier(kind, identifier))

export function assertNotLocked(engine: Engine, poolId: string, kind: LoginIdentifier, identifier: string): void {
  const key = failureKey(poolId, kind, identifier)
  const record = engine.state.failures.get(key)
  if (record?.lockedUntil == null) return
  if (record.lockedUntil > engine.settings.now()) throw new AuthingBusinessError('userLocked')
  engine.state.failures.delete(key)
}

export function recordFailure(engine: Engine, poolId: string, kind: LoginIdentifier, identifier: string): void {
  const key = failureKey(poolId, kind, identifier)
  const count = (engine.state.failures.get(key)?.count ?? 0) + 1
  const { maxFailures, lockoutWindowSeconds, now } = engine.settings
  engine.state.failures.set(key, {
    count,
    lockedUntil: count >= maxFailures ? now() + lockoutWindowSeconds * 1000 : null,
  })
}

/** A successful login, or a password reset, lifts the lockout of the identifier. */
export function recordSuccess(engine: Engine, poolId: string, kind: LoginIdentifier, identifier: string): void {
  engine.state.failures.delete(failureKey(poolId, kind, identifier))
}
