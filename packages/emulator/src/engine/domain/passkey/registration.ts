/**
 * Registering a passkey (facts: login-flows §9.1, the registration family; §9.2 for the MFA bind):
 * creation options under a ticket, then the attestation, verified by `@simplewebauthn/server`
 * against the ticket's challenge, the app host's origin and RP ID. A credential id is registered once
 * in the whole emulator: the same authenticator cannot hold two users' keys under one id.
 */
import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
  VerifiedRegistrationResponse,
} from '@simplewebauthn/server'

import type { ApplicationRecord, PasskeyRecord, WebauthnTicketRecord } from '../../../model/records.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import { passkeysOf } from './credentials.js'
import { assertPasskeysOn, issueTicket, promptTimeoutMs, relyingParty, takeTicket } from './relyingParty.js'
import { webauthnLibrary } from './webauthnLibrary.js'

export type AuthenticatorCode = PasskeyRecord['authenticatorCode']

export interface CreationOptions {
  options: PublicKeyCredentialCreationOptionsJSON
  ticket: string
}

export async function registrationOptions(
  engine: Engine,
  user: UserRecord,
  app: ApplicationRecord,
  { mfaJti }: { mfaJti?: string } = {},
): Promise<CreationOptions> {
  assertPasskeysOn(app)
  const { rpID } = await relyingParty(engine)
  const userName = user.username ?? user.email ?? user.phone ?? user.id
  const { server, helpers } = await webauthnLibrary()
  const options = await server.generateRegistrationOptions({
    rpName: app.name,
    rpID,
    userName,
    userID: helpers.isoUint8Array.fromUTF8String(user.id),
    userDisplayName: user.profile.nickname ?? userName,
    timeout: promptTimeoutMs,
    attestationType: 'none',
    excludeCredentials: passkeysOf(engine.state, user).map(({ credentialId, transports }) => ({
      id: credentialId,
      transports,
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  })
  const purpose = mfaJti ? 'mfaBind' : 'register'
  return {
    options,
    ticket: issueTicket(engine, app, purpose, options.challenge, { userId: user.id, mfaJti: mfaJti ?? null }),
  }
}

/** Reads the registration JSON a client sent, or 2231: the library expects its fields' types. */
export function registrationCredentialOf(value: unknown, field: string): RegistrationResponseJSON {
  const credential = value as Partial<RegistrationResponseJSON> | null
  const response = credential?.response
  if (
    typeof credential?.id !== 'string' ||
    typeof credential.rawId !== 'string' ||
    typeof response?.clientDataJSON !== 'string' ||
    typeof response.attestationObject !== 'string'
  )
    throw new AuthingBusinessError('invalidParam', { field })
  return { clientExtensionResults: {}, ...credential, type: 'public-key' } as RegistrationResponseJSON
}

/** Verifies the attestation for the ticket's user and stores the passkey. */
export async function verifyRegistration(
  engine: Engine,
  ticket: WebauthnTicketRecord,
  credential: RegistrationResponseJSON,
  { name, authenticatorCode = 'other' }: { name?: string; authenticatorCode?: AuthenticatorCode } = {},
): Promise<PasskeyRecord> {
  const user = ticket.userId ? engine.state.users.get(ticket.userId) : undefined
  if (!user) throw new AuthingBusinessError('userNotFound')
  const { rpID, origin } = await relyingParty(engine, credential.response.clientDataJSON)
  const { server, helpers } = await webauthnLibrary()
  let verification: VerifiedRegistrationResponse
  try {
    verification = await server.verifyRegistrationResponse({
      response: credential,
      expectedChallenge: ticket.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    })
  } catch (error) {
    throw new AuthingBusinessError('passkeyVerificationFailed', { reason: (error as Error).message })
  }
  if (!verification.verified)
    throw new AuthingBusinessError('passkeyVerificationFailed', { reason: 'attestation not verified' })
  const { credential: verified } = verification.registrationInfo
  if (engine.state.passkeys.has(verified.id)) throw new AuthingBusinessError('passkeyExists')
  const createdAt = new Date(engine.settings.now()).toISOString()
  const record: PasskeyRecord = {
    credentialId: verified.id,
    userId: user.id,
    userPoolId: user.userPoolId,
    publicKey: helpers.isoBase64URL.fromBuffer(verified.publicKey),
    counter: verified.counter,
    transports: credential.response.transports ?? verified.transports ?? [],
    name: name?.trim() || `Passkey ${passkeysOf(engine.state, user).length + 1}`,
    authenticatorCode,
    createdAt,
    lastUsedAt: null,
  }
  engine.state.passkeys.set(record.credentialId, record)
  return record
}

/** The registration by a logged-in user: the ticket must be theirs. */
export function takeRegistrationTicket(engine: Engine, user: UserRecord, ticket: string): WebauthnTicketRecord {
  const record = takeTicket(engine, user.userPoolId, ticket, 'register')
  if (record.userId !== user.id) throw new AuthingBusinessError('passkeyTicketInvalid')
  return record
}
