/**
 * Users: lookups, the uniqueness of identifiers, creation and removal, an administrator's updates,
 * lists and search. Identifiers are compared by `normaliseIdentifier` (../../model/users.ts) in
 * every lookup, uniqueness check and lockout; emails and phones arriving on the wire are checked
 * and normalised here first.
 */
import { keys } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import { newUserRecord, profileFields, profileOf, type UserLookup, type UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { dropGrants } from './grants.js'
import { passwordFor } from './passwords.js'
import { endUserSessions } from './sessions/tokens.js'

export function normaliseEmail(email: string, error: 'emailFormat' | 'emailInvalid' = 'emailFormat'): string {
  const trimmed = email.trim().toLowerCase()
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) throw new AuthingBusinessError(error)
  return trimmed
}

/**
 * A username as it is stored: trimmed, Unicode NFC. Empty, or holding a control or invisible format
 * character (NUL, line breaks, zero-width and bidi marks), it is refused: such names look like another
 * account on every screen, and a line break forges lines in line-based answers (CAS 1.0).
 */
export function normaliseUsername(username: string): string {
  const normalised = username.trim().normalize('NFC')
  if (!normalised || /[\p{Cc}\p{Cf}]/u.test(normalised)) throw new AuthingBusinessError('usernameInvalid')
  return normalised
}

export function normalisePhone(phone: string): string {
  const trimmed = phone.trim()
  if (!/^\+?[0-9][0-9-]{3,19}$/.test(trimmed)) throw new AuthingBusinessError('phoneFormat')
  return trimmed
}

/** The users `ids` name, every one of which must be in the pool (else 2004). */
export function existingUsers(state: EmulatorState, poolId: string, ids: readonly string[]): UserRecord[] {
  return ids.map((id) => {
    const user = state.users.get(id)
    if (!user || user.userPoolId !== poolId) throw new AuthingBusinessError('userNotFound')
    return user
  })
}

export interface Identifiers {
  username?: string | null
  email?: string | null
  phone?: string | null
  externalId?: string | null
}

/**
 * Checks uniqueness of every identifier a user would have (username 2034, phone 2035, email and
 * externalId 2026); `exceptUserId` is the user being updated, who may keep their own.
 */
export function assertFree(state: EmulatorState, poolId: string, fields: Identifiers, exceptUserId?: string): void {
  const taken = (kind: UserLookup, value: string | null | undefined): boolean => {
    const other = value ? state.findUser(poolId, kind, value) : undefined
    return other !== undefined && other.id !== exceptUserId
  }
  if (taken('username', fields.username)) throw new AuthingBusinessError('usernameExists')
  if (taken('phone', fields.phone)) throw new AuthingBusinessError('phoneExists')
  if (taken('email', fields.email) || taken('externalId', fields.externalId))
    throw new AuthingBusinessError('userExists')
}

/** Whether any of the identifiers names a user of the pool. */
export function anyUserExists(state: EmulatorState, poolId: string, ids: Identifiers): boolean {
  const find = (kind: UserLookup, value: string | null | undefined): boolean =>
    Boolean(value && state.findUser(poolId, kind, value.trim()))
  return (
    find('username', ids.username) ||
    find('email', ids.email) ||
    find('phone', ids.phone) ||
    find('externalId', ids.externalId)
  )
}

/** The first user found by username, email, phone, then externalId. */
export function findByAny(
  state: EmulatorState,
  poolId: string,
  ids: Partial<Record<UserLookup, string | null>>,
): UserRecord | null {
  const kinds: UserLookup[] = ['username', 'email', 'phone', 'externalId']
  for (const kind of kinds) {
    const value = ids[kind]?.trim()
    const user = value ? state.findUser(poolId, kind, value) : undefined
    if (user) return user
  }
  return null
}

/** Users looked up by id, username, email, phone or externalId; unknown ones are left out. */
export function usersBy(state: EmulatorState, poolId: string, values: readonly unknown[], type: string): UserRecord[] {
  if (!['id', 'username', 'email', 'phone', 'externalId'].includes(type))
    throw new AuthingBusinessError('invalidParam', { field: 'type' })
  const out: UserRecord[] = []
  for (const value of values) {
    if (typeof value !== 'string') throw new AuthingBusinessError('invalidParam', { field: 'ids' })
    const user = type === 'id' ? state.users.get(value) : state.findUser(poolId, type as UserLookup, value.trim())
    if (user && user.userPoolId === poolId) out.push(user)
  }
  return out
}

