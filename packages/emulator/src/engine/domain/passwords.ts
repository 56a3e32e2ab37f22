/**
 * Passwords: they arrive RSA-encrypted (or in clear where an administrator says so), must pass the
 * registration rule, are stored as PBKDF2 hashes, and are checked with the login lockout.
 */
import { hashPassword, type PasswordHash, verifyPassword } from '../../model/crypto.js'
import type { UserPoolRecord } from '../../model/records.js'
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

/** The registration rule, shared with checkPasswordStrength so both always agree. */
export function passwordProblem(password: string): 'passwordRequired' | 'passwordTooShort' | null {
  if (password === '') return 'passwordRequired'
  return password.length < 6 ? 'passwordTooShort' : null
}

function hashNewPassword(engine: Engine, password: string): Promise<PasswordHash> {
  const problem = passwordProblem(password)
  if (problem) throw new AuthingBusinessError(problem)
  return hashPassword(password, engine.settings.passwordIterations)
}

/** The hash of a new password that arrives RSA-encrypted. */
export function newPasswordHash(engine: Engine, ciphertext: string): Promise<PasswordHash> {
  return hashNewPassword(engine, decryptPassword(engine, ciphertext))
}

/** A password given in clear (`clear`: an administrator's `keepPassword`) or RSA-encrypted, hashed; none: null. */
export async function passwordFor(
  engine: Engine,
  password: string | null | undefined,
  clear: boolean,
): Promise<PasswordHash | null> {
  if (!password) return null
  return clear ? hashNewPassword(engine, password) : newPasswordHash(engine, password)
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
    attempt.failed()
    if (!engine.settings.legacyLoginErrors) throw new AuthingBusinessError('badCredentials')
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
  return newPasswordHash(engine, newPassword)
}

function unusableHash(iterations: number): PasswordHash {
  return { alg: 'pbkdf2-sha256', iterations, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: '' }
}
