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

/** 2005 while the identifier is locked; an expired lock is lifted. */
export function assertNotLocked(engine: Engine, poolId: string, kind: LoginIdentifier, identifier: string): void {
  const key = failureKey(poolId, kind, identifier)
  const record = engine.state.failures.get(key)
  if (record?.lockedUntil == null) return
  if (record.lockedUntil > engine.settings.now()) throw new AuthingBusinessError('userLocked')
  engine.state.failures.delete(key)
}

// Attempts evaluating right now, per failure key: counted before the slow hash, so a burst of
// concurrent guesses cannot all pass the check while no failure is recorded yet. Transient, never saved.
const inFlight = new WeakMap<Engine, Map<string, number>>()

export interface LoginAttempt {
  /** Records the failure; answers the attempts left before the lock (0: now locked). */
  failed(): number
  succeeded(): void
}

/**
 * Reserves one attempt for the identifier, or answers 2005 when it is locked or when the attempts
 * already recorded and those still being evaluated reach the limit: after the limit nothing more
 * is evaluated, however many requests arrive at once. Settle the attempt exactly once.
 */
export function beginAttempt(engine: Engine, poolId: string, kind: LoginIdentifier, identifier: string): LoginAttempt {
  assertNotLocked(engine, poolId, kind, identifier)
  const key = failureKey(poolId, kind, identifier)
  const { maxFailures, lockoutWindowSeconds, now } = engine.settings
  const pending = inFlight.get(engine) ?? new Map<string, number>()
  inFlight.set(engine, pending)
  const evaluating = pending.get(key) ?? 0
  if ((engine.state.failures.get(key)?.count ?? 0) + evaluating >= maxFailures)
    throw new AuthingBusinessError('userLocked')
  pending.set(key, evaluating + 1)
  let settled = false
  const settle = () => {
    if (settled) return false
    settled = true
    const left = (pending.get(key) ?? 1) - 1
    if (left > 0) pending.set(key, left)
    else pending.delete(key)
    return true
  }
  return {
    failed() {
      if (!settle()) return Math.max(0, maxFailures - (engine.state.failures.get(key)?.count ?? 0))
      const count = (engine.state.failures.get(key)?.count ?? 0) + 1
      engine.state.failures.set(key, {
        count,
        lockedUntil: count >= maxFailures ? now() + lockoutWindowSeconds * 1000 : null,
      })
      return Math.max(0, maxFailures - count)
    },
    succeeded() {
      if (settle()) engine.state.failures.delete(key)
    },
  }
}

/**
 * Failures of the identifier recorded in a row, plus the attempts still being evaluated (so a burst
 * of concurrent guesses cannot all slip under a threshold): what the captcha rule counts.
 */
export function failuresSoFar(engine: Engine, poolId: string, kind: LoginIdentifier, identifier: string): number {
  const key = failureKey(poolId, kind, identifier)
  return (engine.state.failures.get(key)?.count ?? 0) + (inFlight.get(engine)?.get(key) ?? 0)
}

/** A password reset lifts the lockout of the identifier. */
export function recordSuccess(engine: Engine, poolId: string, kind: LoginIdentifier, identifier: string): void {
  engine.state.failures.delete(failureKey(poolId, kind, identifier))
}
