/**
 * Users (management): users, createUser, deleteUser(s), findUser, searchUser, userBatch, an
 * administrator's updateUser, and the REST detail and batch reads.
 */
import type { RequestContext } from '../../requestContext.js'
import { hashPassword } from '../../../model/crypto.js'
import { AuthingBusinessError, commonMessage } from '../../domain/errors.js'
import { normaliseEmail, normalisePhone } from '../../http/input.js'
import { pageOf, type Page } from '../../http/paging.js'
import { dropGrants } from '../../domain/grants.js'
import { keys, profileFields, type UserLookup, type UserRecord } from '../../../model/state.js'
import { graphqlUser, restUser } from '../../views/users.js'
import { assertFree, newPasswordHash, newUserRecord, passwordProblem, profileOf } from './auth.js'
import type { RestRoutes } from '../../rest/types.js'
import type { RootResolvers } from '../types.js'

/** The users `ids` name, every one of which must be in the pool (else 2004). */
export function existingUsers(ctx: RequestContext, poolId: string, ids: readonly string[]): UserRecord[] {
  return ids.map((id) => {
    const user = ctx.state.users.get(id)
    if (!user || user.userPoolId !== poolId) throw new AuthingBusinessError('userNotFound')
    return user
  })
}

type SortBy = 'CREATEDAT_DESC' | 'CREATEDAT_ASC' | 'UPDATEDAT_DESC' | 'UPDATEDAT_ASC'

/**
 * One page of the pool's users. Creation order is kept by the state's ordered index, so a page
 * costs the same wherever it is; only the rare updatedAt sorts copy the list.
 */
function pageOfUsers(ctx: RequestContext, poolId: string, { page, limit }: Page, sortBy: SortBy): { totalCount: number; list: UserRecord[] } {
  const ids = ctx.state.userIdsInOrder(poolId)
  const start = (page - 1) * limit
  const end = Math.min(ids.length, start + limit)
  const users: UserRecord[] = []
  if (sortBy === 'CREATEDAT_DESC' || sortBy === 'CREATEDAT_ASC') {
    for (let i = start; i < end; i++) {
      const id = ids[sortBy === 'CREATEDAT_ASC' ? i : ids.length - 1 - i]
      const user = id === undefined ? undefined : ctx.state.users.get(id)
      if (user) users.push(user)
    }
  } else {
    const all = ids.flatMap((id) => ctx.state.users.get(id) ?? [])
    const sign = sortBy === 'UPDATEDAT_ASC' ? 1 : -1
    all.sort((a, b) => sign * a.updatedAt.localeCompare(b.updatedAt))
    users.push(...all.slice(start, end))
  }
  return { totalCount: ids.length, list: users }
}

/** Removes a user and everything hanging off them. */
function removeUser(ctx: RequestContext, user: UserRecord): void {
  const { state } = ctx
  state.users.delete(user.id)
  state.userRoles.delete(user.id)
  state.userGroups.delete(user.id)
  state.udvs.delete(keys.udv('USER', user.id))
  dropGrants(state, user.userPoolId, (g) => g.targetType === 'USER' && g.targetId === user.id)
  for (const [key, login] of [...state.appLogins.entries()]) if (login.userId === user.id) state.appLogins.delete(key)
}

interface CreateUserInput {
  username?: string | null
  email?: string | null
  phone?: string | null
  externalId?: string | null
  password?: string | null
  registerSource?: string[] | null
  [field: string]: unknown
}

const searchableFields = new Set<string>(['username', 'email', 'phone', 'externalId', ...profileFields])

/** A user's value of a searchable field. */
function fieldValue(user: UserRecord, field: string): string | null {
  if (field === 'username' || field === 'email' || field === 'phone' || field === 'externalId') return user[field]
  return user.profile[field as (typeof profileFields)[number]] ?? null
}

