/**
 * Answering the second-factor step of a login: an authenticator code, a recovery code, or an SMS or
 * email code. Each ends in a normal login (counted, a new session token); a wrong answer counts
 * against the step (./challenge.ts). SMS and email go to the account's own phone or email; an account
 * without one binds the number or address it proved, if nobody else has it (as Guard's flow expects).
 */
import { randomRecoveryCode } from '../../../model/crypto.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { consumeCode } from '../codes.js'
import { AuthingBusinessError } from '../errors.js'
import { completeLogin, type LoggedIn } from '../login.js'
import { saveUser } from '../users.js'
import { assertFactor, type Challenge, failChallenge, passChallenge } from './challenge.js'
import { totpStep } from './totp.js'

async function finish(engine: Engine, challenge: Challenge, user: UserRecord = challenge.user): Promise<LoggedIn> {
  passChallenge(engine, challenge)
  return completeLogin(engine, user, challenge.app, { secondFactorPassed: true })
}

function enabledAuthenticator(engine: Engine, userId: string) {
  const authenticator = engine.state.totpAuthenticators.get(userId)
  if (!authenticator?.enabled) throw new AuthingBusinessError('totpNotEnrolled')
  return authenticator
}

/** `POST /api/v2/mfa/totp/verify` (SDK) and `/api/v2/applications/mfa/totp/verify` (Guard): `{totp}`. */
export async function verifyTotp(engine: Engine, challenge: Challenge, code: string): Promise<LoggedIn> {
  assertFactor(challenge, 'OTP')
  const authenticator = enabledAuthenticator(engine, challenge.user.id)
  const step = totpStep(authenticator.secret, code, engine.settings.now())
  if (step === null || step <= (authenticator.lastStep ?? -1))
    failChallenge(engine, challenge, new AuthingBusinessError('totpWrong'))
  engine.state.totpAuthenticators.set(challenge.user.id, { ...authenticator, lastStep: step })
  return finish(engine, challenge)
}

/** `POST /api/v2/mfa/totp/recovery {recoveryCode}`: single-use; answers the login and the next code. */
export async function verifyRecoveryCode(
  engine: Engine,
  challenge: Challenge,
  recoveryCode: string,
): Promise<LoggedIn & { recoveryCode: string }> {
  const authenticator = enabledAuthenticator(engine, challenge.user.id)
  if (recoveryCode.trim().toLowerCase() !== authenticator.recoveryCode)
    failChallenge(engine, challenge, new AuthingBusinessError('recoveryCodeWrong'))
  const next = randomRecoveryCode()
  const updatedAt = new Date(engine.settings.now()).toISOString()
  engine.state.totpAuthenticators.set(challenge.user.id, { ...authenticator, recoveryCode: next, updatedAt })
  return { ...(await finish(engine, challenge)), recoveryCode: next }
}

/** `POST /api/v2/applications/mfa/{sms,email}/verify`: `{phone, code}` or `{email, code}`. */
export async function verifyCodeFactor(
  engine: Engine,
  challenge: Challenge,
  channel: 'sms' | 'email',
  to: string,
  code: string,
): Promise<LoggedIn> {
  assertFactor(challenge, channel === 'sms' ? 'SMS' : 'EMAIL')
  const field = channel === 'sms' ? 'phone' : 'email'
  const { user } = challenge
  const bound = user[field]
  if (bound !== null && bound !== to) throw new AuthingBusinessError('mfaDestinationMismatch', { field })
  if (bound === null && !destinationIsFree(engine, user, field, to))
    throw new AuthingBusinessError(field === 'phone' ? 'phoneExists' : 'emailExists')
  try {
    consumeCode(engine, user.userPoolId, channel, to, code, 'mfa')
  } catch (error) {
    if (error instanceof AuthingBusinessError) failChallenge(engine, challenge, error)
    throw error
  }
  const proven =
    bound === null
      ? saveUser(
          engine,
          user,
          field === 'phone' ? { phone: to, phoneVerified: true } : { email: to, emailVerified: true },
        )
      : user
  return finish(engine, challenge, proven)
}

/** `POST /api/v2/applications/mfa/check {phone?|email?}`: may the step bind this number or address? */
export function destinationIsFree(engine: Engine, user: UserRecord, field: 'phone' | 'email', to: string): boolean {
  const owner = engine.state.findUser(user.userPoolId, field, to)
  return !owner || owner.id === user.id
}
