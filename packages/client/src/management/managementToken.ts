import { decodeJwtClaims } from '../session/jwt.js'
import { abortable } from '../transport/abortable.js'

export interface AccessToken {
  accessToken: string | null
  exp: number | null
}

// Authing's SDKs renew the management token once less than an hour of it is left.
const RENEW_BEFORE_MS = 3_600_000

/**
 * The management access token: fetched with the pool secret on first use, cached, and fetched
 * again when less than an hour remains. However many calls race for it, one request is in flight.
 */
export class ManagementToken {
  private cached: { token: string; expiresAt: number } | undefined
  private pending: Promise<string> | undefined

  constructor(
    private readonly fetchToken: () => Promise<AccessToken>,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(signal?: AbortSignal): Promise<string> {
    if (this.cached && this.cached.expiresAt - this.now() > RENEW_BEFORE_MS) return Promise.resolve(this.cached.token)
    this.pending ??= this.fetchToken()
      .then(({ accessToken, exp }) => {
        if (!accessToken) throw new TypeError('no accessToken in the answer')
        const claimedExp = exp ?? decodeJwtClaims(accessToken)?.exp
        // A token without a known expiry is used for this call only.
        this.cached = typeof claimedExp === 'number' ? { token: accessToken, expiresAt: claimedExp * 1000 } : undefined
        return accessToken
      })
      .finally(() => {
        this.pending = undefined
      })
    return abortable(this.pending, signal)
  }
}
