/**
 * An administrator's view of users' second factors (authing-js-sdk's `MFAManagementClient`): which
 * are bound, unbinding one, and importing a TOTP secret from another system, which binds it at once
 * (the user's next password login then asks for its code: 1635). The emulator binds no faces.
 */
import { randomRecoveryCode } from '../../../model/crypto.js'
import type { TotpAuthenticatorRecord } from '../../../model/records.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import { unbindTotp } from './enrolment.js'

/** authing-js-sdk's `UserMfaType`. */
export type UserMfaType = 'OTP' | 'FACE'

export function mfaTypeOf(value: string | null): UserMfaType {
  if (value !== 'OTP' && value !== 'FACE') throw new AuthingBusinessError('invalidParam', { field: 'type' })
  return value
}

/** `GET /api/v2/users/{id}/mfa-bound`. */
export function mfaStatus(engine: Engine, user: UserRecord): Record<UserMfaType, boolean> {
  return { OTP: engine.state.totpAuthenticators.get(user.id)?.enabled === true, FACE: false }
}

export function unbindMfa(engine: Engine, user: UserRecord, type: UserMfaType): void {
  if (type === 'FACE') throw new AuthingBusinessError('notSupported', { field: 'FACE' })
  unbindTotp(engine, user)
}

// [I] Authing stores any string; the emulator must compute codes from it, so it takes base32 only
// (the seed's rule: 80 bits at least, the length of Authing's own secrets).
const base32Secret = /^[A-Z2-7]{16,}=*$/
const recoveryCodeForm = /^[\w-]{6,64}$/

/**
 * Binds `secret` (base32) with `recoveryCode` (random when absent) as the user's enabled TOTP,
 * replacing any authenticator they had. Answers authing-js-sdk's `ISetTotpResp`.
 */
export function importTotp(
  engine: Engine,
  user: UserRecord,
  secret: string,
  recoveryCode: string | null,
): Record<string, unknown> {
  const normalised = secret.replace(/\s+/g, '').toUpperCase()
  if (!base32Secret.test(normalised)) throw new AuthingBusinessError('invalidParam', { field: 'secret' })
  if (recoveryCode !== null && !recoveryCodeForm.test(recoveryCode))
    throw new AuthingBusinessError('invalidParam', { field: 'recoveryCode' })
  const at = new Date(engine.settings.now()).toISOString()
  const record: TotpAuthenticatorRecord = {
    userId: user.id,
    secret: normalised,
    recoveryCode: recoveryCode ?? randomRecoveryCode(),
    enabled: true,
    lastStep: null,
    createdAt: at,
    updatedAt: at,
  }
  engine.state.totpAuthenticators.set(user.id, record)
  return {
    id: `totp-${user.id}`,
    userId: user.id,
    enable: true,
    secret: record.secret,
    authenticatorType: 'totp',
    recoveryCode: record.recoveryCode,
    createdAt: at,
    updatedAt: at,
  }
}
