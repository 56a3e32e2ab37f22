import * as users from '../documents/management/users.js'
import * as profile from '../documents/profile.js'
import * as userRoles from '../documents/roles.js'
import * as session from '../documents/session.js'
import * as udf from '../documents/udf.js'
import { AuthingError } from '../errors.js'
import type { SignalOptions } from '../options.js'
import { requireIdentifier, requireList, requireString, type UserIdentifiers } from '../requestParams.js'
import type { AuthorizedResource, CommonMessage, Paginated, RefreshedToken, Role, User } from '../types.js'
import { encodeUdvValues, udvListToObject, type UdvOnWire } from '../udv.js'
import { userFromWire, type UserOnWire } from '../user.js'
import type { ManagementContext } from './managementContext.js'
import type { Group, UserInput } from './types.js'

/** `management.users`: every user of the pool, as an administrator sees them. */
export class UsersManagement {
  constructor(private readonly context: ManagementContext) {}

  /** A page of the pool's users (`limit` at most 80, as Authing caps it). */
  list(page = 1, limit = 10, options: SignalOptions & { excludeUsersInOrg?: boolean } = {}): Promise<Paginated<User>> {
    return this.context.run(async () => {
      const variables = { page, limit, excludeUsersInOrg: options.excludeUsersInOrg }
      const data = await this.context.graphql<{ users: Paginated<UserOnWire> }>(users.usersDocument, variables, options)
      return { totalCount: data.users.totalCount, list: data.users.list.map(userFromWire) }
    })
  }

  /** Creates a user; `password` is sent encrypted (as-is with `keepPassword`, for imported hashes). */
  create(
    userInfo: UserInput,
    options: SignalOptions & {
      keepPassword?: boolean
      resetPasswordOnFirstLogin?: boolean
      customData?: Record<string, unknown>
    } = {},
  ): Promise<User> {
    return this.context.run(async () => {
      if (typeof userInfo !== 'object' || userInfo === null)
        throw new AuthingError('invalid_argument', 'users.create needs a userInfo object')
      const info = { ...userInfo }
      if (info.password !== undefined && !options.keepPassword)
        info.password = await this.context.encrypt(info.password, options.signal)
      const variables = {
        userInfo: info,
        keepPassword: options.keepPassword,
        resetPasswordOnFirstLogin: options.resetPasswordOnFirstLogin,
        params: options.customData
          ? JSON.stringify(Object.entries(options.customData).map(([key, value]) => ({ key, value })))
          : undefined,
      }
      const data = await this.context.graphql<{ createUser: UserOnWire }>(users.createUserDocument, variables, options)
      return userFromWire(data.createUser)
    })
  }

  /** Updates any field of a user, email, phone and password included (the password is encrypted). */
  update(id: string, updates: UserInput, options: SignalOptions = {}): Promise<User> {
    return this.context.run(async () => {
      const input = { ...updates }
      if (input.password !== undefined) input.password = await this.context.encrypt(input.password, options.signal)
      const data = await this.context.graphql<{ updateUser: UserOnWire }>(
        profile.updateUserDocument,
        { id: requireString('id', id), input },
        options,
      )
      return userFromWire(data.updateUser)
    })
  }

  /** One user by id (unknown id: 2004). */
  detail(userId: string, options: SignalOptions & { withCustomData?: boolean } = {}): Promise<User> {
    return this.context.run(async () => {
      const path = `/api/v2/users/${encodeURIComponent(requireString('userId', userId))}`
      const raw = await this.context.rest<UserOnWire>('GET', path, {
        query: { with_custom_data: options.withCustomData },
        signal: options.signal,
      })
      return userFromWire(raw)
    })
  }

