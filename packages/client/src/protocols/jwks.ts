/**
 * The app's signing keys, from `{appHost}/oidc/.well-known/jwks.json`, fetched once and shared by
 * concurrent verifications; fetched again when a token names a key we do not have (key rotation),
 * at most once per `refetchIntervalMs` so forged `kid`s cannot make us hammer the server.
 */
import type { JSONWebKeySet } from 'jose'

import { AuthingError } from '../errors.js'
import { abortable } from '../transport/abortable.js'
import type { OAuthHttp } from './oauthHttp.js'

const refetchIntervalMs = 30_000

export class JwksSource {
  #keys: Promise<JSONWebKeySet> | undefined
  #fetchedAt = 0

  constructor(private readonly http: OAuthHttp) {}

  get(signal?: AbortSignal): Promise<JSONWebKeySet> {
    this.#keys ??= this.#fetch()
    return abortable(this.#keys, signal)
  }

  /** A fresh copy after an unknown `kid`, unless the current one is itself fresh; answers whether it refetched. */
  refresh(): boolean {
    if (Date.now() - this.#fetchedAt < refetchIntervalMs) return false
    this.#keys = undefined
    return true
  }

  #fetch(): Promise<JSONWebKeySet> {
    this.#fetchedAt = Date.now()
    const keys = this.http.get('/oidc/.well-known/jwks.json', {}).then((body) => {
      if (typeof body !== 'object' || body === null || !Array.isArray((body as JSONWebKeySet).keys)) {
        throw new AuthingError('bad_response', 'The JWKS is not {keys: [...]}', { data: body })
      }
      return body as JSONWebKeySet
    })
    // Failures are not kept: the next verification asks again.
    keys.catch(() => {
      if (this.#keys === keys) this.#keys = undefined
    })
    return keys
  }
}
