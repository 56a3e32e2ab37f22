import { AuthingError } from '../errors.js'
import { abortable } from '../transport/abortable.js'
import type { Transport } from '../transport/transport.js'

/**
 * The user pool's password-encryption key: the `encPublicKey` option, else fetched once from
 * `/api/v2/.well-known` and cached. Concurrent first logins share one fetch; a failed fetch is
 * not cached, so the next login tries again.
 */
export class PublicKeySource {
  private pending: Promise<string> | undefined

  constructor(
    private readonly transport: Transport,
    private readonly configured: string | undefined,
  ) {}

  /** Who is to blame when the key is unusable: the app's configuration, or the server. */
  get origin(): 'config' | 'bad_response' {
    return this.configured ? 'config' : 'bad_response'
  }

  get(signal: AbortSignal | undefined): Promise<string> {
    if (this.configured) return Promise.resolve(this.configured)
    // The fetch is shared, so it is not tied to one caller's signal; each caller can still stop waiting.
    this.pending ??= this.fetch().catch((error: unknown) => {
      this.pending = undefined
      throw error
    })
    return abortable(this.pending, signal)
  }

  private async fetch(): Promise<string> {
    const { data } = await this.transport.rest('GET', '/api/v2/.well-known', { auth: false })
    const publicKey = (data as { publicKey?: unknown } | null)?.publicKey
    if (typeof publicKey !== 'string' || !publicKey.includes('-----BEGIN')) {
      throw new AuthingError('bad_response', 'The server sent no public key at /api/v2/.well-known', { data })
    }
    return publicKey
  }
}
