import { AuthingError } from '../errors.js'
import type { Transport } from '../transport/transport.js'
import type { ProtocolCalls } from './protocolCalls.js'
import type { ProtocolOptions } from './types.js'

/**
 * The protocol calls of one client, created on first use from a lazily imported module (like
 * graphql-request and node-forge): an app that never exchanges a code does not load them. A failed
 * import is not kept, so the next call tries again.
 */
export function lazyProtocolCalls(transport: Transport, appId: string, options: ProtocolOptions): () => Promise<ProtocolCalls> {
  let calls: Promise<ProtocolCalls> | undefined
  return () => {
    calls ??= import('./protocolCalls.js').then(
      (module) => new module.ProtocolCalls(transport, appId, options),
      (error: unknown) => {
        calls = undefined
        throw new AuthingError('network_error', 'Could not load the OIDC / OAuth helpers', { cause: error })
      },
    )
    return calls
  }
}
