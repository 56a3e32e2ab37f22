/**
 * Passwords: they arrive RSA-encrypted (or in clear where an administrator says so), must meet the
 * pool's strength level and stay off its weak-password list wherever they are set, are stored as
 * PBKDF2 hashes, and are checked with the login lockout.
 */
import { hashPassword, type PasswordHash, verifyPassword } from '../../model/crypto.js'
import type { PasswordStrengthLevel, UserPoolRecord } from '../../model/records.js'
import type { UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { beginAttempt, type LoginIdentifier } from './lockout.js'

/** The plaintext of an RSA-encrypted password field, or 2016. */
export function decryptPassword(engine: Engine, ciphertext: string): string {
  const plain = engine.decryptPassword(ciphertext)
  if (plain === null) throw new AuthingBusinessError('decryptFailed')
  return plain
}

export type PasswordProblem = 'passwordRequired' | 'passwordTooShort' | 'passwordTooWeak' | 'passwordUnsafe'

// Guard's three kinds of character (getSymbolTypeLength): digits, letters, symbols.
const characterKinds = [/\d/, /[a-zA-Z]/, /[^\da-zA-Z\s]/]

/** What a new password lacks for the pool, or null; shared with checkPasswordStrength so both always agree. */
export function passwordProblem(password: string, pool: UserPoolRecord | undefined): PasswordProblem | null {
  if (password === '') return 'passwordRequired'
  const level: PasswordStrengthLevel = pool?.passwordStrength ?? 1
  if (level >= 1 && password.length < 6) return 'passwordTooShort'
  const kinds = characterKinds.filter((kind) => kind.test(password)).length
  if ((level === 2 && kinds < 2) || (level === 3 && kinds < 3)) return 'passwordTooWeak'
  return isWeakPassword(pool, password) ? 'passwordUnsafe' : null
}

/** Whether the pool's weak-password list holds `password` (compared exactly). */
export function isWeakPassword(pool: UserPoolRecord | undefined, password: string): boolean {
  return pool?.weakPasswords?.includes(password) === true
}

/** The hash of a new password of a user of pool `poolId`, given in clear. */
export function hashNewPassword(engine: Engine, poolId: string, password: string): Promise<PasswordHash> {
  const pool = engine.state.userPools.get(poolId)
  const problem = passwordProblem(password, pool)
  if (problem) throw new AuthingBusinessError(problem, { kinds: pool?.passwordStrength ?? 1 })
  return hashPassword(password, engine.settings.passwordIterations)
}

/** The hash of a new password that arrives RSA-encrypted. */
export function newPasswordHash(engine: Engine, poolId: string, ciphertext: string): Promise<PasswordHash> {
  return hashNewPassword(engine, poolId, decryptPassword(engine, ciphertext))
}

/** A password given in clear (`clear`: an administrator's `keepPassword`) or RSA-encrypted, hashed; none: null. */
export async function passwordFor(
  engine: Engine,
  poolId: string,
  password: string | null | undefined,
  clear: boolean,
): Promise<PasswordHash | null> {
  if (!password) return null
  return clear ? hashNewPassword(engine, poolId, password) : newPasswordHash(engine, poolId, password)
}

/**
 * The user `identifier` names, when `password` is theirs; otherwise a failure counted towards the
 * lockout and 2333 (2004 / 2006 with legacy errors). Behind the GraphQL logins and the hosted login page.
 */
export async function checkPassword(
  engine: Engine,
  pool: UserPoolRecord,
  kind: LoginIdentifier,
  identifier: string,
  password: string,
): Promise<UserRecord> {
  const attempt = beginAttempt(engine, pool.id, kind, identifier)
  const user = engine.state.findUser(pool.id, kind, identifier)
  // An unknown account costs the same hashing as a known one, so timing tells nothing either.
  const stored = user?.password ?? unusableHash(engine.settings.passwordIterations)
  const matches = await verifyPassword(password, stored).catch((error: unknown) => {
    attempt.failed()
    throw error
  })
  if (!user?.password || !matches) {
    const remainCount = attempt.failed()
    // Counted per identifier whether or not an account exists, so it tells nothing about accounts.
    if (!engine.settings.legacyLoginErrors) throw new AuthingBusinessError('badCredentials', {}, { remainCount })
    throw new AuthingBusinessError(user ? 'passwordWrong' : 'userNotFound')
  }
  attempt.succeeded()
  return user
}

/** Old password required (2201) and checked (2203) when the user has one; answers the new hash. */
export async function changedPassword(
  engine: Engine,
  user: UserRecord,
  newPassword: string,
  oldPassword: string | null | undefined,
): Promise<PasswordHash> {
  if (user.password) {
    if (!oldPassword) throw new AuthingBusinessError('oldPasswordRequired')
    const old = decryptPassword(engine, oldPassword)
    if (!(await verifyPassword(old, user.password))) throw new AuthingBusinessError('oldPasswordWrong')
  }
  return newPasswordHash(engine, user.userPoolId, newPassword)
}

function unusableHash(iterations: number): PasswordHash {
  return { alg: 'pbkdf2-sha256', iterations, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: '' }
}
