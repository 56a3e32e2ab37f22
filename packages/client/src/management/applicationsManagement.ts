import type { SignalOptions } from '../options.js'
import { requireString } from '../requestParams.js'
import type { AuthorizedResource, CommonMessage, Paginated, User } from '../types.js'
import { userFromWire, type UserOnWire } from '../user.js'
import type { AclManagement, ResourceInput } from './aclManagement.js'
import type { ManagementContext } from './managementContext.js'
import type { RolesManagement } from './rolesManagement.js'
import type { ApplicationUpdates } from './switchTypes.js'
import type { AgreementDetail, AgreementInput, Application, Resource, ResourceType, RoleDetail } from './types.js'

/**
 * `management.applications`: the pool's applications, and the resources and roles that belong to
 * one (they live in the namespace named by the application's id).
 */
export class ApplicationsManagement {
  constructor(
    private readonly context: ManagementContext,
    private readonly acl: AclManagement,
    private readonly roles: RolesManagement,
  ) {}

  list(options: SignalOptions & { page?: number; limit?: number } = {}): Promise<Paginated<Application>> {
    return this.context.run(() =>
      this.context.rest<Paginated<Application>>('GET', '/api/v2/applications', {
        query: { page: options.page ?? 1, limit: options.limit ?? 10 },
        signal: options.signal,
      }),
    )
  }

  create(
    app: { name: string; identifier: string; redirectUris?: string[]; logo?: string },
    options: SignalOptions = {},
  ): Promise<Application> {
    return this.context.run(() => {
      const body = {
        ...app,
        name: requireString('name', app?.name),
        identifier: requireString('identifier', app.identifier),
        redirectUris: app.redirectUris ?? [],
      }
      return this.context.rest<Application>('POST', '/api/v2/applications', { body, signal: options.signal })
    })
  }

  delete(appId: string, options: SignalOptions = {}): Promise<boolean> {
    return this.context.run(async () => {
      await this.context.rest('DELETE', this.path(appId), { signal: options.signal })
      return true
    })
  }

  findById(appId: string, options: SignalOptions = {}): Promise<Application> {
    return this.context.run(() => this.context.rest<Application>('GET', this.path(appId), { signal: options.signal }))
  }

  /**
   * Changes the application's login switches (`POST /api/v2/applications/{id}`, where
   * authing-js-sdk's `changeApplicationType` posts too): its form's tabs and methods, its MFA policy,
   * its profile completion. The public config shows the change at once; a value out of range is refused.
   */
  update(appId: string, updates: ApplicationUpdates, options: SignalOptions = {}): Promise<Application> {
    return this.context.run(() =>
      this.context.rest<Application>('POST', this.path(appId), { body: { ...updates }, signal: options.signal }),
    )
  }

  /** Issues a new secret; the old one stops working. */
  refreshApplicationSecret(appId: string, options: SignalOptions = {}): Promise<Application> {
    return this.context.run(() =>
      // Authing's path really is singular here.
      this.context.rest<Application>(
        'PATCH',
        `/api/v2/application/${encodeURIComponent(requireString('appId', appId))}/refresh-secret`,
        { signal: options.signal },
      ),
    )
  }

  /** Users who have logged in to the application. */
  activeUsers(appId: string, page = 1, limit = 10, options: SignalOptions = {}): Promise<Paginated<User>> {
    return this.context.run(async () => {
      const data = await this.context.rest<Paginated<UserOnWire>>('GET', `${this.path(appId)}/active-users`, {
        query: { page, limit },
        signal: options.signal,
      })
      return { totalCount: data.totalCount, list: data.list.map(userFromWire) }
    })
  }

  listResources(
    appId: string,
    options: SignalOptions & { type?: ResourceType; page?: number; limit?: number } = {},
  ): Promise<Paginated<Resource>> {
    return this.acl.listResources({ ...options, namespace: appId })
  }

  createResource(
    appId: string,
    resource: Omit<ResourceInput, 'namespace'>,
    options: SignalOptions = {},
  ): Promise<Resource> {
    return this.acl.createResource({ ...resource, namespace: appId }, options)
  }

  updateResource(
    appId: string,
    resource: Partial<ResourceInput> & { code: string },
    options: SignalOptions = {},
  ): Promise<Resource> {
    const { code, ...updates } = resource
    return this.acl.updateResource(code, { ...updates, namespace: appId }, options)
  }

