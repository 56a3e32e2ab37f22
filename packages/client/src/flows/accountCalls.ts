/**
 * The logged-in user's roles, authorized resources, applications and custom fields, and the
 * pool's password-policy and user-exists checks: calls an app makes after a login, loaded on first
 * use. `AuthenticationClient` keeps their names and runs each (error reporting included).
 */
import type { ClientCore } from '../clientCore.js'
import * as codes from '../documents/codes.js'
import * as roles from '../documents/roles.js'
import * as session from '../documents/session.js'
import * as udf from '../documents/udf.js'
import { AuthingError } from '../errors.js'
import type { SignalOptions } from '../options.js'
import { requireIdentifier, requireString, type UserIdentifiers } from '../requestParams.js'
import { currentUserId } from '../session/currentUserId.js'
import type { SessionStore } from '../session/sessionStore.js'
import type { ApplicationPublicDetail, AuthorizedResource, Paginated, PasswordStrength, Role } from '../types.js'
import { encodeUdvValues, udvListToObject, type UdvOnWire } from '../udv.js'

export class AccountCalls {
  constructor(
    private readonly core: ClientCore,
    private readonly session: SessionStore,
  ) {}

  async checkPasswordStrength(password: string, options: SignalOptions): Promise<PasswordStrength> {
    const variables = { password: requireString('password', password) }
    const data = await this.core.transport.graphql<{ checkPasswordStrength: PasswordStrength }>(
      codes.checkPasswordStrengthDocument,
      variables,
      options,
    )
    return data.checkPasswordStrength
  }

  async isUserExists(identifiers: UserIdentifiers, options: SignalOptions): Promise<boolean> {
    const variables = requireIdentifier(identifiers)
    const data = await this.core.transport.graphql<{ isUserExists: boolean | null }>(
      session.isUserExistsDocument,
      { ...variables },
      options,
    )
    return data.isUserExists === true
  }

  async listRoles(namespace: string | undefined, options: SignalOptions): Promise<Paginated<Role>> {
    const data = await this.core.transport.graphql<{ user: { roles: Paginated<Role> | null } | null }>(
      roles.getUserRolesDocument,
      { id: currentUserId(this.session), namespace },
      options,
    )
    return data.user?.roles ?? { totalCount: 0, list: [] }
  }

  async listAuthorizedResources(
    namespace: string,
    options: SignalOptions & { resourceType?: string },
  ): Promise<Paginated<AuthorizedResource>> {
    const checked = requireString('namespace', namespace)
    const variables = { id: currentUserId(this.session), namespace: checked, resourceType: options.resourceType }
    const data = await this.core.transport.graphql<{
      user: { authorizedResources: Paginated<AuthorizedResource> | null } | null
    }>(roles.listUserAuthorizedResourcesDocument, variables, options)
    return data.user?.authorizedResources ?? { totalCount: 0, list: [] }
  }

  async listApplications(
    options: SignalOptions & { page?: number; limit?: number },
  ): Promise<Paginated<ApplicationPublicDetail>> {
    const query = { page: options.page ?? 1, limit: options.limit ?? 10 }
    const { data } = await this.core.transport.rest('GET', '/api/v2/users/me/applications/allowed', {
      query,
      signal: options.signal,
    })
    return data as Paginated<ApplicationPublicDetail>
  }

  async getUdfValue(options: SignalOptions): Promise<Record<string, unknown>> {
    const variables = { targetType: 'USER', targetId: currentUserId(this.session) }
    const data = await this.core.transport.graphql<{ udv: UdvOnWire[] }>(udf.udvDocument, variables, options)
    return udvListToObject(data.udv)
  }

  async setUdfValue(values: Record<string, unknown>, options: SignalOptions): Promise<Record<string, unknown>> {
    if (typeof values !== 'object' || values === null || Object.keys(values).length === 0) {
      throw new AuthingError('invalid_argument', 'setUdfValue needs an object with at least one key')
    }
    const variables = { targetType: 'USER', targetId: currentUserId(this.session), udvList: encodeUdvValues(values) }
    const data = await this.core.transport.graphql<{ setUdvBatch: UdvOnWire[] | null }>(
      udf.setUdvBatchDocument,
      variables,
      options,
    )
    return udvListToObject(data.setUdvBatch)
  }

  async removeUdfValue(key: string, options: SignalOptions): Promise<void> {
    const checked = requireString('key', key)
    const variables = { targetType: 'USER', targetId: currentUserId(this.session), key: checked }
    await this.core.transport.graphql(udf.removeUdvDocument, variables, options)
  }
}
