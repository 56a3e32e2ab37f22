import * as acl from '../documents/management/acl.js'
import { AuthingError } from '../errors.js'
import type { SignalOptions } from '../options.js'
import { requireString } from '../requestParams.js'
import type { AuthorizedResource, CommonMessage, Paginated } from '../types.js'
import type { ManagementContext } from './managementContext.js'
import type {
  AuthorizeResourceOpt,
  Namespace,
  NamespacePage,
  PolicyTargetType,
  Resource,
  ResourceAction,
  ResourceType,
} from './types.js'

export interface ResourceInput {
  code: string
  type: ResourceType
  description?: string
  actions: ResourceAction[]
  namespace: string
  apiIdentifier?: string
}

/** `management.acl`: resources, namespaces, and who may do what with them. */
export class AclManagement {
  constructor(private readonly context: ManagementContext) {}

  listResources(
    options: SignalOptions & { namespace?: string; type?: ResourceType; page?: number; limit?: number } = {},
  ): Promise<Paginated<Resource>> {
    return this.context.run(() => {
      const query = {
        namespace: options.namespace,
        type: options.type,
        page: options.page ?? 1,
        limit: options.limit ?? 10,
      }
      return this.context.rest<Paginated<Resource>>('GET', '/api/v2/resources', { query, signal: options.signal })
    })
  }

  createResource(resource: ResourceInput, options: SignalOptions = {}): Promise<Resource> {
    return this.context.run(() =>
      this.context.rest<Resource>('POST', '/api/v2/resources', {
        body: checkResource(resource),
        signal: options.signal,
      }),
    )
  }

  updateResource(
    code: string,
    updates: Partial<Omit<ResourceInput, 'code'>> & { namespace: string },
    options: SignalOptions = {},
  ): Promise<Resource> {
    return this.context.run(() => {
      const path = `/api/v2/resources/${encodeURIComponent(requireString('code', code))}`
      return this.context.rest<Resource>('POST', path, {
        body: { ...updates, namespace: requireString('namespace', updates?.namespace) },
        signal: options.signal,
      })
    })
  }

  deleteResource(code: string, namespace: string, options: SignalOptions = {}): Promise<boolean> {
    return this.context.run(async () => {
      const path = `/api/v2/resources/${encodeURIComponent(requireString('code', code))}`
      await this.context.rest('DELETE', path, {
        query: { namespace: requireString('namespace', namespace) },
        signal: options.signal,
      })
      return true
    })
  }

  /** The resource, or null. */
  getResourceByCode(
    target: { namespace: string; code: string },
    options: SignalOptions = {},
  ): Promise<Resource | null> {
    return this.context.run(async () => {
      const query = {
        namespace: requireString('namespace', target?.namespace),
        code: requireString('code', target?.code),
      }
      return (
        (await this.context.rest<Resource | null>('GET', '/api/v2/resources/detail', {
          query,
          signal: options.signal,
        })) ?? null
      )
    })
  }

  /** Lets `userId` do `action` on `resource` (e.g. `books:*` / `books:read`). */
  allow(
    userId: string,
    resource: string,
    action: string,
    namespace?: string,
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.context.run(async () => {
      const variables = {
        userId: requireString('userId', userId),
        resource: requireString('resource', resource),
        action: requireString('action', action),
        namespace,
      }
      return (await this.context.graphql<{ allow: CommonMessage }>(acl.allowDocument, variables, options)).allow
    })
  }

  /** Whether `userId` may do `action` on `resource`, directly, through a role or a group. */
  isAllowed(
    userId: string,
    resource: string,
    action: string,
    options: SignalOptions & { namespace?: string } = {},
  ): Promise<boolean> {
    return this.context.run(async () => {
      const variables = {
        userId: requireString('userId', userId),
        resource: requireString('resource', resource),
        action: requireString('action', action),
        namespace: options.namespace,
      }
      return (
        (await this.context.graphql<{ isActionAllowed: boolean }>(acl.isActionAllowedDocument, variables, options))
          .isActionAllowed === true
      )
    })
  }