export type UserSort = 'CREATEDAT_DESC' | 'CREATEDAT_ASC' | 'UPDATEDAT_DESC' | 'UPDATEDAT_ASC'

/**
 * One page of the pool's users. Creation order is kept by the state's ordered index, so a page
 * costs the same wherever it is; only the rare updatedAt sorts copy the list.
 */
export function pageOfUsers(
  state: EmulatorState,
  poolId: string,
  { page, limit }: { page: number; limit: number },
  sortBy: UserSort,
): { totalCount: number; list: UserRecord[] } {
  const ids = state.userIdsInOrder(poolId)
  const start = (page - 1) * limit
  const end = Math.min(ids.length, start + limit)
  const users: UserRecord[] = []
  if (sortBy === 'CREATEDAT_DESC' || sortBy === 'CREATEDAT_ASC') {
    for (let i = start; i < end; i++) {
      const id = ids[sortBy === 'CREATEDAT_ASC' ? i : ids.length - 1 - i]
      const user = id === undefined ? undefined : state.users.get(id)
      if (user) users.push(user)
    }
  } else {
    const all = ids.flatMap((id) => state.users.get(id) ?? [])
    const sign = sortBy === 'UPDATEDAT_ASC' ? 1 : -1
    all.sort((a, b) => sign * a.updatedAt.localeCompare(b.updatedAt))
    users.push(...all.slice(start, end))
  }
  return { totalCount: ids.length, list: users }
}

const searchableFields = new Set<string>(['username', 'email', 'phone', 'externalId', ...profileFields])

/** A user's value of a searchable field. */
function fieldValue(user: UserRecord, field: string): string | null {
  if (field === 'username' || field === 'email' || field === 'phone' || field === 'externalId') return user[field]
  return user.profile[field as (typeof profileFields)[number]] ?? null
}

/** Case-insensitive substring search over username, email, phone, nickname and name (or `fields`), newest first. */
export function searchUsers(
  state: EmulatorState,
  poolId: string,
  query: string,
  fields: readonly (string | null)[],
): UserRecord[] {
  const wanted = fields.filter((f): f is string => !!f && searchableFields.has(f))
  const searched = wanted.length ? wanted : ['username', 'email', 'phone', 'nickname', 'name']
  const needle = query.toLowerCase()
  const ids = state.userIdsInOrder(poolId)
  const found: UserRecord[] = []
  for (let i = ids.length - 1; i >= 0; i--) {
    const user = state.users.get(ids[i] ?? '')
    if (user && searched.some((f) => fieldValue(user, f)?.toLowerCase().includes(needle))) found.push(user)
  }
  return found
}

/** Writes `changes` to the user, stamped now. */
export function saveUser(engine: Engine, user: UserRecord, changes: Partial<UserRecord>): UserRecord {
  const at = new Date(engine.settings.now()).toISOString()
  const updated: UserRecord = {
    ...user,
    ...changes,
    ...(changes.password ? { passwordLastSetAt: at } : {}),
    updatedAt: at,
  }
  engine.state.users.set(user.id, updated)
  return updated
}

/** Removes a user and everything hanging off them. */
export function removeUser(state: EmulatorState, user: UserRecord): void {
  state.users.delete(user.id)
  state.userRoles.delete(user.id)
  state.userGroups.delete(user.id)
  state.udvs.delete(keys.udv('USER', user.id))
  state.totpAuthenticators.delete(user.id)
  for (const [id, passkey] of [...state.passkeys.entries()]) if (passkey.userId === user.id) state.passkeys.delete(id)
  dropGrants(state, user.userPoolId, (g) => g.targetType === 'USER' && g.targetId === user.id)
  for (const [key, login] of [...state.appLogins.entries()]) if (login.userId === user.id) state.appLogins.delete(key)
  for (const [key, link] of [...state.identities.entries()]) if (link.userId === user.id) state.identities.delete(key)
}

const isIsoDateTime = (value: string) =>
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) &&
  !Number.isNaN(Date.parse(value))

