/** How permission namespaces and resources are shown over REST. */
import { namespacesOf } from '../domain/namespaces.js'
import type { RequestContext } from '../requestContext.js'
import type { NamespaceRecord, ResourceRecord } from '../../model/records.js'

export function namespaceView(ctx: RequestContext, ns: NamespaceRecord): Record<string, unknown> {
  const app = ns.appId ? ctx.state.applications.get(ns.appId) : undefined
  return {
    id: ns.id,
    userPoolId: ns.userPoolId,
    code: ns.code,
    name: ns.name,
    description: ns.description,
    status: 1,
    appId: ns.appId,
    appName: app?.name ?? null,
  }
}

export function resourceView(ctx: RequestContext, resource: ResourceRecord): Record<string, unknown> {
  const namespace = namespacesOf(ctx.engine, resource.userPoolId).find((ns) => ns.code === resource.namespace)
  return {
    id: resource.id,
    userPoolId: resource.userPoolId,
    code: resource.code,
    type: resource.type,
    description: resource.description,
    actions: resource.actions,
    namespaceId: namespace?.id ?? null,
    namespace: resource.namespace,
    apiIdentifier: resource.apiIdentifier,
    createdAt: resource.createdAt ?? null,
    updatedAt: resource.updatedAt ?? null,
  }
}
