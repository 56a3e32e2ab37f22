/**
 * Binding an authenticator app (TOTP): associate answers a new secret with its `otpauth://` URI and
 * QR image; a first code confirms it. A logged-in user does it from their profile; a login whose
 * step offers `OTP` to a user with none bound does it with its mfaToken, and confirming then
 * completes that login. Unbinding needs the user's session.
 */
import { randomRecoveryCode } from '../../../model/crypto.js'
import type { TotpAuthenticatorRecord } from '../../../model/records.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import { completeLogin, type LoggedIn } from '../login.js'
import { assertFactor, type Challenge, failChallenge, passChallenge } from './challenge.js'
import { newTotpSecret, totpEnrolmentImage, totpStep } from './totp.js'

/** Who binds: a logged-in user, or a login in its second-factor step. */
export type Enroller = { user: UserRecord; challenge: Challenge | null }

export interface TotpAssociation {
  authenticator_type: 'totp'
  secret: string
  qrcode_uri: string
  qrcode_data_url: string
  recovery_code: string
}

export async function associateTotp(engine: Engine, { user, challenge }: Enroller): Promise<TotpAssociation> {
  if (challenge) assertFactor(challenge, 'OTP')
  if (engine.state.totpAuthenticators.get(user.id)?.enabled) throw new AuthingBusinessError('totpAlreadyEnrolled')
  const at = new Date(engine.settings.now()).toISOString()
  const record: TotpAuthenticatorRecord = {
    userId: user.id,
    secret: newTotpSecret(),
    recoveryCode: randomRecoveryCode(),
    enabled: false,
    lastStep: null,
    createdAt: at,
    updatedAt: at,
  }
  engine.state.totpAuthenticators.set(user.id, record)
  const pool = engine.state.userPools.get(user.userPoolId)
  const account = user.username ?? user.email ?? user.phone ?? user.id
  const image = await totpEnrolmentImage(record.secret, account, pool?.name ?? 'Authing')
  return {
    authenticator_type: 'totp',
    secret: record.secret,
    qrcode_uri: image.uri,
    qrcode_data_url: image.dataUrl,
    recovery_code: record.recoveryCode,
  }
}

/** The first code turns the authenticator on; in a login's step, the login completes (`loggedIn`). */
export async function confirmTotp(
  engine: Engine,
  { user, challenge }: Enroller,
  code: string,
): Promise<{ loggedIn: LoggedIn | null }> {
  const pending = engine.state.totpAuthenticators.get(user.id)
  if (!pending || pending.enabled) throw new AuthingBusinessError('totpNotEnrolled')
  const step = totpStep(pending.secret, code, engine.settings.now())
  if (step === null) {
    const wrong = new AuthingBusinessError('totpWrong')
    if (challenge) failChallenge(engine, challenge, wrong)
    throw wrong
  }
  const updatedAt = new Date(engine.settings.now()).toISOString()
  engine.state.totpAuthenticators.set(user.id, { ...pending, enabled: true, lastStep: step, updatedAt })
  if (!challenge) return { loggedIn: null }
  passChallenge(engine, challenge)
  return { loggedIn: await completeLogin(engine, user, challenge.app, { secondFactorPassed: true }) }
}

export function unbindTotp(engine: Engine, user: UserRecord): void {
  if (!engine.state.totpAuthenticators.delete(user.id)) throw new AuthingBusinessError('totpNotEnrolled')
}

/**
 * `GET /api/v2/mfa/authenticator`: the bound authenticator, as Authing lists it. The secret and the
 * recovery code go to the user's own session only: an mfaToken proves just the password, and with
 * the secret it would pass the second factor too.
 */
export function listAuthenticators(engine: Engine, { user, challenge }: Enroller): Record<string, unknown>[] {
  const record = engine.state.totpAuthenticators.get(user.id)
  if (!record?.enabled) return []
  return [
    {
      id: `totp-${user.id}`,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      userId: user.id,
      enable: true,
      secret: challenge ? '' : record.secret,
      authenticatorType: 'totp',
      recoveryCode: challenge ? '' : record.recoveryCode,
    },
  ]
}
