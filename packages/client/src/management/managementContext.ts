import type { ClientCore } from '../clientCore.js'
import type { SignalOptions } from '../options.js'
import type { RestMethod } from '../transport/rest.js'
import type { RestOptions } from '../transport/transport.js'
import type { ManagementToken } from './managementToken.js'

/**
 * What the sub-clients share: `run` (one AuthingError per failure, reported once), and GraphQL /
 * REST calls that carry the management token.
 */
export class ManagementContext {
  constructor(
    private readonly core: ClientCore,
    private readonly token: ManagementToken,
    readonly userPoolId: string,
  ) {}

  run<T>(operation: () => Promise<T>): Promise<T> {
    return this.core.run(operation)
  }

  encrypt(password: string, signal: AbortSignal | undefined): Promise<string> {
    return this.core.encrypt(password, signal)
  }

  async graphql<T>(document: string, variables: Record<string, unknown>, options: SignalOptions = {}): Promise<T> {
    const bearer = await this.token.get(options.signal)
    return this.core.transport.graphql<T>(document, variables, { signal: options.signal, bearer })
  }

  /** A REST call with the management token; answers the envelope's `data`. */
  async rest<T>(method: RestMethod, path: string, options: RestOptions = {}): Promise<T> {
    const bearer = await this.token.get(options.signal)
    const { data } = await this.core.transport.rest(method, path, { ...options, bearer })
    return data as T
  }
}
