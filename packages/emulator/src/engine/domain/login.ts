/**
 * Logging in (password or code), counting logins, and logging out. A login answers the user as
 * updated by it and a new token; the caller shows both.
 */
import { type ApplicationRecord, keys, type UserPoolRecord } from '../../model/records.js'
import type { UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { type CaptchaAnswer, checkCaptcha } from './captcha.js'
import { type CodeFlow, consumeCode } from './codes.js'
import { requireProfile } from './completion/required.js'
import { AuthingBusinessError } from './errors.js'
import { assertNotLocked, type LoginIdentifier } from './lockout.js'
import { requireSecondFactor } from './mfa/challenge.js'
import { requirePasswordRules } from './passwordRules.js'
import { checkPassword, decryptPassword } from './passwords.js'
import { issueToken, revokeToken, verifyUserToken } from './sessions/tokens.js'

export interface LoggedIn {
  user: UserRecord
  token: { token: string; exp: number }
}

/** Records a login of `user` to `app` (count, last login, the app's active users); answers the updated user. */
export function countLogin(engine: Engine, user: UserRecord, app: ApplicationRecord): UserRecord {
  const updated: UserRecord = {
    ...user,
    loginsCount: user.loginsCount + 1,
    lastLogin: new Date(engine.settings.now()).toISOString(),
  }
  engine.state.users.set(user.id, updated)
  const login = { appId: app.id, userId: user.id, lastLogin: updated.lastLogin ?? '' }
  engine.state.appLogins.set(keys.appLogin(app.id, user.id), login)
  return updated
}

/**
 * Counts the login and issues the user's new token, unless a second factor is due (1635/1636, see
 * ./mfa/challenge.ts) or the app wants a profile field the user lacks (1642, ./completion/);
 * `secondFactorPassed` when the login comes out of that step, `askProfile: false` out of the
 * completion step and on registration (completion at registration is a different flow).
 */
export async function completeLogin(
  engine: Engine,
  user: UserRecord,
  app: ApplicationRecord,
  { secondFactorPassed = false, askProfile = true } = {},
): Promise<LoggedIn> {
  if (!secondFactorPassed) await requireSecondFactor(engine, user, app)
  if (askProfile) requireProfile(engine, user, app)
  const updated = countLogin(engine, user, app)
  const { token, exp } = await issueToken(engine, updated, app)
  return { user: updated, token: { token, exp } }
}

/**
 * loginByUsername / loginByEmail / loginByPhonePassword: the password arrives RSA-encrypted; the
 * captcha, when one is due, is checked first (see ./captcha.ts). A password that must change first
 * stops the login (./passwordRules.ts), before any second factor.
 */
export async function passwordLogin(
  engine: Engine,
  target: { app: ApplicationRecord; pool: UserPoolRecord },
  kind: LoginIdentifier,
  identifier: string,
  ciphertext: string,
  captcha: CaptchaAnswer,
): Promise<LoggedIn> {
  checkCaptcha(engine, target.pool, { kind, identifier }, captcha)
  assertNotLocked(engine, target.pool.id, kind, identifier)
  const password = decryptPassword(engine, ciphertext)
  const user = await checkPassword(engine, target.pool, kind, identifier, password)
  requirePasswordRules(engine, target, user, password)
  return completeLogin(engine, user, target.app)
}

/**
 * What an `account` (one login field for any identifier: Guard's, the hosted login page's) names: an
 * email when it has an `@`, a username when a user has it as one, else a phone. The lockout and the
 * captcha count under that kind.
 */
export function accountKind(engine: Engine, pool: UserPoolRecord, account: string): LoginIdentifier {
  if (account.includes('@')) return 'email'
  return engine.state.findUser(pool.id, 'username', account) ? 'username' : 'phone'
}

/** Consumes the code, then finds the user the phone or email belongs to (if any). */
export function codeLogin(
  engine: Engine,
  pool: UserPoolRecord,
  kind: 'phone' | 'email',
  to: string,
  code: string,
  flow: CodeFlow,
): UserRecord | undefined {
  consumeCode(engine, pool.id, kind === 'phone' ? 'sms' : 'email', to, code, flow)
  return engine.state.findUser(pool.id, kind, to)
}

/** REST `POST /api/v2/login/email-code`: an unknown email is 2004. */
export async function emailCodeLogin(
  engine: Engine,
  { app, pool }: { app: ApplicationRecord; pool: UserPoolRecord },
  email: string,
  code: string,
): Promise<LoggedIn> {
  const user = codeLogin(engine, pool, 'email', email, code, 'login')
  if (!user) throw new AuthingBusinessError('userNotFound')
  return completeLogin(engine, user, app)
}

/** The token stops working everywhere. */
export async function logout(engine: Engine, token: string): Promise<void> {
  const check = await verifyUserToken(engine, token)
  if (check.ok) revokeToken(engine, check.payload)
}