  /** Grants actions on a resource to users, roles or groups. */
  authorizeResource(
    grant: { namespace: string; resource: string; resourceType?: ResourceType; opts: AuthorizeResourceOpt[] },
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.context.run(async () => {
      const variables = {
        namespace: requireString('namespace', grant?.namespace),
        resource: requireString('resource', grant?.resource),
        resourceType: grant.resourceType,
        opts: checkOpts(grant.opts),
      }
      return (
        await this.context.graphql<{ authorizeResource: CommonMessage }>(
          acl.authorizeResourceDocument,
          variables,
          options,
        )
      ).authorizeResource
    })
  }

  /** Takes granted actions back. */
  revokeResource(
    grant: { namespace: string; resource: string; opts: AuthorizeResourceOpt[] },
    options: SignalOptions = {},
  ): Promise<boolean> {
    return this.context.run(async () => {
      const body = {
        namespace: requireString('namespace', grant?.namespace),
        resource: requireString('resource', grant?.resource),
        opts: checkOpts(grant.opts),
      }
      await this.context.rest('POST', '/api/v2/acl/revoke-resource', { body, signal: options.signal })
      return true
    })
  }

  listAuthorizedResources(
    targetType: PolicyTargetType,
    targetIdentifier: string,
    namespace: string,
    options: SignalOptions & { resourceType?: ResourceType } = {},
  ): Promise<Paginated<AuthorizedResource>> {
    return this.context.run(async () => {
      const variables = {
        targetType,
        targetIdentifier: requireString('targetIdentifier', targetIdentifier),
        namespace: requireString('namespace', namespace),
        resourceType: options.resourceType,
      }
      return (
        await this.context.graphql<{ authorizedResources: Paginated<AuthorizedResource> }>(
          acl.authorizedResourcesDocument,
          variables,
          options,
        )
      ).authorizedResources
    })
  }

  listNamespaces(page = 1, limit = 10, options: SignalOptions = {}): Promise<NamespacePage> {
    return this.context.run(() =>
      this.context.rest<NamespacePage>('GET', this.namespacesPath(), {
        query: { page, limit },
        signal: options.signal,
      }),
    )
  }

  createNamespace(code: string, name: string, description?: string, options: SignalOptions = {}): Promise<Namespace> {
    return this.context.run(() => {
      const body = { code: requireString('code', code), name: requireString('name', name), description }
      return this.context.rest<Namespace>('POST', this.namespacesPath(), { body, signal: options.signal })
    })
  }

  updateNamespace(
    code: string,
    updates: { code?: string; name?: string; description?: string },
    options: SignalOptions = {},
  ): Promise<Namespace> {
    return this.context.run(() =>
      this.context.rest<Namespace>('PUT', this.namespacePath(code), { body: updates, signal: options.signal }),
    )
  }

  deleteNamespace(code: string, options: SignalOptions = {}): Promise<boolean> {
    return this.context.run(async () => {
      await this.context.rest('DELETE', this.namespacePath(code), { signal: options.signal })
      return true
    })
  }

  private namespacesPath(): string {
    return `/api/v2/resource-namespace/${encodeURIComponent(this.context.userPoolId)}`
  }

  private namespacePath(code: string): string {
    return `${this.namespacesPath()}/code/${encodeURIComponent(requireString('code', code))}`
  }
}

/** The checks Authing's SDK makes before sending: a code, a namespace and at least one action. */
function checkResource(resource: ResourceInput): ResourceInput {
  requireString('code', resource?.code)
  requireString('namespace', resource.namespace)
  if (
    !Array.isArray(resource.actions) ||
    resource.actions.length === 0 ||
    resource.actions.some((action) => !action?.name)
  ) {
    throw new AuthingError('invalid_argument', 'A resource needs at least one action, each with a name')
  }
  return resource
}

function checkOpts(opts: AuthorizeResourceOpt[]): AuthorizeResourceOpt[] {
  if (!Array.isArray(opts) || opts.length === 0)
    throw new AuthingError('invalid_argument', 'opts must list at least one { targetType, targetIdentifier, actions }')
  return opts
}
