import * as roles from '../documents/management/roles.js'
import * as userDocs from '../documents/management/users.js'
import type { SignalOptions } from '../options.js'
import { requireList, requireString } from '../requestParams.js'
import type { AuthorizedResource, CommonMessage, Paginated, User } from '../types.js'
import { userFromWire, type UserOnWire } from '../user.js'
import type { ManagementContext } from './managementContext.js'
import type { RoleDetail } from './types.js'

/** `management.roles`: roles by code, in a namespace (`default` unless said otherwise). */
export class RolesManagement {
  constructor(private readonly context: ManagementContext) {}

  create(code: string, description?: string, namespace?: string, options: SignalOptions = {}): Promise<RoleDetail> {
    return this.context.run(async () => {
      const variables = { code: requireString('code', code), description, namespace }
      return (await this.context.graphql<{ createRole: RoleDetail }>(roles.createRoleDocument, variables, options))
        .createRole
    })
  }

  delete(code: string, namespace?: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.context.run(async () => {
      const variables = { code: requireString('code', code), namespace }
      return (await this.context.graphql<{ deleteRole: CommonMessage }>(roles.deleteRoleDocument, variables, options))
        .deleteRole
    })
  }

  deleteMany(codes: string[], namespace?: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.context.run(async () => {
      const variables = { codeList: requireList('codes', codes), namespace }
      return (await this.context.graphql<{ deleteRoles: CommonMessage }>(roles.deleteRolesDocument, variables, options))
        .deleteRoles
    })
  }

  update(
    code: string,
    updates: SignalOptions & { description?: string; newCode?: string; namespace?: string } = {},
  ): Promise<RoleDetail> {
    return this.context.run(async () => {
      const variables = {
        code: requireString('code', code),
        description: updates.description,
        newCode: updates.newCode,
        namespace: updates.namespace,
      }
      return (await this.context.graphql<{ updateRole: RoleDetail }>(roles.updateRoleDocument, variables, updates))
        .updateRole
    })
  }

  /** The role, or null when there is none with this code. */
  detail(code: string, namespace?: string, options: SignalOptions = {}): Promise<RoleDetail | null> {
    return this.context.run(async () => {
      const variables = { code: requireString('code', code), namespace }
      return (await this.context.graphql<{ role: RoleDetail | null }>(roles.roleDocument, variables, options)).role
    })
  }

  list(
    options: SignalOptions & { page?: number; limit?: number; namespace?: string } = {},
  ): Promise<Paginated<RoleDetail>> {
    return this.context.run(async () => {
      const variables = { page: options.page ?? 1, limit: options.limit ?? 10, namespace: options.namespace }
      return (await this.context.graphql<{ roles: Paginated<RoleDetail> }>(roles.rolesDocument, variables, options))
        .roles
    })
  }

  /** Users holding the role; an empty page when the role does not exist. */
  listUsers(
    code: string,
    options: SignalOptions & { namespace?: string; page?: number; limit?: number } = {},
  ): Promise<Paginated<User>> {
    return this.context.run(async () => {
      const variables = {
        code: requireString('code', code),
        namespace: options.namespace,
        page: options.page ?? 1,
        limit: options.limit ?? 10,
      }
      const data = await this.context.graphql<{ role: { users: Paginated<UserOnWire> } | null }>(
        roles.roleWithUsersDocument,
        variables,
        options,
      )
      if (!data.role) return { totalCount: 0, list: [] }
      return { totalCount: data.role.users.totalCount, list: data.role.users.list.map(userFromWire) }
    })
  }

  addUsers(code: string, userIds: string[], namespace?: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.membership(userDocs.assignRoleDocument, 'assignRole', code, userIds, namespace, options)
  }

  removeUsers(
    code: string,
    userIds: string[],
    namespace?: string,
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.membership(userDocs.revokeRoleDocument, 'revokeRole', code, userIds, namespace, options)
  }

  /** Resources the role grants in `namespace` (a missing role: 2004-like error from the server). */
  listAuthorizedResources(
    code: string,
    namespace: string,
    options: SignalOptions & { resourceType?: string } = {},
  ): Promise<Paginated<AuthorizedResource>> {
    return this.context.run(async () => {
      const variables = {
        code: requireString('code', code),
        namespace: requireString('namespace', namespace),
        resourceType: options.resourceType,
      }
      const data = await this.context.graphql<{
        role: { authorizedResources: Paginated<AuthorizedResource> | null } | null
      }>(roles.listRoleAuthorizedResourcesDocument, variables, options)
      return data.role?.authorizedResources ?? { totalCount: 0, list: [] }
    })
  }

  private membership(
    document: string,
    field: string,
    code: string,
    userIds: string[],
    namespace: string | undefined,
    options: SignalOptions,
  ) {
    return this.context.run(async () => {
      const variables = { roleCode: requireString('code', code), userIds: requireList('userIds', userIds), namespace }
      const data = await this.context.graphql<Record<string, CommonMessage | null>>(document, variables, options)
      return data[field] ?? { code: 200, message: null }
    })
  }
}
