/**
 * Whether a permission namespace exists: `default` and one per application of the pool always do
 * (namespaces.ts records them on first use), others once created. Roles and resources are refused
 * in any other (Authing answers the same), rather than making the namespace up.
 */
import { keys } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import { AuthingBusinessError } from './errors.js'

export function assertNamespaceExists(state: EmulatorState, poolId: string, code: string): void {
  if (code === 'default' || state.namespaces.has(keys.namespace(poolId, code))) return
  if (state.applications.get(code)?.userPoolId === poolId) return
  throw new AuthingBusinessError('namespaceNotFound', { code })
}
