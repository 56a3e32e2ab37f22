/**
 * Permission namespaces. The pool's `default` namespace and one per application (code = app id)
 * always exist: they are recorded on first use. A namespace holds roles, resources and grants.
 */
import { keys, type NamespaceRecord } from '../../model/records.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { dropGrants } from './grants.js'
import { deleteRole } from './roles.js'

/** The pool's namespaces, recording the implicit ones (`default`, one per application) first. */
export function namespacesOf(engine: Engine, poolId: string): NamespaceRecord[] {
  const { state } = engine
  const implicit = [{ code: 'default', name: 'Default', appId: null as string | null }]
  for (const app of state.applications.values())
    if (app.userPoolId === poolId) implicit.push({ code: app.id, name: app.name, appId: app.id })
  for (const ns of implicit) {
    if (!state.namespaces.has(keys.namespace(poolId, ns.code)))
      saveNamespace(engine, poolId, { ...ns, description: null })
  }
  return [...state.namespaces.values()].filter((ns) => ns.userPoolId === poolId)
}

export function saveNamespace(
  engine: Engine,
  poolId: string,
  ns: Pick<NamespaceRecord, 'code' | 'name' | 'description' | 'appId'>,
): NamespaceRecord {
  let id = 0
  for (const other of engine.state.namespaces.values()) id = Math.max(id, other.id)
  const at = new Date(engine.settings.now()).toISOString()
  const record: NamespaceRecord = { ...ns, id: id + 1, userPoolId: poolId, createdAt: at, updatedAt: at }
  engine.state.namespaces.set(keys.namespace(poolId, ns.code), record)
  return record
}

function inUse(engine: Engine, poolId: string, code: string): boolean {
  const { state } = engine
  const here = (record: { userPoolId: string; namespace: string }) =>
    record.userPoolId === poolId && record.namespace === code
  return (
    [...state.roles.values()].some(here) ||
    [...state.resources.values()].some(here) ||
    [...state.grants.values()].some(here)
  )
}

/** Deletes the roles, resources and grants of a namespace (with the namespace or its application). */
export function clearNamespace(engine: Engine, poolId: string, code: string): void {
  const { state } = engine
  for (const role of [...state.roles.values()])
    if (role.userPoolId === poolId && role.namespace === code) deleteRole(state, role)
  for (const [key, resource] of [...state.resources.entries()])
    if (resource.userPoolId === poolId && resource.namespace === code) state.resources.delete(key)
  dropGrants(state, poolId, (g) => g.namespace === code)
  state.namespaces.delete(keys.namespace(poolId, code))
}

function findNamespace(
  engine: Engine,
  poolId: string,
  code: string,
  missing: 'namespaceNotFoundOnDelete' | 'namespaceNotFoundOnUpdate',
): NamespaceRecord {
  const ns = namespacesOf(engine, poolId).find((n) => n.code === code)
  if (!ns) throw new AuthingBusinessError(missing, { code })
  return ns
}

/** `fields` is read once the code is known to be free. */
export function createNamespace(
  engine: Engine,
  poolId: string,
  code: string,
  fields: () => Pick<NamespaceRecord, 'name' | 'description'>,
): NamespaceRecord {
  if (namespacesOf(engine, poolId).some((ns) => ns.code === code))
    throw new AuthingBusinessError('namespaceExists', { code })
  return saveNamespace(engine, poolId, { code, ...fields(), appId: null })
}

/** The namespace an update names (3005 when there is none). */
export function namespaceToUpdate(engine: Engine, poolId: string, code: string): NamespaceRecord {
  return findNamespace(engine, poolId, code, 'namespaceNotFoundOnUpdate')
}

/** The code of an application's or a non-empty namespace stays; a new code must be free. */
export function assertRecodable(engine: Engine, ns: NamespaceRecord, code: string): void {
  if (code === ns.code) return
  if (ns.appId || inUse(engine, ns.userPoolId, ns.code))
    throw new AuthingBusinessError('namespaceInUse', { code: ns.code })
  if (engine.state.namespaces.has(keys.namespace(ns.userPoolId, code)))
    throw new AuthingBusinessError('namespaceExists', { code })
}

export function updateNamespace(
  engine: Engine,
  ns: NamespaceRecord,
  changes: Pick<NamespaceRecord, 'code' | 'name' | 'description'>,
): NamespaceRecord {
  assertRecodable(engine, ns, changes.code)
  if (changes.code !== ns.code) engine.state.namespaces.delete(keys.namespace(ns.userPoolId, ns.code))
  const updated: NamespaceRecord = { ...ns, ...changes, updatedAt: new Date(engine.settings.now()).toISOString() }
  engine.state.namespaces.set(keys.namespace(ns.userPoolId, changes.code), updated)
  return updated
}

/** An application's namespace goes with the application only; others take their roles and resources along. */
export function deleteNamespace(engine: Engine, poolId: string, code: string): void {
  const ns = findNamespace(engine, poolId, code, 'namespaceNotFoundOnDelete')
  if (ns.appId || ns.code === 'default') throw new AuthingBusinessError('namespaceInUse', { code: ns.code })
  clearNamespace(engine, poolId, ns.code)
}
