/**
 * The ticket of a confirmed QR code (facts: login-flows §7.1): the web side exchanges it once, within
 * 300 s, for the user and the token the confirmation's login issued. The exchange is open to the
 * browser, as the v4 SDK and Guard need (Authing's console switch; the emulator keeps it on [I]).
 */
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'

export function exchangeTicket(
  engine: Engine,
  poolId: string,
  ticket: string,
): { user: UserRecord; token: { token: string; exp: number } } {
  const now = engine.settings.now()
  for (const record of engine.state.qrcodes.values()) {
    if (record.ticket !== ticket || record.userPoolId !== poolId) continue
    const user = record.scannedUserId ? engine.state.users.get(record.scannedUserId) : undefined
    if (record.ticketSpent || (record.ticketExpiresAt ?? 0) <= now || !user || !record.token || !record.tokenExp) break
    engine.state.qrcodes.set(record.random, { ...record, ticketSpent: true })
    return { user, token: { token: record.token, exp: record.tokenExp } }
  }
  throw new AuthingBusinessError('qrcodeTicketInvalid')
}
