/**
 * Registration: by username or email and password, or by phone code. Every identifier (the
 * input's own and the profile's) must be free, before hashing and again after it.
 */
import type { PasswordHash } from '../../model/crypto.js'
import { type ApplicationRecord, keys, type UserPoolRecord } from '../../model/records.js'
import { newUserRecord, profileOf, type UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { loginSettingsOf } from './applications.js'
import type { CaptchaAnswer } from './captcha.js'
import { consumeCode } from './codes.js'
import { AuthingBusinessError } from './errors.js'
import type { LoginIdentifier } from './lockout.js'
import { completeLogin, type LoggedIn, passwordLogin } from './login.js'
import { newPasswordHash } from './passwords.js'
import { checkedUserUdvs } from './udf.js'
import { assertFree, type Identifiers, normaliseEmail, normalisePhone, normaliseUsername } from './users.js'

export interface RegisterProfileInput {
  udf?: { key: string; value: string }[] | null
  [field: string]: unknown
}

export interface RegisterInput {
  password?: string | null
  profile?: RegisterProfileInput | null
  forceLogin?: boolean | null
  generateToken?: boolean | null
}

interface NewUser extends Pick<Identifiers, 'username' | 'email' | 'phone'> {
  phoneCountryCode?: string | null
  password: PasswordHash | null
  registerSource: string
}

/** The new user, with a token when the input asks to log in at once. */
export type Registered = { user: UserRecord; token: LoggedIn['token'] | null }

type Target = { app: ApplicationRecord; pool: UserPoolRecord }

/** 2031 when the app has registration switched off (public config `registerDisabled`). */
function assertRegisterOpen({ app }: Target): void {
  if (loginSettingsOf(app).registerDisabled) throw new AuthingBusinessError('registerDisabled')
}

function usernameOf(username: string): string {
  if (!username.trim()) throw new AuthingBusinessError('invalidParam', { field: 'username' })
  return normaliseUsername(username)
}

/** Profile identifiers merged into the new user's, validated (the input's own field wins). */
function profileIdentifiers(
  profile: RegisterProfileInput | null | undefined,
): Pick<NewUser, 'username' | 'email' | 'phone'> {
  const pick = (key: string): string | null =>
    typeof profile?.[key] === 'string' && profile[key] ? (profile[key] as string) : null
  const email = pick('email')
  const phone = pick('phone')
  return {
    username: pick('username'),
    email: email ? normaliseEmail(email) : null,
    phone: phone ? normalisePhone(phone) : null,
  }
}

async function register(
  engine: Engine,
  { app, pool }: Target,
  input: RegisterInput,
  fields: NewUser,
  udv: Record<string, string>,
): Promise<Registered> {
  const user = newUserRecord(pool.id, new Date(engine.settings.now()).toISOString(), {
    username: fields.username ?? null,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    phoneCountryCode: fields.phoneCountryCode ?? null,
    phoneVerified: fields.registerSource === 'basic:phone-code',
    password: fields.password,
    profile: profileOf(input.profile),
    registerSource: [fields.registerSource],
  })
  engine.state.users.set(user.id, user)
  if (Object.keys(udv).length) engine.state.udvs.set(keys.udv('USER', user.id), udv)
  if (input.forceLogin || input.generateToken) return completeLogin(engine, user, app, { askProfile: false })
  return { user, token: null }
}

/** By username or email, with a password (RSA-encrypted). */
export async function registerWithPassword(
  engine: Engine,
  target: Target,
  input: RegisterInput & { password: string },
  identifier: { username: string } | { email: string },
): Promise<Registered> {
  assertRegisterOpen(target)
  const { pool } = target
  const own =
    'username' in identifier
      ? { username: usernameOf(identifier.username) }
      : { email: normaliseEmail(identifier.email) }
  const ids = { ...profileIdentifiers(input.profile), ...own }
  assertFree(engine.state, pool.id, ids)
  const udv = checkedUserUdvs(engine.state, pool.id, input.profile?.udf ?? [])
  const password = await newPasswordHash(engine, pool.id, input.password)
  assertFree(engine.state, pool.id, ids) // again: another registration may have won while we hashed
  const registerSource = 'username' in identifier ? 'basic:username-password' : 'basic:email'
  return register(engine, target, input, { ...ids, password, registerSource }, udv)
}

/**
 * A password login with `autoRegister` (authing-js-sdk's option): a username or email nobody has yet
 * becomes an account with that password, logged in, as on Authing; anything else is the login.
 */
export async function passwordLoginOrRegister(
  engine: Engine,
  target: Target,
  kind: LoginIdentifier,
  identifier: string,
  ciphertext: string,
  captcha: CaptchaAnswer,
  autoRegister: boolean,
): Promise<LoggedIn> {
  const known = (name: 'username' | 'email') =>
    engine.state.findUser(
      target.pool.id,
      name,
      name === 'email' ? normaliseEmail(identifier) : normaliseUsername(identifier),
    )
  if (autoRegister && (kind === 'username' || kind === 'email') && !known(kind)) {
    const own = kind === 'username' ? { username: identifier } : { email: identifier }
    const { user } = await registerWithPassword(engine, target, { password: ciphertext }, own)
    return completeLogin(engine, user, target.app)
  }
  return passwordLogin(engine, target, kind, identifier, ciphertext, captcha)
}

/** By phone and a code of the register scene; a password is optional. */
export async function registerByPhoneCode(
  engine: Engine,
  target: Target,
  input: RegisterInput & { phone: string; code: string; phoneCountryCode?: string | null },
): Promise<Registered> {
  assertRegisterOpen(target)
  const { pool } = target
  const ids = { ...profileIdentifiers(input.profile), phone: normalisePhone(input.phone) }
  assertFree(engine.state, pool.id, ids)
  const udv = checkedUserUdvs(engine.state, pool.id, input.profile?.udf ?? [])
  consumeCode(engine, pool.id, 'sms', ids.phone, input.code, 'register')
  const password = input.password ? await newPasswordHash(engine, pool.id, input.password) : null
  assertFree(engine.state, pool.id, ids)
  const fields: NewUser = {
    ...ids,
    phoneCountryCode: input.phoneCountryCode ?? null,
    password,
    registerSource: 'basic:phone-code',
  }
  return register(engine, target, input, fields, udv)
}

/** loginByPhoneCode with `autoRegister` for an unknown phone: the account is created and logged in. */
export function registerOnPhoneLogin(
  engine: Engine,
  target: Target,
  phone: string,
  phoneCountryCode: string | null,
): Promise<Registered> {
  assertRegisterOpen(target)
  const fields: NewUser = { phone, phoneCountryCode, password: null, registerSource: 'basic:phone-code' }
  return register(engine, target, { forceLogin: true }, fields, {})
}
