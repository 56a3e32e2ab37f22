/**
 * A passkey as the second factor (facts: login-flows §9.2): the step's mfaToken opens a verify
 * ticket (a passkey the user has) or a bind ticket (a new one); the ticket keeps the step, so the
 * authFlow action that finishes it needs no other token. Either ends in a normal login; a failed
 * check counts against the step as a wrong code does.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'

import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import { completeLogin, type LoggedIn } from '../login.js'
import { authenticationOptions, type RequestOptions, verifyAssertion } from '../passkey/authentication.js'
import { type CreationOptions, registrationOptions, verifyRegistration } from '../passkey/registration.js'
import { takeTicket } from '../passkey/relyingParty.js'
import { type Challenge, challengeByJti, failChallenge, passChallenge } from './challenge.js'

export function passkeyVerifyOptions(engine: Engine, challenge: Challenge): Promise<RequestOptions> {
  return authenticationOptions(engine, challenge.app, { user: challenge.user, jti: challenge.jti })
}

export function passkeyBindOptions(engine: Engine, challenge: Challenge): Promise<CreationOptions> {
  return registrationOptions(engine, challenge.user, challenge.app, { mfaJti: challenge.jti })
}

async function finishStep(
  engine: Engine,
  poolId: string,
  ticket: string,
  purpose: 'mfaVerify' | 'mfaBind',
  check: (record: ReturnType<typeof takeTicket>) => Promise<unknown>,
): Promise<LoggedIn> {
  const record = takeTicket(engine, poolId, ticket, purpose)
  if (!record.mfaJti) throw new AuthingBusinessError('passkeyTicketInvalid')
  const challenge = challengeByJti(engine, record.mfaJti)
  try {
    await check(record)
  } catch (error) {
    if (error instanceof AuthingBusinessError) failChallenge(engine, challenge, error)
    throw error
  }
  passChallenge(engine, challenge)
  return completeLogin(engine, challenge.user, challenge.app, { secondFactorPassed: true })
}

/** authFlow `passkey-verify {credential, ticket}`. */
export function verifyPasskeyFactor(
  engine: Engine,
  poolId: string,
  ticket: string,
  assertion: AuthenticationResponseJSON,
): Promise<LoggedIn> {
  return finishStep(engine, poolId, ticket, 'mfaVerify', (record) => verifyAssertion(engine, record, assertion))
}

/** authFlow `passkey-bind`: the attestation, and the bind ticket. */
export function bindPasskeyFactor(
  engine: Engine,
  poolId: string,
  ticket: string,
  attestation: RegistrationResponseJSON,
): Promise<LoggedIn> {
  return finishStep(engine, poolId, ticket, 'mfaBind', (record) => verifyRegistration(engine, record, attestation))
}
