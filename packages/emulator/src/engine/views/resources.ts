/** How permission namespaces and resources are shown over REST. */
import type { NamespaceRecord, ResourceRecord } from '../../model/records.js'
import { namespacesOf } from '../domain/namespaces.js'
import type { Engine } from '../engine.js'

export function namespaceView(engine: Engine, ns: NamespaceRecord): Record<string, unknown> {
  const app = ns.appId ? engine.state.applications.get(ns.appId) : undefined
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

export function resourceView(engine: Engine, resource: ResourceRecord): Record<string, unknown> {
  const namespace = namespacesOf(engine, resource.userPoolId).find((ns) => ns.code === resource.namespace)
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
