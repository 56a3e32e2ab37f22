/** Resources of a permission namespace (`default` unless given), by code, with the actions they offer. */
import { keys, newResourceRecord, type ResourceRecord } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { dropGrants } from './grants.js'
import { assertNamespaceExists } from './namespaceExists.js'

export type ResourceFields = Pick<ResourceRecord, 'type' | 'description' | 'actions' | 'apiIdentifier'>

export function findResource(state: EmulatorState, poolId: string, namespace: string, code: string): ResourceRecord {
  const resource = state.resources.get(keys.resource(poolId, namespace, code))
  if (!resource) throw new AuthingBusinessError('resourceNotFound', { code })
  return resource
}

export function resourcesOf(
  state: EmulatorState,
  poolId: string,
  namespace: string | null,
  type: string | null,
): ResourceRecord[] {
  return [...state.resources.values()].filter(
    (r) => r.userPoolId === poolId && (!namespace || r.namespace === namespace) && (!type || r.type === type),
  )
}

/** `fields` is read once the code is known to be free. */
export function createResource(
  engine: Engine,
  poolId: string,
  namespace: string,
  code: string,
  fields: () => ResourceFields,
): ResourceRecord {
  assertNamespaceExists(engine.state, poolId, namespace)
  if (engine.state.resources.has(keys.resource(poolId, namespace, code)))
    throw new AuthingBusinessError('resourceExists', { code })
  const resource = newResourceRecord(
    poolId,
    { namespace, code, ...fields() },
    new Date(engine.settings.now()).toISOString(),
  )
  engine.state.resources.set(keys.resource(poolId, namespace, code), resource)
  return resource
}

/** `changes` is read once the resource is found. */
export function updateResource(
  engine: Engine,
  poolId: string,
  namespace: string,
  code: string,
  changes: (resource: ResourceRecord) => ResourceFields,
): ResourceRecord {
  const resource = findResource(engine.state, poolId, namespace, code)
  const updated: ResourceRecord = {
    ...resource,
    ...changes(resource),
    updatedAt: new Date(engine.settings.now()).toISOString(),
  }
  engine.state.resources.set(keys.resource(poolId, namespace, resource.code), updated)
  return updated
}

/** The resource goes with every grant on it. */
export function deleteResource(state: EmulatorState, poolId: string, namespace: string, code: string): void {
  const resource = findResource(state, poolId, namespace, code)
  dropGrants(state, poolId, (g) => g.namespace === namespace && g.resource === resource.code)
  state.resources.delete(keys.resource(poolId, namespace, resource.code))
}

/** By id, else by namespace + code; undefined when there is no such resource. */
export function resourceDetail(
  state: EmulatorState,
  poolId: string,
  id: string | null,
  namespace: string,
  code: string | null,
): ResourceRecord | undefined {
  return id
    ? [...state.resources.values()].find((r) => r.userPoolId === poolId && r.id === id)
    : state.resources.get(keys.resource(poolId, namespace, code ?? ''))
}
