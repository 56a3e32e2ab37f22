/**
 * SMS and email verification codes. Nothing is sent: each code goes to the outbox (a store table,
 * read through `outbox()` and `GET /__emulator/outbox`) and to `onMessage` listeners.
 *
 * A code is 6 digits, bound to its phone or email and to its scene, valid for
 * `codeLifetimeSeconds` (then 2300) and single-use (a wrong or reused code: 2001). A new code for the
 * same destination and scene replaces the previous one.
 *
 * How scenes match (send → use):
 * - A code sent with no scene (SMS), or with the generic `VERIFY_CODE` scene (email), is accepted by
 *   every flow: that is how most apps call `sendSmsCode(phone)`.
 * - A code sent with a scene is accepted only by the flows of that scene (table below), e.g. an SMS
 *   sent with scene `login` logs in but cannot reset a password.
 */
import { randomDigits, randomHex } from '../../model/crypto.js'
import type { OutboxMessage } from '../../model/records.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'

export type Channel = 'sms' | 'email'
export type CodeFlow = 'login' | 'register' | 'resetPassword' | 'bind' | 'verifyOld'

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
}

/** The outbox keeps the latest messages only, so a long-running emulator's state stays small. */
const outboxLimit = 200

const codeKey = (poolId: string, channel: Channel, to: string, scene: string): string =>
  `${poolId}:${channel}:${to}:${scene}`

export function issueCode(
  engine: Engine,
  poolId: string,
  channel: Channel,
  to: string,
  scene: string | null,
): OutboxMessage {
  const { state, settings } = engine
  const sentAt = settings.now()
  const message: OutboxMessage = {
    channel,
    to,
    code: randomDigits(6),
    scene: scene ?? genericScene[channel],
    sentAt,
    expiresAt: sentAt + settings.codeLifetimeSeconds * 1000,
  }
  state.codes.set(codeKey(poolId, channel, to, message.scene), {
    code: message.code,
    scene,
    expiresAt: message.expiresAt,
  })
  const outbox = state.outbox
  outbox.set(`m${sentAt.toString(36)}-${randomHex(4)}`, message)
  while (outbox.size > outboxLimit) {
    const oldest = outbox.entries().next().value
    if (!oldest) break
    outbox.delete(oldest[0])
  }
  engine.notify(message)
  return message
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
 * codes (old and new phone) checks both before spending either, so a failed request changes nothing.
 */
export function checkCode(
  engine: Engine,
  poolId: string,
  channel: Channel,
  to: string,
  code: string,
  flow: CodeFlow,
): () => void {
  const codes = engine.state.codes
  for (const scene of [...flowScenes[flow][channel], genericScene[channel]]) {
    const key = codeKey(poolId, channel, to, scene)
    const pending = codes.get(key)
    if (!pending || pending.code !== code) continue
    if (pending.expiresAt <= engine.settings.now()) {
      codes.delete(key)
      throw new AuthingBusinessError('codeExpired')
    }
    return () => codes.delete(key)
  }
  throw new AuthingBusinessError('codeWrong')
}
