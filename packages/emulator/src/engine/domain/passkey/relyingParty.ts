/**
 * The emulator as a WebAuthn relying party (facts: login-flows §9): its RP ID is the app host's
 * hostname and the origin it accepts is the app host's, so an assertion made for another site is
 * refused. On a developer's machine (a loopback app host) the page with the embedded form runs on
 * another port of the same host: any port of the app host's hostname is accepted there. Browsers
 * refuse an IP address as RP ID, so a page that uses passkeys runs on `http://localhost` (the demo
 * does). Every ceremony starts with a ticket that holds its challenge: single-use, and over
 * after `ticketLifetimeSeconds` (the browser prompt's own timeout is `promptTimeoutMs`).
 */
import { randomHex } from '../../../model/crypto.js'
import type { ApplicationRecord, WebauthnTicketPurpose, WebauthnTicketRecord } from '../../../model/records.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import { webauthnLibrary } from './webauthnLibrary.js'

export const promptTimeoutMs = 60_000
const ticketLifetimeSeconds = 120
// Tickets kept at most: every page load may ask for one, and a flood would otherwise grow the table for ever.
const maxTickets = 10_000

const isLoopbackHostname = (hostname: string) => ['localhost', '127.0.0.1', '[::1]'].includes(hostname)

/**
 * The RP ID, and the origin a ceremony must have happened on: the app host's, or on a loopback app
 * host the page of another port that the client data (`clientDataJSON`, base64url) names.
 */
export async function relyingParty(engine: Engine, clientDataJSON?: string): Promise<{ rpID: string; origin: string }> {
  const url = new URL(engine.settings.appHost)
  const own = { rpID: url.hostname, origin: url.origin }
  if (!clientDataJSON || !isLoopbackHostname(url.hostname)) return own
  const { helpers } = await webauthnLibrary()
  try {
    const claimed = new URL(helpers.decodeClientDataJSON(clientDataJSON).origin)
    if (claimed.hostname === url.hostname && claimed.protocol === url.protocol)
      return { ...own, origin: claimed.origin }
  } catch {
    // Not client data, or no URL in it: the library's own checks refuse it.
  }
  return own
}

/** 2360 unless the app has passkeys on (absent: on). */
export function assertPasskeysOn(app: ApplicationRecord): void {
  if (app.passkeyEnabled === false) throw new AuthingBusinessError('passkeyDisabled')
}

export function issueTicket(
  engine: Engine,
  app: ApplicationRecord,
  purpose: WebauthnTicketPurpose,
  challenge: string,
  { userId = null, mfaJti = null }: { userId?: string | null; mfaJti?: string | null } = {},
): string {
  const now = engine.settings.now()
  const tickets = engine.state.webauthnTickets
  if (tickets.size >= maxTickets) {
    for (const [ticket, record] of [...tickets.entries()]) if (record.expiresAt <= now) tickets.delete(ticket)
    for (const [ticket] of [...tickets.entries()].slice(0, Math.max(0, tickets.size - maxTickets + 1)))
      tickets.delete(ticket)
  }
  const ticket = randomHex(24)
  tickets.set(ticket, {
    purpose,
    challenge,
    userPoolId: app.userPoolId,
    appId: app.id,
    userId,
    mfaJti,
    expiresAt: now + ticketLifetimeSeconds * 1000,
  })
  return ticket
}

/**
 * Spends `ticket` (whatever comes next, it cannot be replayed): the record when it was issued for
 * `purpose` in the pool and is still fresh, else 2361.
 */
export function takeTicket(
  engine: Engine,
  poolId: string,
  ticket: string,
  purpose: WebauthnTicketPurpose,
): WebauthnTicketRecord {
  const record = engine.state.webauthnTickets.get(ticket)
  if (record) engine.state.webauthnTickets.delete(ticket)
  if (
    !record ||
    record.userPoolId !== poolId ||
    record.purpose !== purpose ||
    record.expiresAt <= engine.settings.now()
  )
    throw new AuthingBusinessError('passkeyTicketInvalid')
  return record
}

/**
 * The ticket whose challenge a credential's client data carries, else 2361: Guard's MFA
 * `passkey-bind` sends the attestation alone. The challenge is still checked as with any ticket.
 */
export async function ticketOfClientData(engine: Engine, clientDataJSON: string): Promise<string> {
  const { helpers } = await webauthnLibrary()
  let challenge: unknown
  try {
    challenge = helpers.decodeClientDataJSON(clientDataJSON).challenge
  } catch {
    throw new AuthingBusinessError('passkeyTicketInvalid')
  }
  for (const [ticket, record] of engine.state.webauthnTickets.entries())
    if (record.challenge === challenge) return ticket
  throw new AuthingBusinessError('passkeyTicketInvalid')
}
