/**
 * Login QR codes, phone side (facts: login-flows §7.2): the logged-in user of the app scans a code
 * of their pool, then confirms or cancels it; only the scanner may. Confirming is the login: the
 * same as a password login's end (completeLogin), so a second factor or a missing profile field
 * stops it with status 4 and the step's envelope, and a locked account with status 5. WeChat scans
 * the other two scenes; the emulator moves them with the same calls (dashboard and test helpers).
 */
import { randomHex } from '../../../model/crypto.js'
import type { QrCodeRecord } from '../../../model/records.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import { assertNotLocked } from '../lockout.js'
import { completeLogin } from '../login.js'
import { findQrCode, isExpired } from './codes.js'

export const qrcodeTicketLifetimeSeconds = 300

/** What the phone's calls answer (Authing's own `status` numbers here differ from the web side's). */
export interface PhoneAnswer {
  random: string
  status: number
  description: string
}

function usable(engine: Engine, user: UserRecord, random: string): QrCodeRecord {
  const record = findQrCode(engine, user.userPoolId, random)
  if (isExpired(record, engine.settings.now())) throw new AuthingBusinessError('qrcodeExpired')
  return record
}

function scannedBy(engine: Engine, user: UserRecord, random: string): QrCodeRecord {
  const record = usable(engine, user, random)
  if (record.phase === 'waiting') throw new AuthingBusinessError('qrcodeNotScanned')
  if (record.phase !== 'scanned') throw new AuthingBusinessError('qrcodeDone')
  if (record.scannedUserId !== user.id) throw new AuthingBusinessError('qrcodeOtherUser')
  return record
}

/** Scanning again by the same user changes nothing; by another user, once scanned, it is refused. */
export function scanQrCode(engine: Engine, user: UserRecord, random: string): PhoneAnswer {
  const record = usable(engine, user, random)
  if (record.phase === 'scanned' && record.scannedUserId !== user.id) throw new AuthingBusinessError('qrcodeOtherUser')
  if (record.phase !== 'waiting' && record.phase !== 'scanned') throw new AuthingBusinessError('qrcodeDone')
  engine.state.qrcodes.set(random, { ...record, phase: 'scanned', scannedUserId: user.id })
  return { random, status: 0, description: 'scanned' }
}

export async function confirmQrCode(engine: Engine, user: UserRecord, random: string): Promise<PhoneAnswer> {
  const record = scannedBy(engine, user, random)
  const app = engine.state.applications.get(record.appId)
  if (!app) throw new AuthingBusinessError('appNotFound')
  try {
    for (const kind of ['username', 'email', 'phone'] as const) {
      const identifier = user[kind]
      if (identifier) assertNotLocked(engine, user.userPoolId, kind, identifier)
    }
    const { token } = await completeLogin(engine, user, app)
    engine.state.qrcodes.set(random, {
      ...record,
      phase: 'confirmed',
      ticket: randomHex(24),
      ticketExpiresAt: engine.settings.now() + qrcodeTicketLifetimeSeconds * 1000,
      token: token.token,
      tokenExp: token.exp,
    })
  } catch (error) {
    if (!(error instanceof AuthingBusinessError)) throw error
    const { code, message, data } = error.toBody('zh-CN')
    // A step (1635 MFA, 1642 profile…) carries `data`; the web side finishes it like any login's step.
    const step = data !== undefined
    const scannedResult = step
      ? { code, apiCode: code, statusCode: 302, message, data }
      : { code, apiCode: code, statusCode: 400, message, errmsg: message }
    engine.state.qrcodes.set(random, { ...record, phase: step ? 'step' : 'failed', scannedResult })
  }
  return { random, status: 1, description: 'confirmed' }
}

export function cancelQrCode(engine: Engine, user: UserRecord, random: string): PhoneAnswer {
  const record = scannedBy(engine, user, random)
  engine.state.qrcodes.set(random, { ...record, phase: 'cancelled' })
  return { random, status: -1, description: 'cancelled' }
}

/**
 * The phone of the dashboard and the test helpers: the user of the code's pool named `username`
 * (scan), or the one who scanned it (confirm, cancel). These stand in for WeChat, too.
 */
export function standInScanner(engine: Engine, random: string, username?: string): UserRecord {
  const record = engine.state.qrcodes.get(random)
  if (!record) throw new AuthingBusinessError('qrcodeNotFound')
  const user =
    username === undefined
      ? record.scannedUserId
        ? engine.state.users.get(record.scannedUserId)
        : undefined
      : engine.state.findUser(record.userPoolId, 'username', username)
  if (!user) throw new AuthingBusinessError(username === undefined ? 'qrcodeNotScanned' : 'userNotFound')
  return user
}
