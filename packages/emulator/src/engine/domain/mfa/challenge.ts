/**
 * The second-factor step of a login. When the app's MFA policy names factors (1636), or the user bound
 * an authenticator app themselves (1635), a login answers that code and an `mfaToken` instead of a
 * session: an HS256 JWT `{data: {userPoolId, userId, arn, stage: 1}}` signed with the pool secret,
 * as Authing's. The token names a challenge kept here, so it dies when the step is done, after
 * `maxWrongTries` wrong codes, or after `challengeSeconds` (then 2021, "log in again").
 */
import { decodeJwt, jwtVerify, SignJWT } from 'jose'

import { randomHex } from '../../../model/crypto.js'
import type { ApplicationRecord, MfaChallengeRecord, MfaFactor } from '../../../model/records.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import { passkeysOf } from '../passkey/credentials.js'

const challengeSeconds = 600
const maxWrongTries = 5

export interface Challenge {
  jti: string
  record: MfaChallengeRecord
  user: UserRecord
  app: ApplicationRecord
}

/**
 * The pool secret as an HMAC key. A CryptoKey rather than bytes: jose refuses a Uint8Array made in
 * another realm (a jsdom page running the emulator in-process).
 */
async function poolKey(engine: Engine, poolId: string): Promise<CryptoKey | null> {
  const pool = engine.state.userPools.get(poolId)
  if (!pool) return null
  const bytes = new TextEncoder().encode(pool.secret)
  return globalThis.crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
}

/** The factors a login to `app` must pass: its own MFA policy, else its pool's (empty: none). */
export function effectiveMfaPolicy(engine: Engine, app: ApplicationRecord): MfaFactor[] {
  return app.mfa?.length ? app.mfa : (engine.state.userPools.get(app.userPoolId)?.mfa ?? [])
}

/** Whether a login of `user` to `app` needs a second factor: the app's (or pool's) policy or the user's own TOTP. */
export function secondFactorDue(engine: Engine, user: UserRecord, app: ApplicationRecord): boolean {
  return effectiveMfaPolicy(engine, app).length > 0 || engine.state.totpAuthenticators.get(user.id)?.enabled === true
}

