/**
 * Login steps that a token finishes (password resets forced at login, profile completion). The
 * token is opaque, single-use, bound to the user and app of the login, and dies after
 * `stepSeconds`; it doubles as the step's `flowHandle` for `/interaction/authFlow`.
 */
import { randomHex } from '../../model/crypto.js'
import type { ApplicationRecord, LoginStepRecord } from '../../model/records.js'
import type { UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'

// [I] Authing does not document the lifetime; the MFA step's ten minutes are as good a guess.
const stepSeconds = 600

export type StepKind = LoginStepRecord['kind']

export interface Step {
  token: string
  record: LoginStepRecord
  user: UserRecord
  app: ApplicationRecord
}

/** A new step of `kind` for the login of `user` to `app`; answers its token. */
export function openStep(engine: Engine, kind: StepKind, user: UserRecord, app: ApplicationRecord): string {
  const now = engine.settings.now()
  for (const [token, record] of engine.state.loginSteps.entries())
    if (record.expiresAt <= now) engine.state.loginSteps.delete(token)
  const token = randomHex(24)
  engine.state.loginSteps.set(token, { kind, userId: user.id, appId: app.id, expiresAt: now + stepSeconds * 1000 })
  return token
}

/** The live step `token` names, when it is one of `kinds`; otherwise 2207. Does not spend it. */
export function findStep(engine: Engine, token: string, kinds: readonly StepKind[]): Step {
  const record = engine.state.loginSteps.get(token)
  const user = record && engine.state.users.get(record.userId)
  const app = record && engine.state.applications.get(record.appId)
  if (!record || !user || !app || !kinds.includes(record.kind) || record.expiresAt <= engine.settings.now())
    throw new AuthingBusinessError('stepTokenInvalid')
  return { token, record, user, app }
}

/** The step is done: its token stops working. */
export function closeStep(engine: Engine, step: Step): void {
  engine.state.loginSteps.delete(step.token)
}
