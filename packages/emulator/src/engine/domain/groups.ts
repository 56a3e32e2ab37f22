/**
 * Groups of users, by code. What is granted to a group reaches its members (see ./grants.ts).
 */
import { objectId } from '../../model/crypto.js'
import { type GroupRecord, keys } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import type { UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { dropGrants } from './grants.js'
import { existingUsers } from './users.js'

export function groupsOfUser(state: EmulatorState, user: UserRecord): GroupRecord[] {
  const out: GroupRecord[] = []
  for (const key of state.userGroups.get(user.id) ?? []) {
    const group = state.groups.get(key)
    if (group) out.push(group)
  }
  return out
}

export function membersOf(state: EmulatorState, group: GroupRecord): UserRecord[] {
  const key = keys.group(group.userPoolId, group.code)
  const out: UserRecord[] = []
  for (const [userId, groupKeys] of state.userGroups.entries()) {
    const user = groupKeys.includes(key) ? state.users.get(userId) : undefined
    if (user) out.push(user)
  }
  return out
}

export function findGroup(state: EmulatorState, poolId: string, code: string | null | undefined): GroupRecord {
  const group = code ? state.groups.get(keys.group(poolId, code)) : undefined
  if (!group) throw new AuthingBusinessError('groupNotFound', { code: code ?? '' })
  return group
}

export function groupsOfPool(state: EmulatorState, poolId: string): GroupRecord[] {
  return [...state.groups.values()].filter((g) => g.userPoolId === poolId)
}

/** Rewrites every member's group list (on rename and delete). */
function replaceMembership(state: EmulatorState, from: string, to: string | null): void {
  for (const [userId, groupKeys] of [...state.userGroups.entries()]) {
    if (!groupKeys.includes(from)) continue
    const next = groupKeys.filter((k) => k !== from)
    if (to) next.push(to)
    state.userGroups.set(userId, next)
  }
}

export function createGroup(
  engine: Engine,
  poolId: string,
  args: { code: string; name: string; description?: string | null },
): GroupRecord {
  const key = keys.group(poolId, args.code)
  if (!args.code.trim()) throw new AuthingBusinessError('invalidParam', { field: 'code' })
  if (engine.state.groups.has(key)) throw new AuthingBusinessError('groupExists', { code: args.code })
  const at = new Date(engine.settings.now()).toISOString()
  const group: GroupRecord = {
    id: objectId(),
    userPoolId: poolId,
    code: args.code,
    name: args.name,
    description: args.description ?? null,
    createdAt: at,
    updatedAt: at,
  }
  engine.state.groups.set(key, group)
  return group
}

/** A new code re-points the group's members. */
export function updateGroup(
  engine: Engine,
  poolId: string,
  args: { code: string; name?: string | null; description?: string | null; newCode?: string | null },
): GroupRecord {
  const { state } = engine
  const group = findGroup(state, poolId, args.code)
  const code = args.newCode || group.code
  const oldKey = keys.group(poolId, group.code)
  const newKey = keys.group(poolId, code)
  if (newKey !== oldKey && state.groups.has(newKey)) throw new AuthingBusinessError('groupExists', { code })
  const updated: GroupRecord = {
    ...group,
    code,
    name: args.name ?? group.name,
    description: args.description === undefined ? group.description : args.description,
    updatedAt: new Date(engine.settings.now()).toISOString(),
  }
  if (newKey !== oldKey) {
    state.groups.delete(oldKey)
    replaceMembership(state, oldKey, newKey)
  }
  state.groups.set(newKey, updated)
  return updated
}

/** Every code must exist (else nothing is deleted); members leave, grants to the groups go. */
export function deleteGroups(state: EmulatorState, poolId: string, codes: readonly string[]): void {
  const groups = codes.map((code) => findGroup(state, poolId, code))
  for (const group of groups) {
    const key = keys.group(poolId, group.code)
    replaceMembership(state, key, null)
    dropGrants(state, poolId, (g) => g.targetType === 'GROUP' && g.targetId === group.id)
    state.groups.delete(key)
  }
}

/** Rewrites the group lists of users `userIds` (all checked first) with `change`. */
function changeMembers(
  state: EmulatorState,
  poolId: string,
  code: string | null | undefined,
  userIds: readonly string[],
  change: (current: string[], key: string) => string[] | null,
): void {
  const group = findGroup(state, poolId, code)
  const key = keys.group(poolId, group.code)
  for (const user of existingUsers(state, poolId, userIds)) {
    const next = change(state.userGroups.get(user.id) ?? [], key)
    if (next) state.userGroups.set(user.id, next)
  }
}

export function addUsersToGroup(
  state: EmulatorState,
  poolId: string,
  code: string | null | undefined,
  userIds: readonly string[],
): void {
  changeMembers(state, poolId, code, userIds, (current, key) => (current.includes(key) ? null : [...current, key]))
}

export function removeUsersFromGroup(
  state: EmulatorState,
  poolId: string,
  code: string | null | undefined,
  userIds: readonly string[],
): void {
  changeMembers(state, poolId, code, userIds, (current, key) =>
    current.includes(key) ? current.filter((k) => k !== key) : null,
  )
}
