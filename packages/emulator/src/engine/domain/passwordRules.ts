/**
 * Passwords that must change at login (facts: login-flows §4). A password login that passes its
 * check stops here instead of logging in when the user was created with `resetPasswordOnFirstLogin`
 * (1639), when the password is on the pool's weak-password list (2071), or when it is older than the
 * pool's `passwordUpdatePolicy` allows (2058). Each answers a step token; the calls below set the new
 * password with it and end in no login (the user logs in again with the new password), as Authing's.
 */
import { verifyPassword } from '../../model/crypto.js'
import type { ApplicationRecord, ForcedCycleUnit, UserPoolRecord } from '../../model/records.js'
import type { UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { closeStep, findStep, openStep, type Step } from './loginSteps.js'
import { decryptPassword, hashNewPassword, isWeakPassword } from './passwords.js'
import { endUserSessions } from './sessions/tokens.js'
import { saveUser } from './users.js'

// [I] Authing's console counts a month as 30 days and a year as 365.
const cycleDays: Record<ForcedCycleUnit, number> = { DAY: 1, MONTH: 30, YEAR: 365 }

/** Whether the user's password is older than the pool's policy allows at `now`. */
export function passwordExpired(pool: UserPoolRecord, user: UserRecord, now: number): boolean {
  const policy = pool.passwordUpdatePolicy
  if (!policy?.enabled || !user.password) return false
  const setAt = Date.parse(user.passwordLastSetAt ?? user.createdAt)
  return now - setAt > policy.forcedCycle * cycleDays[policy.forcedCycleUnit] * 86_400_000
}

/** Returns when `user`, who just gave the right `password`, may go on logging in; otherwise 1639, 2071 or 2058. */
export function requirePasswordRules(
  engine: Engine,
  { app, pool }: { app: ApplicationRecord; pool: UserPoolRecord },
  user: UserRecord,
  password: string,
): void {
  if (user.resetPasswordOnFirstLogin) {
    const token = openStep(engine, 'firstLoginPassword', user, app)
    throw new AuthingBusinessError(
      'firstLoginPasswordRequired',
      {},
      { token, enableFirstLoginResetPasswordVerifyPhone: false },
    )
  }
  if (isWeakPassword(pool, password)) {
    throw new AuthingBusinessError(
      'passwordUnsafeAtLogin',
      {},
      { token: openStep(engine, 'unsafePassword', user, app) },
    )
  }
  const policy = pool.passwordUpdatePolicy
  if (policy && passwordExpired(pool, user, engine.settings.now())) {
    const token = openStep(engine, 'forcePasswordReset', user, app)
    throw new AuthingBusinessError(
      'passwordExpired',
      {},
      { token, forcedCycle: policy.forcedCycle, forcedCycleUnit: policy.forcedCycleUnit },
    )
  }
}

/**
 * `resetPasswordByFirstLoginToken`: the token of a 1639 step, or of a 2071 one (Guard finishes that
 * step with this call too); the password arrives RSA-encrypted.
 */
export async function resetPasswordByFirstLoginToken(engine: Engine, token: string, ciphertext: string): Promise<void> {
  const step = findStep(engine, token, ['firstLoginPassword', 'unsafePassword'])
  const plain = decryptPassword(engine, ciphertext)
  if (step.user.password && (await verifyPassword(plain, step.user.password)))
    throw new AuthingBusinessError('passwordReused')
  await setPassword(engine, step, plain)
}

/** `resetPasswordByForceResetToken`: the token of a 2058 step, the current password, and another one. */
export async function resetPasswordByForceResetToken(
  engine: Engine,
  token: string,
  oldCiphertext: string,
  newCiphertext: string,
): Promise<void> {
  const step = findStep(engine, token, ['forcePasswordReset'])
  const old = decryptPassword(engine, oldCiphertext)
  const plain = decryptPassword(engine, newCiphertext)
  if (!step.user.password || !(await verifyPassword(old, step.user.password)))
    throw new AuthingBusinessError('oldPasswordWrong')
  if (old === plain) throw new AuthingBusinessError('passwordReused')
  await setPassword(engine, step, plain)
}

async function setPassword(engine: Engine, step: Step, plain: string): Promise<void> {
  const password = await hashNewPassword(engine, step.user.userPoolId, plain)
  // The step may have been spent by a concurrent call while the password was hashed.
  const current = findStep(engine, step.token, [step.record.kind])
  closeStep(engine, current)
  saveUser(engine, current.user, { password, resetPasswordOnFirstLogin: false })
  endUserSessions(engine, current.user.id)
}