  delete(userId: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ deleteUser: CommonMessage }>(
        users.deleteUserDocument,
        { id: requireString('userId', userId) },
        options,
      )
      return data.deleteUser
    })
  }

  deleteMany(userIds: string[], options: SignalOptions = {}): Promise<CommonMessage> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ deleteUsers: CommonMessage }>(
        users.deleteUsersDocument,
        { ids: requireList('userIds', userIds) },
        options,
      )
      return data.deleteUsers
    })
  }

  /** Several users at once, looked up by id (default), username, phone, email or externalId. */
  batch(
    ids: string[],
    options: SignalOptions & {
      queryField?: 'id' | 'username' | 'phone' | 'email' | 'externalId'
      withCustomData?: boolean
    } = {},
  ): Promise<User[]> {
    return this.context.run(async () => {
      const body = {
        ids: requireList('ids', ids),
        type: options.queryField ?? 'id',
        withCustomData: options.withCustomData,
      }
      const list = await this.context.rest<UserOnWire[]>('POST', '/api/v2/users/batch', {
        body,
        signal: options.signal,
      })
      return list.map(userFromWire)
    })
  }

  exists(identifiers: UserIdentifiers, options: SignalOptions = {}): Promise<boolean> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ isUserExists: boolean | null }>(
        session.isUserExistsDocument,
        { ...requireIdentifier(identifiers) },
        options,
      )
      return data.isUserExists === true
    })
  }

  /** The user with this username, email, phone or externalId, or null. */
  find(identifiers: UserIdentifiers, options: SignalOptions = {}): Promise<User | null> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ findUser: UserOnWire | null }>(
        users.findUserDocument,
        { ...requireIdentifier(identifiers) },
        options,
      )
      return data.findUser ? userFromWire(data.findUser) : null
    })
  }

  /** Users whose username, email, phone, nickname or name contain `query`. */
  search(
    query: string,
    options: SignalOptions & { fields?: string[]; page?: number; limit?: number } = {},
  ): Promise<Paginated<User>> {
    return this.context.run(async () => {
      const variables = {
        query: requireString('query', query),
        fields: options.fields,
        page: options.page ?? 1,
        limit: options.limit ?? 10,
      }
      const data = await this.context.graphql<{ searchUser: Paginated<UserOnWire> }>(
        users.searchUserDocument,
        variables,
        options,
      )
      return { totalCount: data.searchUser.totalCount, list: data.searchUser.list.map(userFromWire) }
    })
  }

  /** Mints a fresh id_token for a user (e.g. to act on their behalf from your server). */
  refreshToken(userId: string, options: SignalOptions = {}): Promise<RefreshedToken> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ refreshToken: RefreshedToken }>(
        session.refreshTokenDocument,
        { id: requireString('userId', userId) },
        options,
      )
      return data.refreshToken
    })
  }

  listRoles(userId: string, namespace?: string, options: SignalOptions = {}): Promise<Paginated<Role>> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ user: { roles: Paginated<Role> | null } | null }>(
        userRoles.getUserRolesDocument,
        { id: requireString('userId', userId), namespace },
        options,
      )
      if (!data.user) throw new AuthingError(2004, `No user ${userId}`)
      return data.user.roles ?? { totalCount: 0, list: [] }
    })
  }

  addRoles(
    userId: string,
    roleCodes: string[],
    namespace?: string,
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.roleChange(users.assignRoleDocument, 'assignRole', userId, roleCodes, namespace, options)
  }

  removeRoles(
    userId: string,
    roleCodes: string[],
    namespace?: string,
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.roleChange(users.revokeRoleDocument, 'revokeRole', userId, roleCodes, namespace, options)
  }

  async hasRole(userId: string, roleCode: string, namespace?: string, options: SignalOptions = {}): Promise<boolean> {
    const { list } = await this.listRoles(userId, namespace, options)
    return list.some((role) => role.code === roleCode)
  }

  listAuthorizedResources(
    userId: string,
    namespace: string,
    options: SignalOptions & { resourceType?: string } = {},
  ): Promise<Paginated<AuthorizedResource>> {
    return this.context.run(async () => {
      const variables = {
        id: requireString('userId', userId),
        namespace: requireString('namespace', namespace),
        resourceType: options.resourceType,
      }
      const data = await this.context.graphql<{
        user: { authorizedResources: Paginated<AuthorizedResource> | null } | null
      }>(userRoles.listUserAuthorizedResourcesDocument, variables, options)
      if (!data.user) throw new AuthingError(2004, `No user ${userId}`)
      return data.user.authorizedResources ?? { totalCount: 0, list: [] }
    })
  }

  getUdfValue(userId: string, options: SignalOptions = {}): Promise<Record<string, unknown>> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ udv: UdvOnWire[] }>(
        udf.udvDocument,
        { targetType: 'USER', targetId: requireString('userId', userId) },
        options,
      )
      return udvListToObject(data.udv)
    })
  }

  setUdfValue(
    userId: string,
    values: Record<string, unknown>,
    options: SignalOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.context.run(async () => {
      if (typeof values !== 'object' || values === null || !Object.keys(values).length) {
        throw new AuthingError('invalid_argument', 'setUdfValue needs an object with at least one key')
      }
      const variables = {
        targetType: 'USER',
        targetId: requireString('userId', userId),
        udvList: encodeUdvValues(values),
      }
      const data = await this.context.graphql<{ setUdvBatch: UdvOnWire[] | null }>(
        udf.setUdvBatchDocument,
        variables,
        options,
      )
      return udvListToObject(data.setUdvBatch)
    })
  }

  removeUdfValue(userId: string, key: string, options: SignalOptions = {}): Promise<void> {
    return this.context.run(async () => {
      const variables = {
        targetType: 'USER',
        targetId: requireString('userId', userId),
        key: requireString('key', key),
      }
      await this.context.graphql(udf.removeUdvDocument, variables, options)
    })
  }

  listGroups(userId: string, options: SignalOptions = {}): Promise<Paginated<Group>> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ user: { groups: Paginated<Group> | null } | null }>(
        users.getUserGroupsDocument,
        { id: requireString('userId', userId) },
        options,
      )
      if (!data.user) throw new AuthingError(2004, `No user ${userId}`)
      return data.user.groups ?? { totalCount: 0, list: [] }
    })
  }

  addGroup(userId: string, groupCode: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.groupChange(users.addUserToGroupDocument, 'addUserToGroup', userId, groupCode, options)
  }

  removeGroup(userId: string, groupCode: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.groupChange(users.removeUserFromGroupDocument, 'removeUserFromGroup', userId, groupCode, options)
  }

  private roleChange(
    document: string,
    field: string,
    userId: string,
    roleCodes: string[],
    namespace: string | undefined,
    options: SignalOptions,
  ) {
    return this.context.run(async () => {
      const variables = {
        userIds: [requireString('userId', userId)],
        roleCodes: requireList('roleCodes', roleCodes),
        namespace,
      }
      const data = await this.context.graphql<Record<string, CommonMessage>>(document, variables, options)
      return data[field] ?? { code: 200, message: null }
    })
  }

  private groupChange(document: string, field: string, userId: string, code: string, options: SignalOptions) {
    return this.context.run(async () => {
      const variables = { userIds: [requireString('userId', userId)], code: requireString('groupCode', code) }
      const data = await this.context.graphql<Record<string, CommonMessage>>(document, variables, options)
      return data[field] ?? { code: 200, message: null }
    })
  }
}
