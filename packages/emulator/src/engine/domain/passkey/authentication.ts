/**
 * Signing in with a passkey (facts: login-flows §9.1; §9.2 for the MFA verify): request options
 * under a ticket, then the assertion, verified by `@simplewebauthn/server` against the stored public
 * key and counter. A login ticket takes any passkey of the pool (discoverable credentials, no
 * `allowCredentials`); an MFA ticket only the step's user's. A passkey proves possession and, with
 * user verification, the person: it counts as both factors, so the login asks no second one [I].
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
  WebAuthnCredential,
} from '@simplewebauthn/server'

import type { ApplicationRecord, WebauthnTicketRecord } from '../../../model/records.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import { assertNotLocked } from '../lockout.js'
import { completeLogin, type LoggedIn } from '../login.js'
import { passkeysOf } from './credentials.js'
import { assertPasskeysOn, issueTicket, promptTimeoutMs, relyingParty } from './relyingParty.js'
import { webauthnLibrary } from './webauthnLibrary.js'

export interface RequestOptions {
  options: PublicKeyCredentialRequestOptionsJSON
  ticket: string
}

/** Options for a login (no user yet) or, with `mfa`, for the MFA step of `mfa.user`. */
export async function authenticationOptions(
  engine: Engine,
  app: ApplicationRecord,
  mfa?: { user: UserRecord; jti: string },
): Promise<RequestOptions> {
  assertPasskeysOn(app)
  const { server } = await webauthnLibrary()
  const options = await server.generateAuthenticationOptions({
    rpID: (await relyingParty(engine)).rpID,
    timeout: promptTimeoutMs,
    userVerification: 'preferred',
    ...(mfa && {
      allowCredentials: passkeysOf(engine.state, mfa.user).map(({ credentialId, transports }) => ({
        id: credentialId,
        transports,
      })),
    }),
  })
  const ticket = issueTicket(engine, app, mfa ? 'mfaVerify' : 'login', options.challenge, {
    userId: mfa?.user.id ?? null,
    mfaJti: mfa?.jti ?? null,
  })
  return { options, ticket }
}

/** Reads the assertion JSON a client sent, or 2231. */
export function assertionOf(value: unknown, field: string): AuthenticationResponseJSON {
  const credential = value as Partial<AuthenticationResponseJSON> | null
  const response = credential?.response
  if (
    typeof credential?.id !== 'string' ||
    typeof credential.rawId !== 'string' ||
    typeof response?.clientDataJSON !== 'string' ||
    typeof response.authenticatorData !== 'string' ||
    typeof response.signature !== 'string'
  )
    throw new AuthingBusinessError('invalidParam', { field })
  return { clientExtensionResults: {}, ...credential, type: 'public-key' } as AuthenticationResponseJSON
}

/**
 * The user whose passkey made `assertion` for `ticket` (already taken), with the counter moved on;
 * 2363 for a credential the pool does not know (or, at an MFA step, not the step's user's), 2364
 * when the counter went backwards, 2362 for any other failed check.
 */
export async function verifyAssertion(
  engine: Engine,
  ticket: WebauthnTicketRecord,
  assertion: AuthenticationResponseJSON,
): Promise<UserRecord> {
  const passkey = engine.state.passkeys.get(assertion.id)
  const user = passkey && engine.state.users.get(passkey.userId)
  if (!passkey || !user || passkey.userPoolId !== ticket.userPoolId) throw new AuthingBusinessError('passkeyUnknown')
  if (ticket.userId !== null && passkey.userId !== ticket.userId) throw new AuthingBusinessError('passkeyUnknown')
  const { rpID, origin } = await relyingParty(engine, assertion.response.clientDataJSON)
  const { server, helpers } = await webauthnLibrary()
  let newCounter: number
  try {
    const verification = await server.verifyAuthenticationResponse({
      response: assertion,
      expectedChallenge: ticket.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: helpers.isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports as NonNullable<WebAuthnCredential['transports']>,
      },
      requireUserVerification: false,
    })
    if (!verification.verified) throw new Error('signature not verified')
    newCounter = verification.authenticationInfo.newCounter
  } catch (error) {
    // The library checks the counter once challenge, origin and RP ID passed.
    if (/counter value/i.test((error as Error).message)) throw new AuthingBusinessError('passkeyCounterRollback')
    throw new AuthingBusinessError('passkeyVerificationFailed', { reason: (error as Error).message })
  }
  const lastUsedAt = new Date(engine.settings.now()).toISOString()
  engine.state.passkeys.set(passkey.credentialId, { ...passkey, counter: newCounter, lastUsedAt })
  return user
}

/** The end of a passkey login: the same as a password login's, without its second factor. */
export async function passkeyLogin(engine: Engine, user: UserRecord, appId: string): Promise<LoggedIn> {
  const app = engine.state.applications.get(appId)
  if (!app) throw new AuthingBusinessError('appNotFound')
  for (const kind of ['username', 'email', 'phone'] as const) {
    const identifier = user[kind]
    if (identifier) assertNotLocked(engine, user.userPoolId, kind, identifier)
  }
  return completeLogin(engine, user, app, { secondFactorPassed: true })
}
