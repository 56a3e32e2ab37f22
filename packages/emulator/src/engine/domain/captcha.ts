/**
 * The captcha of password logins (Authing's robot verification, error 2000). The pool's policy
 * `robotVerify` asks for one on every password login (`always_enable`), never (`disable`), or once
 * an identifier has failed `captchaAfterFailures` times in a row (`condition_set`, counted with the
 * lockout's failures). An image's answer belongs to the cookie session it was served to, and is
 * spent by the first login that uses it, right or wrong: Guard fetches a new image after any failure.
 *
 * The captcha comes before the lockout: a login that owes a captcha is answered 2000 (or 2001) before
 * its password is looked at, so it counts no failure and tells nothing about the account, locked or not.
 */
import { randomHex } from '../../model/crypto.js'
import type { CaptchaRecord, RobotVerify, UserPoolRecord } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { failuresSoFar, type LoginIdentifier } from './lockout.js'

/** The cookie that carries a captcha session. */
export const captchaCookie = 'authing_captcha'
export const captchaLength = 4
const lifetimeMs = 5 * 60_000
// Sessions kept at most: one per image request would otherwise let a flood grow the table for ever.
const maxSessions = 10_000
// No 0/O, 1/I/L look-alikes; the image's glyph table draws exactly these.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function robotVerifyOf(pool: UserPoolRecord): RobotVerify {
  return pool.robotVerify ?? 'disable'
}

/** Failures in a row after which `condition_set` asks for a captcha. Defaults to 3. */
export function captchaThresholdOf(pool: UserPoolRecord): number {
  return pool.captchaAfterFailures ?? 3
}

/**
 * A new answer for the session (a new session when the request had none or an unknown one);
 * answers the session id and the text to draw. A new image replaces the session's earlier answer.
 */
export function issueCaptcha(engine: Engine, sessionId: string | null): { sessionId: string; answer: string } {
  const { captchas } = engine.state
  const now = engine.settings.now()
  const id = sessionId && captchas.has(sessionId) ? sessionId : randomHex(24)
  if (!captchas.has(id) && captchas.size >= maxSessions) prune(engine.state, now)
  const random = globalThis.crypto.getRandomValues(new Uint8Array(captchaLength))
  const answer = [...random].map((byte) => alphabet[byte % alphabet.length]).join('')
  captchas.set(id, { answer, issuedAt: now, expiresAt: now + lifetimeMs })
  return { sessionId: id, answer }
}

/** What a login brings for the captcha: the cookie session it was served to, and the typed answer. */
export interface CaptchaAnswer {
  sessionId: string | null
  captchaCode: string | null | undefined
}

/**
 * Throws 2000 when the login owes a captcha and carries none, 2001 when its answer is wrong, expired
 * or from no session of ours. The session's answer is spent either way.
 */
export function checkCaptcha(
  engine: Engine,
  pool: UserPoolRecord,
  login: { kind: LoginIdentifier; identifier: string },
  answer: CaptchaAnswer,
): void {
  if (!captchaDue(engine, pool, login.kind, login.identifier)) return
  if (!answer.captchaCode) throw new AuthingBusinessError('captchaRequired')
  const record = answer.sessionId ? engine.state.captchas.get(answer.sessionId) : undefined
  if (answer.sessionId && record) engine.state.captchas.delete(answer.sessionId)
  const right =
    record !== undefined &&
    record.expiresAt > engine.settings.now() &&
    record.answer === answer.captchaCode.trim().toUpperCase()
  if (!right) throw new AuthingBusinessError('captchaWrong')
}

/** Whether a password login of the identifier owes a captcha now. */
export function captchaDue(engine: Engine, pool: UserPoolRecord, kind: LoginIdentifier, identifier: string): boolean {
  const policy = robotVerifyOf(pool)
  if (policy === 'always_enable') return true
  if (policy === 'disable') return false
  return failuresSoFar(engine, pool.id, kind, identifier) >= captchaThresholdOf(pool)
}

/** The answer of `sessionId`'s image, or of the latest image served when no session is named. */
export function captchaAnswer(state: EmulatorState, sessionId?: string): string | null {
  if (sessionId !== undefined) return state.captchas.get(sessionId)?.answer ?? null
  return latestCaptcha(state)?.answer ?? null
}

/** The latest image's record still unanswered. */
export function latestCaptcha(state: EmulatorState): CaptchaRecord | undefined {
  let latest: CaptchaRecord | undefined
  for (const record of state.captchas.values()) if (!latest || record.issuedAt >= latest.issuedAt) latest = record
  return latest
}

function prune(state: EmulatorState, now: number): void {
  for (const [id, record] of [...state.captchas.entries()]) if (record.expiresAt <= now) state.captchas.delete(id)
  // Still full: the oldest sessions go (table order is insertion order).
  const excess = [...state.captchas.entries()].slice(0, Math.max(0, state.captchas.size - maxSessions + 1))
  for (const [id] of excess) state.captchas.delete(id)
}
