/**
 * SMS and email verification codes. Nothing is sent: each code goes to the outbox (a store table,
 * read through `outbox()` and `GET /__emulator/outbox`) and to `onMessage` listeners.
 *
 * A code is 6 digits, bound to its phone or email and to its scene, valid for
 * `codeLifetimeSeconds` (then 2300) and single-use (a reused code: 2001). Guessing is bounded as
 * Authing bounds it: a destination holds one live code (a new one replaces it), gets at most one per
 * `codeResendIntervalSeconds` (2080), and its code dies after `codeMaxAttempts` wrong tries (2001).
 *
 * How scenes match (send → use):
 * - A code sent with no scene (SMS), or with the generic `VERIFY_CODE` scene (email), is accepted by
 *   every flow: that is how most apps call `sendSmsCode(phone)`.
 * - A code sent with a scene is accepted only by the flows of that scene (table below), e.g. an SMS
 *   sent with scene `login` logs in but cannot reset a password.
 */
import { randomDigits, randomHex } from '../../model/crypto.js'
import type { OutboxMessage } from '../../model/records.js'
import type { Table } from '../../model/store.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'

export type Channel = 'sms' | 'email'
export type CodeFlow = 'login' | 'register' | 'resetPassword' | 'bind' | 'verifyOld' | 'mfa'

const genericScene: Record<Channel, string> = { sms: '*', email: 'VERIFY_CODE' }

const flowScenes: Record<CodeFlow, Record<Channel, string[]>> = {
  login: { sms: ['login'], email: ['LOGIN_VERIFY_CODE'] },
  register: { sms: ['register'], email: ['REGISTER_VERIFY_CODE', 'VERIFY_EMAIL'] },
  resetPassword: { sms: ['reset'], email: ['RESET_PASSWORD', 'RESET_PASSWORD_VERIFY_CODE'] },
  bind: {
    sms: ['bind', 'complete-phone'],
    email: ['EMAIL_BIND_VERIFY_CODE', 'CHANGE_EMAIL', 'VERIFY_EMAIL', 'INFORMATION_COMPLETION_VERIFY_CODE'],
  },
  verifyOld: { sms: ['unbind'], email: ['EMAIL_UNBIND_VERIFY_CODE', 'CHANGE_EMAIL'] },
  // Guard's and the SDK's `MFA_VERIFY_CODE`, the iOS app's `MFA_VERIFY`.
  mfa: { sms: ['mfa-verify'], email: ['MFA_VERIFY_CODE', 'MFA_VERIFY'] },
}

/** The outbox keeps the latest messages only, so a long-running emulator's state stays small. */
const outboxLimit = 200

// One live code per destination, whatever its scene: two live codes would double a guesser's odds.
const codeKey = (poolId: string, channel: Channel, to: string): string => `${poolId}:${channel}:${to}`

/**
 * Sends a code: 2080 when the destination was sent one less than `codeResendIntervalSeconds` ago.
 * The new code replaces the destination's previous one, used or not.
 */
export function issueCode(
  engine: Engine,
  poolId: string,
  channel: Channel,
  to: string,
  scene: string | null,
): OutboxMessage {
  const { state, settings } = engine
  const sentAt = settings.now()
  pruneCodes(engine, sentAt)
  const key = codeKey(poolId, channel, to)
  const previous = state.codes.get(key)
  if (previous && previous.sentAt + settings.codeResendIntervalSeconds * 1000 > sentAt) {
    const seconds = Math.ceil((previous.sentAt + settings.codeResendIntervalSeconds * 1000 - sentAt) / 1000)
    throw new AuthingBusinessError('codeSentTooOften', { seconds })
  }
  const message: OutboxMessage = {
    channel,
    to,
    code: randomDigits(6),
    scene: scene ?? genericScene[channel],
    sentAt,
    expiresAt: sentAt + settings.codeLifetimeSeconds * 1000,
  }
  // Deleted first so the table stays in sending order, which pruning relies on.
  state.codes.delete(key)
  state.codes.set(key, {
    code: message.code,
    scene: message.scene,
    sentAt,
    expiresAt: message.expiresAt,
    wrongTries: 0,
    spent: false,
  })
  const outbox = state.outbox
  outbox.set(`m${sentAt.toString(36)}-${randomHex(4)}`, message)
  dropOldest(outbox, outboxLimit)
  engine.notify(message)
  return message
}

/**
 * Forgets codes that can no longer be used nor hold back a resend, then the oldest beyond
 * `maxPendingCodes`: sending to ever new addresses cannot grow the state without bound.
 */
function pruneCodes(engine: Engine, now: number): void {
  const { codes } = engine.state
  const { codeResendIntervalSeconds, maxPendingCodes } = engine.settings
  for (const [key, record] of codes.entries()) {
    if (record.expiresAt > now || record.sentAt + codeResendIntervalSeconds * 1000 > now) break
    codes.delete(key)
  }
  dropOldest(codes, maxPendingCodes - 1)
}

function dropOldest(table: Table<unknown>, limit: number): void {
  while (table.size > limit) {
    const oldest = table.entries().next().value
    if (!oldest) break
    table.delete(oldest[0])
  }
}

/** Consumes a matching code or throws: 2300 when it expired, 2001 when wrong, used or of another scene. */
export function consumeCode(
  engine: Engine,
  poolId: string,
  channel: Channel,
  to: string,
  code: string,
  flow: CodeFlow,
): void {
  checkCode(engine, poolId, channel, to, code, flow)()
}

/**
 * Checks a code without using it up, and answers the function that does: a request proving two
 * codes (old and new phone) checks both before spending either. A wrong guess counts against the
 * code, which dies after `codeMaxAttempts` of them (then 2001 even for the right code).
 */
export function checkCode(
  engine: Engine,
  poolId: string,
  channel: Channel,
  to: string,
  code: string,
  flow: CodeFlow,
): () => void {
  const { codes } = engine.state
  const key = codeKey(poolId, channel, to)
  const pending = codes.get(key)
  if (!pending || pending.spent) throw new AuthingBusinessError('codeWrong')
  if (pending.code !== code || !acceptedScenes(flow, channel).includes(pending.scene)) {
    const wrongTries = pending.wrongTries + 1
    const spent = wrongTries >= engine.settings.codeMaxAttempts
    codes.set(key, { ...pending, wrongTries, spent })
    throw new AuthingBusinessError(spent ? 'codeTriesExhausted' : 'codeWrong')
  }
  if (pending.expiresAt <= engine.settings.now()) {
    codes.set(key, { ...pending, spent: true })
    throw new AuthingBusinessError('codeExpired')
  }
  // Spent, not deleted: the record still holds back a resend until the interval is over.
  return () => codes.set(key, { ...pending, spent: true })
}

const acceptedScenes = (flow: CodeFlow, channel: Channel): string[] => [
  ...flowScenes[flow][channel],
  genericScene[channel],
]