/** The fields an administrator may set on a user besides profile fields and identifiers. */
function adminFields(input: Record<string, unknown>): Partial<UserRecord> {
  const out: Partial<UserRecord> = {}
  const flags = ['emailVerified', 'phoneVerified'] as const
  for (const flag of flags) if (typeof input[flag] === 'boolean') out[flag] = input[flag]
  const strings = ['unionid', 'openid', 'phoneCountryCode', 'lastLogin', 'lastIP'] as const
  for (const field of strings) if (typeof input[field] === 'string') out[field] = input[field]
  if (typeof input.loginsCount === 'number') out.loginsCount = input.loginsCount
  return out
}

/** A password given in clear (`keepPassword`) or RSA-encrypted, hashed; none: null. */
async function passwordFor(ctx: RequestContext, password: string | null | undefined, clear: boolean) {
  if (!password) return null
  if (!clear) return newPasswordHash(ctx, password)
  const problem = passwordProblem(password)
  if (problem) throw new AuthingBusinessError(problem)
  return hashPassword(password, ctx.engine.settings.passwordIterations)
}

/** updateUser by an administrator: identifiers (unique), password (RSA-encrypted), flags and profile. */
export async function adminUpdateUser(ctx: RequestContext, user: UserRecord, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const str = (field: string): string | null => (typeof input[field] === 'string' && input[field] !== '' ? (input[field] as string) : null)
  const ids = {
    username: str('username'),
    email: str('email') && normaliseEmail(str('email') ?? ''),
    phone: str('phone') && normalisePhone(str('phone') ?? ''),
    externalId: str('externalId'),
  }
  assertFree(ctx, user.userPoolId, ids, user.id)
  const password = await passwordFor(ctx, str('password'), false)
  const current = ctx.state.users.get(user.id)
  if (!current) throw new AuthingBusinessError('userNotFound')
  assertFree(ctx, user.userPoolId, ids, user.id) // again: a concurrent write may have won while we hashed
  const profile = { ...current.profile }
  for (const field of profileFields) if (field in input) profile[field] = typeof input[field] === 'string' ? (input[field] as string) : null
  const updated: UserRecord = {
    ...current,
    ...adminFields(input),
    ...Object.fromEntries(Object.entries(ids).filter(([, value]) => value !== null)),
    ...(password ? { password } : {}),
    profile,
    updatedAt: new Date(ctx.now()).toISOString(),
  }
  ctx.state.users.set(user.id, updated)
  return graphqlUser(ctx, updated)
}

