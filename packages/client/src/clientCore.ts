import { PublicKeySource } from './crypto/publicKey.js'
import { AuthingError, isAuthingError } from './errors.js'
import { lazyModule } from './lazyModule.js'
import type { CommonClientOptions } from './options.js'
import { requireString } from './requestParams.js'
import { Transport, type TransportConfig } from './transport/transport.js'
import type { Lang } from './types.js'

const DEFAULT_TIMEOUT_MS = 10_000

// The password encryption (and node-forge under it) loads when the first password is sent: sessions
// restored from storage never pay for it.
const loadEncryptPassword = lazyModule(
  () => import('./crypto/encryptPassword.js'),
  'the password encryption (node-forge)',
  (module) => module.encryptPassword,
)

/**
 * What every client is built on: the transport with its headers, the password key, and `run`,
 * through which every public call passes so that failures leave as one AuthingError, reported once.
 */
export class ClientCore {
  readonly transport: Transport
  private readonly publicKey: PublicKeySource
  private readonly onError: CommonClientOptions['onError']
  lang: Lang

  constructor(
    options: CommonClientOptions & {
      baseUrl: string
      identity: TransportConfig['identity']
      token: () => string | null
    },
  ) {
    const fetch = options.fetch ?? globalThis.fetch?.bind(globalThis)
    if (typeof fetch !== 'function') throw new AuthingError('config', 'No fetch available: pass the `fetch` option')
    this.lang = options.lang ?? 'zh-CN'
    this.onError = options.onError
    this.transport = new Transport({
      identity: options.identity,
      baseUrl: options.baseUrl,
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
      fetch,
      lang: () => this.lang,
      token: options.token,
    })
    this.publicKey = new PublicKeySource(this.transport, options.encPublicKey)
  }

  /** Runs one public call: anything it throws leaves as an AuthingError, reported to onError exactly once. */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (thrown) {
      const error = isAuthingError(thrown)
        ? thrown
        : new AuthingError(
            'unexpected',
            `Unexpected failure in authing-kit: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
            {
              cause: thrown,
            },
          )
      if (error.code !== 'aborted' && this.onError) {
        try {
          this.onError(error.code, error.message, error.data)
        } catch (callbackError) {
          console.error('[authing-kit] onError threw', callbackError)
        }
      }
      throw error
    }
  }

  /** A password as Authing wants it on the wire: RSA-encrypted with the pool's key, base64. */
  async encrypt(password: string, signal: AbortSignal | undefined): Promise<string> {
    requireString('password', password)
    const [encryptPassword, publicKey] = await Promise.all([loadEncryptPassword(), this.publicKey.get(signal)])
    return encryptPassword(password, publicKey, this.publicKey.origin)
  }
}

/** A base URL without its trailing slash; anything but http(s) is a configuration error. */
export function parseBaseUrl(value: string, option: string, allowInsecureHttp = false): string {
  let url: URL
  try {
    url = new URL(value)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(url.protocol)
  } catch (error) {
    throw new AuthingError('config', `${option} must be an http(s) URL, got ${JSON.stringify(value)}`, { cause: error })
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    const carried = option === 'host' ? 'the pool secret' : 'tokens'
    throw new AuthingError(
      'config',
      `${option} ${url.origin}: plain http off this machine sends ${carried} in clear (use https, or allowInsecureHttp: true on a trusted network)`,
    )
  }
  return url.href.replace(/\/+$/, '')
}

/** This machine: the only place plain http carries no secret over a network. */
function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  )
}