  deleteResource(appId: string, code: string, options: SignalOptions = {}): Promise<boolean> {
    return this.acl.deleteResource(code, appId, options)
  }

  createRole(
    appId: string,
    role: { code: string; description?: string },
    options: SignalOptions = {},
  ): Promise<RoleDetail> {
    return this.roles.create(role.code, role.description, appId, options)
  }

  deleteRole(appId: string, code: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.roles.delete(code, appId, options)
  }

  deleteRoles(appId: string, codes: string[], options: SignalOptions = {}): Promise<CommonMessage> {
    return this.roles.deleteMany(codes, appId, options)
  }

  updateRole(
    appId: string,
    role: { code: string; description?: string; newCode?: string },
    options: SignalOptions = {},
  ): Promise<RoleDetail> {
    return this.roles.update(role.code, { ...role, ...options, namespace: appId })
  }

  findRole(appId: string, code: string, options: SignalOptions = {}): Promise<RoleDetail | null> {
    return this.roles.detail(code, appId, options)
  }

  getRoles(
    appId: string,
    options: SignalOptions & { page?: number; limit?: number } = {},
  ): Promise<Paginated<RoleDetail>> {
    return this.roles.list({ ...options, namespace: appId })
  }

  getUsersByRoleCode(
    appId: string,
    code: string,
    options: SignalOptions & { page?: number; limit?: number } = {},
  ): Promise<Paginated<User>> {
    return this.roles.listUsers(code, { ...options, namespace: appId })
  }

  addUsersToRole(appId: string, code: string, userIds: string[], options: SignalOptions = {}): Promise<CommonMessage> {
    return this.roles.addUsers(code, userIds, appId, options)
  }

  removeUsersFromRole(
    appId: string,
    code: string,
    userIds: string[],
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.roles.removeUsers(code, userIds, appId, options)
  }

  listAuthorizedResourcesByRole(
    appId: string,
    code: string,
    options: SignalOptions & { resourceType?: string } = {},
  ): Promise<Paginated<AuthorizedResource>> {
    return this.roles.listAuthorizedResources(code, appId, options)
  }

  // ── agreements (authing-js-sdk `applications.createAgreement` and siblings) ──────────────────

  /** A new agreement of the app's forms. Defaults: `required` true, `lang` zh-CN, shown at registration. */
  createAgreement(appId: string, agreement: AgreementInput, options: SignalOptions = {}): Promise<AgreementDetail> {
    return this.context.run(() => {
      const body = { lang: 'zh-CN', required: true, ...agreement, title: requireString('title', agreement?.title) }
      return this.context.rest<AgreementDetail>('POST', this.agreements(appId), { body, signal: options.signal })
    })
  }

  /** The app's agreements, in their order. */
  listAgreement(appId: string, options: SignalOptions = {}): Promise<Paginated<AgreementDetail>> {
    return this.context.run(() =>
      this.context.rest<Paginated<AgreementDetail>>('GET', this.agreements(appId), { signal: options.signal }),
    )
  }

  modifyAgreement(
    appId: string,
    agreementId: number,
    updates: Partial<AgreementInput>,
    options: SignalOptions = {},
  ): Promise<AgreementDetail> {
    return this.context.run(() =>
      this.context.rest<AgreementDetail>('PUT', this.agreements(appId, agreementId), {
        body: updates,
        signal: options.signal,
      }),
    )
  }

  deleteAgreement(appId: string, agreementId: number, options: SignalOptions = {}): Promise<boolean> {
    return this.context.run(async () => {
      await this.context.rest('DELETE', this.agreements(appId, agreementId), { signal: options.signal })
      return true
    })
  }

  /** `order`: every agreement id of the app, in the order the forms should show them. */
  sortAgreement(appId: string, order: number[], options: SignalOptions = {}): Promise<boolean> {
    return this.context.run(async () => {
      await this.context.rest('POST', `${this.agreements(appId)}/sort`, {
        body: { ids: order },
        signal: options.signal,
      })
      return true
    })
  }

  private agreements(appId: string, agreementId?: number): string {
    return `${this.path(appId)}/agreements${agreementId === undefined ? '' : `/${encodeURIComponent(agreementId)}`}`
  }

  private path(appId: string): string {
    return `/api/v2/applications/${encodeURIComponent(requireString('appId', appId))}`
  }
}
