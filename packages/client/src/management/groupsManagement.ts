import * as groups from '../documents/management/groups.js'
import * as userDocs from '../documents/management/users.js'
import type { SignalOptions } from '../options.js'
import { requireList, requireString } from '../requestParams.js'
import type { CommonMessage, Paginated, User } from '../types.js'
import { userFromWire, type UserOnWire } from '../user.js'
import type { ManagementContext } from './managementContext.js'
import type { Group } from './types.js'

/** `management.groups`: named sets of users, by code. */
export class GroupsManagement {
  constructor(private readonly context: ManagementContext) {}

  create(code: string, name: string, description?: string, options: SignalOptions = {}): Promise<Group> {
    return this.context.run(async () => {
      const variables = { code: requireString('code', code), name: requireString('name', name), description }
      return (await this.context.graphql<{ createGroup: Group }>(groups.createGroupDocument, variables, options))
        .createGroup
    })
  }

  delete(code: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.deleteMany([code], options)
  }

  deleteMany(codes: string[], options: SignalOptions = {}): Promise<CommonMessage> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ deleteGroups: CommonMessage }>(
        groups.deleteGroupsDocument,
        { codeList: requireList('codes', codes) },
        options,
      )
      return data.deleteGroups
    })
  }

  update(
    code: string,
    updates: SignalOptions & { name?: string; description?: string; newCode?: string } = {},
  ): Promise<Group> {
    return this.context.run(async () => {
      const variables = {
        code: requireString('code', code),
        name: updates.name,
        description: updates.description,
        newCode: updates.newCode,
      }
      return (await this.context.graphql<{ updateGroup: Group }>(groups.updateGroupDocument, variables, updates))
        .updateGroup
    })
  }

  /** The group, or null. */
  detail(code: string, options: SignalOptions = {}): Promise<Group | null> {
    return this.context.run(async () => {
      return (
        await this.context.graphql<{ group: Group | null }>(
          groups.groupDocument,
          { code: requireString('code', code) },
          options,
        )
      ).group
    })
  }

  list(page = 1, limit = 10, options: SignalOptions = {}): Promise<Paginated<Group>> {
    return this.context.run(async () => {
      return (await this.context.graphql<{ groups: Paginated<Group> }>(groups.groupsDocument, { page, limit }, options))
        .groups
    })
  }

  listUsers(code: string, options: SignalOptions & { page?: number; limit?: number } = {}): Promise<Paginated<User>> {
    return this.context.run(async () => {
      const variables = { code: requireString('code', code), page: options.page ?? 1, limit: options.limit ?? 10 }
      const data = await this.context.graphql<{ group: { users: Paginated<UserOnWire> } | null }>(
        groups.groupWithUsersDocument,
        variables,
        options,
      )
      if (!data.group) return { totalCount: 0, list: [] }
      return { totalCount: data.group.users.totalCount, list: data.group.users.list.map(userFromWire) }
    })
  }

  addUsers(code: string, userIds: string[], options: SignalOptions = {}): Promise<CommonMessage> {
    return this.membership(userDocs.addUserToGroupDocument, 'addUserToGroup', code, userIds, options)
  }

  removeUsers(code: string, userIds: string[], options: SignalOptions = {}): Promise<CommonMessage> {
    return this.membership(userDocs.removeUserFromGroupDocument, 'removeUserFromGroup', code, userIds, options)
  }

  private membership(document: string, field: string, code: string, userIds: string[], options: SignalOptions) {
    return this.context.run(async () => {
      const variables = { code: requireString('code', code), userIds: requireList('userIds', userIds) }
      return (
        (await this.context.graphql<Record<string, CommonMessage>>(document, variables, options))[field] ?? {
          code: 200,
          message: null,
        }
      )
    })
  }
}