export const managementUserResolvers: RootResolvers = {
  async users(args: { page?: number | null; limit?: number | null; sortBy?: SortBy | null }, ctx) {
    const pool = await ctx.management()
    const { totalCount, list } = pageOfUsers(ctx, pool.id, pageOf(args.page, args.limit), args.sortBy ?? 'CREATEDAT_DESC')
    return { totalCount, list: list.map((user) => graphqlUser(ctx, user)) }
  },

  /** The password arrives RSA-encrypted, or in clear with `keepPassword`; a user needs some identifier. */
  async createUser(args: { userInfo: CreateUserInput; keepPassword?: boolean | null }, ctx) {
    const pool = await ctx.management()
    const input = args.userInfo
    const ids = {
      username: input.username?.trim() || null,
      email: input.email ? normaliseEmail(input.email) : null,
      phone: input.phone ? normalisePhone(input.phone) : null,
      externalId: input.externalId || null,
    }
    if (!ids.username && !ids.email && !ids.phone && !ids.externalId) throw new AuthingBusinessError('invalidParam', { field: 'username | email | phone' })
    assertFree(ctx, pool.id, ids)
    const password = await passwordFor(ctx, input.password, args.keepPassword === true)
    assertFree(ctx, pool.id, ids)
    const user = newUserRecord(pool.id, new Date(ctx.now()).toISOString(), {
      ...ids,
      ...adminFields(input),
      password,
      profile: profileOf(input),
      registerSource: input.registerSource?.length ? input.registerSource : ['import:manual'],
    })
    ctx.state.users.set(user.id, user)
    return graphqlUser(ctx, user, { newlyCreated: true })
  },

  async deleteUser(args: { id: string }, ctx) {
    const pool = await ctx.management()
    for (const user of existingUsers(ctx, pool.id, [args.id])) removeUser(ctx, user)
    return commonMessage(ctx.lang, 'deleted')
  },

  /** Every id must be a user of the pool, else nothing is deleted (2004). */
  async deleteUsers(args: { ids: string[] }, ctx) {
    const pool = await ctx.management()
    for (const user of existingUsers(ctx, pool.id, args.ids)) removeUser(ctx, user)
    return commonMessage(ctx.lang, 'deleted')
  },

  async findUser(args: Partial<Record<UserLookup, string | null>>, ctx) {
    const pool = await ctx.management()
    const kinds: UserLookup[] = ['username', 'email', 'phone', 'externalId']
    for (const kind of kinds) {
      const value = args[kind]?.trim()
      const user = value ? ctx.state.findUser(pool.id, kind, value) : undefined
      if (user) return graphqlUser(ctx, user)
    }
    return null
  },

  /** Case-insensitive substring search over username, email, phone, nickname and name (or `fields`), newest first. */
  async searchUser(args: { query: string; fields?: (string | null)[] | null; page?: number | null; limit?: number | null }, ctx) {
    const pool = await ctx.management()
    const { page, limit } = pageOf(args.page, args.limit)
    const fields = (args.fields ?? []).filter((f): f is string => !!f && searchableFields.has(f))
    const searched = fields.length ? fields : ['username', 'email', 'phone', 'nickname', 'name']
    const needle = args.query.toLowerCase()
    const ids = ctx.state.userIdsInOrder(pool.id)
    const found: UserRecord[] = []
    for (let i = ids.length - 1; i >= 0; i--) {
      const user = ctx.state.users.get(ids[i] ?? '')
      if (user && searched.some((f) => fieldValue(user, f)?.toLowerCase().includes(needle))) found.push(user)
    }
    const start = (page - 1) * limit
    return { totalCount: found.length, list: found.slice(start, start + limit).map((user) => graphqlUser(ctx, user)) }
  },

  async userBatch(args: { ids: string[]; type?: string | null }, ctx) {
    const pool = await ctx.management()
    return usersBy(ctx, pool.id, args.ids, args.type ?? 'id').map((user) => graphqlUser(ctx, user))
  },
}

/** Users looked up by id, username, email, phone or externalId; unknown ones are left out. */
function usersBy(ctx: RequestContext, poolId: string, values: readonly unknown[], type: string): UserRecord[] {
  if (!['id', 'username', 'email', 'phone', 'externalId'].includes(type)) throw new AuthingBusinessError('invalidParam', { field: 'type' })
  const out: UserRecord[] = []
  for (const value of values) {
    if (typeof value !== 'string') throw new AuthingBusinessError('invalidParam', { field: 'ids' })
    const user = type === 'id' ? ctx.state.users.get(value) : ctx.state.findUser(poolId, type as UserLookup, value.trim())
    if (user && user.userPoolId === poolId) out.push(user)
  }
  return out
}

function withoutCustomData(user: Record<string, unknown>): Record<string, unknown> {
  const { customData: _, ...rest } = user
  return rest
}

export const managementUserRoutes: RestRoutes = {
  'GET /api/v2/users/:id': async (ctx, { url, params }) => {
    const pool = await ctx.management()
    const [user] = existingUsers(ctx, pool.id, [params.id ?? ''])
    if (!user) throw new AuthingBusinessError('userNotFound')
    const shown = restUser(ctx, user)
    return url.searchParams.get('with_custom_data') === 'true' ? shown : withoutCustomData(shown)
  },
  'POST /api/v2/users/batch': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    if (!Array.isArray(body.ids)) throw new AuthingBusinessError('invalidParam', { field: 'ids' })
    const type = typeof body.type === 'string' ? body.type : 'id'
    const shown = usersBy(ctx, pool.id, body.ids, type).map((user) => restUser(ctx, user))
    return body.withCustomData === true ? shown : shown.map(withoutCustomData)
  },
}