/** The fields an administrator may set on a user besides profile fields and identifiers. */
function adminFields(input: Record<string, unknown>): Partial<UserRecord> {
  const out: Partial<UserRecord> = {}
  const flags = ['emailVerified', 'phoneVerified'] as const
  for (const flag of flags) if (typeof input[flag] === 'boolean') out[flag] = input[flag]
  const strings = ['unionid', 'openid', 'phoneCountryCode', 'lastIP'] as const
  for (const field of strings) if (typeof input[field] === 'string') out[field] = input[field]
  // Dates the console shows and sorts by: a malformed one is refused, not stored (as Authing does).
  // `signedUp` is the account's creation (an import keeps its users' own).
  for (const [field, stored] of [
    ['lastLogin', 'lastLogin'],
    ['signedUp', 'createdAt'],
  ] as const) {
    const value = input[field]
    if (value == null) continue
    if (typeof value !== 'string' || !isIsoDateTime(value)) throw new AuthingBusinessError('invalidDate', { field })
    out[stored] = new Date(value).toISOString()
  }
  if (typeof input.loginsCount === 'number') out.loginsCount = input.loginsCount
  return out
}

export interface CreateUserInput {
  username?: string | null
  email?: string | null
  phone?: string | null
  externalId?: string | null
  password?: string | null
  registerSource?: string[] | null
  [field: string]: unknown
}

/**
 * The password arrives RSA-encrypted, or in clear with `keepPassword`; a user needs some identifier.
 * With `resetPasswordOnFirstLogin` (and a password), the first password login asks for a new one (1639).
 */
export async function createUser(
  engine: Engine,
  poolId: string,
  input: CreateUserInput,
  { keepPassword, resetPasswordOnFirstLogin }: { keepPassword: boolean; resetPasswordOnFirstLogin: boolean },
): Promise<UserRecord> {
  const ids = {
    username: input.username ? normaliseUsername(input.username) : null,
    email: input.email ? normaliseEmail(input.email) : null,
    phone: input.phone ? normalisePhone(input.phone) : null,
    externalId: input.externalId || null,
  }
  if (!ids.username && !ids.email && !ids.phone && !ids.externalId)
    throw new AuthingBusinessError('invalidParam', { field: 'username | email | phone' })
  assertFree(engine.state, poolId, ids)
  const password = await passwordFor(engine, poolId, input.password, keepPassword)
  assertFree(engine.state, poolId, ids) // again: another write may have won while we hashed
  const admin = adminFields(input)
  const user = newUserRecord(poolId, admin.createdAt ?? new Date(engine.settings.now()).toISOString(), {
    ...ids,
    ...admin,
    password,
    ...(resetPasswordOnFirstLogin && password ? { resetPasswordOnFirstLogin } : {}),
    profile: profileOf(input),
    registerSource: input.registerSource?.length ? input.registerSource : ['import:manual'],
  })
  engine.state.users.set(user.id, user)
  return user
}

/** updateUser by an administrator: identifiers (unique), password (RSA-encrypted), flags and profile. */
export async function adminUpdateUser(
  engine: Engine,
  user: UserRecord,
  input: Record<string, unknown>,
): Promise<UserRecord> {
  const { state } = engine
  const str = (field: string): string | null =>
    typeof input[field] === 'string' && input[field] !== '' ? (input[field] as string) : null
  const ids = {
    username: str('username') && normaliseUsername(str('username') ?? ''),
    email: str('email') && normaliseEmail(str('email') ?? ''),
    phone: str('phone') && normalisePhone(str('phone') ?? ''),
    externalId: str('externalId'),
  }
  assertFree(state, user.userPoolId, ids, user.id)
  const password = await passwordFor(engine, user.userPoolId, str('password'), false)
  const current = state.users.get(user.id)
  if (!current) throw new AuthingBusinessError('userNotFound')
  assertFree(state, user.userPoolId, ids, user.id) // again: a concurrent write may have won while we hashed
  const profile = { ...current.profile }
  for (const field of profileFields)
    if (field in input) profile[field] = typeof input[field] === 'string' ? (input[field] as string) : null
  const updated: UserRecord = {
    ...current,
    ...adminFields(input),
    ...Object.fromEntries(Object.entries(ids).filter(([, value]) => value !== null)),
    ...(password ? { password, passwordLastSetAt: new Date(engine.settings.now()).toISOString() } : {}),
    profile,
    updatedAt: new Date(engine.settings.now()).toISOString(),
  }
  state.users.set(user.id, updated)
  // An administrator setting a password (a suspected takeover, a lost device) ends every session.
  if (password) endUserSessions(engine, user.id)
  return updated
}