/** Returns when `user` may log in to `app` with one factor; otherwise throws 1635/1636 with the step's data. */
export async function requireSecondFactor(engine: Engine, user: UserRecord, app: ApplicationRecord): Promise<void> {
  if (!secondFactorDue(engine, user, app)) return
  const totpEnabled = engine.state.totpAuthenticators.get(user.id)?.enabled === true
  const policy = effectiveMfaPolicy(engine, app)
  const factors: MfaFactor[] = policy.length ? policy : ['OTP']
  const key = await poolKey(engine, user.userPoolId)
  if (!key) throw new AuthingBusinessError('appNotFound')
  const now = engine.settings.now()
  pruneChallenges(engine, now)
  const jti = randomHex(12)
  const iat = Math.floor(now / 1000)
  engine.state.mfaChallenges.set(jti, {
    userId: user.id,
    appId: app.id,
    kind: policy.length ? 'application' : 'personal',
    factors,
    expiresAt: (iat + challengeSeconds) * 1000,
    wrongTries: 0,
  })
  const arn = `arn:cn:authing:${user.userPoolId}:user:${user.id}`
  // A passkey the user already has is a factor of the step too (verified by ./passkey.ts).
  const passkeyOn = app.passkeyEnabled !== false && passkeysOf(engine.state, user).length > 0
  const mfaToken = await new SignJWT({ data: { userPoolId: user.userPoolId, userId: user.id, arn, stage: 1 } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + challengeSeconds)
    .setJti(jti)
    .sign(key)
  throw new AuthingBusinessError(
    policy.length ? 'appMfaRequired' : 'personalMfaRequired',
    {},
    {
      mfaToken,
      applicationMfa: [...factors, ...(passkeyOn ? ['PASSKEY'] : [])].map((mfaPolicy, i) => ({
        mfaPolicy,
        sort: i + 1,
        status: 1,
      })),
      current: factors[0],
      totpMfaEnabled: totpEnabled,
      faceMfaEnabled: false,
      // Guard's passkey MFA screen verifies with a passkey the user has, else binds one (§9.2).
      passkeyEnabled: app.passkeyEnabled !== false && passkeysOf(engine.state, user).length > 0,
      // Not masked: the client sends the code to this very number (clients mask it for display).
      mfaPhone: user.phone,
      mfaPhoneCountryCode: user.phoneCountryCode,
      mfaEmail: user.email,
      phone: user.phone,
      phoneCountryCode: user.phoneCountryCode,
      email: user.email,
      username: user.username,
      nickname: user.profile.nickname ?? null,
      avatar: user.profile.photo ?? null,
    },
  )
}

function pruneChallenges(engine: Engine, now: number): void {
  for (const [jti, record] of engine.state.mfaChallenges.entries())
    if (record.expiresAt <= now) engine.state.mfaChallenges.delete(jti)
}

/**
 * The challenge an `Authorization` header names — `Bearer <mfaToken>` as the SDK sends it or the
 * bare token as Guard does — or null when it names none (a user session, or nothing).
 */
export async function challengeOf(engine: Engine, authorization: string | null): Promise<Challenge | null> {
  const token = authorization?.replace(/^Bearer\s+/i, '').trim() ?? ''
  let poolId: unknown
  try {
    const { data } = decodeJwt(token) as { data?: { userPoolId?: unknown; stage?: unknown } }
    if (data?.stage !== 1) return null
    poolId = data.userPoolId
  } catch {
    return null
  }
  const key = typeof poolId === 'string' ? await poolKey(engine, poolId) : null
  if (!key) throw new AuthingBusinessError('mfaTokenInvalid')
  let jti: unknown
  try {
    const verified = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      currentDate: new Date(engine.settings.now()),
    })
    jti = verified.payload.jti
  } catch {
    throw new AuthingBusinessError('mfaTokenInvalid')
  }
  if (typeof jti !== 'string') throw new AuthingBusinessError('mfaTokenInvalid')
  return challengeByJti(engine, jti)
}

/** The live challenge `jti` names (an mfaToken's id, or what a passkey ticket of the step keeps), else 2021. */
export function challengeByJti(engine: Engine, jti: string): Challenge {
  const record = engine.state.mfaChallenges.get(jti)
  const user = record && engine.state.users.get(record.userId)
  const app = record && engine.state.applications.get(record.appId)
  if (!record || !user || !app || record.expiresAt <= engine.settings.now())
    throw new AuthingBusinessError('mfaTokenInvalid')
  return { jti, record, user, app }
}

/** The challenge the request carries, else 2021. */
export async function requireChallenge(engine: Engine, authorization: string | null): Promise<Challenge> {
  const challenge = await challengeOf(engine, authorization)
  if (!challenge) throw new AuthingBusinessError('mfaTokenInvalid')
  return challenge
}

/** 2231 unless the login's step offers `factor`. */
export function assertFactor(challenge: Challenge, factor: MfaFactor): void {
  if (!challenge.record.factors.includes(factor)) throw new AuthingBusinessError('mfaFactorNotAllowed', { factor })
}

/** Counts a wrong answer against the challenge, which dies at the limit; rethrows `error`. */
export function failChallenge(engine: Engine, challenge: Challenge, error: AuthingBusinessError): never {
  const wrongTries = challenge.record.wrongTries + 1
  if (wrongTries >= maxWrongTries) engine.state.mfaChallenges.delete(challenge.jti)
  else engine.state.mfaChallenges.set(challenge.jti, { ...challenge.record, wrongTries })
  throw error
}

/** The step is done: its token stops working. */
export function passChallenge(engine: Engine, challenge: Challenge): void {
  engine.state.mfaChallenges.delete(challenge.jti)
}
