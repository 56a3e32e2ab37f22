/**
 * Login QR codes, web side (facts: login-flows §7.1): a code lives 120 s unless a phone has
 * confirmed (or cancelled) it; a check answers its status as the SDK's `QRCodeStatus` numbers:
 * -1 expired, 0 waiting, 1 scanned, 2 confirmed (with the ticket), 3 cancelled, 4 a login step,
 * 5 an error. The image is a PNG of the JSON Authing's codes hold, for the phone to read.
 */
import QRCode from 'qrcode'

import { randomHex } from '../../../model/crypto.js'
import type { ApplicationRecord, QrCodeRecord, QrCodeScene } from '../../../model/records.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'

export const qrcodeLifetimeSeconds = 120
// Codes kept at most: every page load asks for one, and a flood would otherwise grow the table for ever.
const maxCodes = 10_000

export const qrcodeScenes: readonly QrCodeScene[] = ['APP_AUTH', 'WXAPP_AUTH', 'WECHATMP_AUTH']

export interface GeneratedQrCode {
  random: string
  /** a `data:image/png;base64,…` URL: an `<img src>` as Authing's file URL is */
  url: string
  expiresIn: number
}

export async function generateQrCode(
  engine: Engine,
  app: ApplicationRecord,
  scene: QrCodeScene,
  customData: Record<string, unknown> | null,
): Promise<GeneratedQrCode> {
  const now = engine.settings.now()
  if (engine.state.qrcodes.size >= maxCodes) prune(engine, now)
  const random = randomHex(16)
  engine.state.qrcodes.set(random, {
    random,
    userPoolId: app.userPoolId,
    appId: app.id,
    scene,
    createdAt: now,
    expiresAt: now + qrcodeLifetimeSeconds * 1000,
    phase: 'waiting',
    scannedUserId: null,
    ticket: null,
    ticketExpiresAt: null,
    ticketSpent: false,
    token: null,
    tokenExp: null,
    scannedResult: null,
  })
  const content = JSON.stringify({
    scene,
    random,
    userPoolId: app.userPoolId,
    createdAt: new Date(now).toISOString(),
    expiresIn: qrcodeLifetimeSeconds,
    customData: customData ?? {},
  })
  const url = await QRCode.toDataURL(content, { errorCorrectionLevel: 'M', margin: 2 })
  return { random, url, expiresIn: qrcodeLifetimeSeconds }
}

/** The code `random` of the pool, else 2241: another pool's code is as unknown as a made-up one. */
export function findQrCode(engine: Engine, poolId: string, random: string): QrCodeRecord {
  const record = engine.state.qrcodes.get(random)
  if (!record || record.userPoolId !== poolId) throw new AuthingBusinessError('qrcodeNotFound')
  return record
}

/** A code nobody has confirmed or cancelled in its 120 s is over, scanned or not. */
export function isExpired(record: QrCodeRecord, now: number): boolean {
  return (record.phase === 'waiting' || record.phase === 'scanned') && now >= record.expiresAt
}

/**
 * Ends a waiting or scanned code's life now, as its 120 s would (the dashboard and tests, who
 * cannot wait that long); the web side's next check answers -1.
 */
export function expireQrCode(engine: Engine, random: string): void {
  const record = engine.state.qrcodes.get(random)
  if (!record) throw new AuthingBusinessError('qrcodeNotFound')
  if (isExpired(record, engine.settings.now())) throw new AuthingBusinessError('qrcodeExpired')
  if (record.phase !== 'waiting' && record.phase !== 'scanned') throw new AuthingBusinessError('qrcodeDone')
  engine.state.qrcodes.set(random, { ...record, expiresAt: engine.settings.now() })
}

const statusOfPhase = { waiting: 0, scanned: 1, confirmed: 2, cancelled: 3, step: 4, failed: 5 } as const

export function qrcodeStatusAt(record: QrCodeRecord, now: number): QrCodeStatus['status'] {
  return isExpired(record, now) ? -1 : statusOfPhase[record.phase]
}

export interface QrCodeStatus {
  random: string
  status: -1 | 0 | 1 | 2 | 3 | 4 | 5
  ticket?: string
  userInfo?: { nickname: string | null; photo: string | null }
  scannedUserId?: string
  scannedResult?: Record<string, unknown>
}

/** `GET /api/v2/qrcode/check`: the scanner shows only as nickname and photo (Authing's default). */
export function checkQrCode(engine: Engine, poolId: string, random: string): QrCodeStatus {
  const record = findQrCode(engine, poolId, random)
  const status = qrcodeStatusAt(record, engine.settings.now())
  if (status === -1) return { random, status }
  const answer: QrCodeStatus = { random, status }
  const scanner = record.scannedUserId ? engine.state.users.get(record.scannedUserId) : undefined
  if (scanner) {
    answer.userInfo = { nickname: scanner.profile.nickname ?? null, photo: scanner.profile.photo ?? null }
    answer.scannedUserId = scanner.id
  }
  if (record.phase === 'confirmed' && record.ticket) answer.ticket = record.ticket
  if (record.scannedResult) answer.scannedResult = record.scannedResult
  return answer
}

function prune(engine: Engine, now: number): void {
  const { qrcodes } = engine.state
  for (const [random, record] of [...qrcodes.entries()]) {
    const over = record.ticketExpiresAt ?? record.expiresAt
    if (over <= now) qrcodes.delete(random)
  }
  const excess = [...qrcodes.entries()].map(([random]) => random).slice(0, Math.max(0, qrcodes.size - maxCodes + 1))
  for (const random of excess) qrcodes.delete(random)
}
