/**
 * CAS: the IdP's login and logout URLs, and service-ticket validation — CAS 1.0 (`/validate`,
 * `yes\n{user}\n` or `no\n\n`) and CAS 2.0 (`/serviceValidate`, JSON or XML).
 */
import { AuthingError } from '../errors.js'
import { withQuery } from './oidc.js'
import type { CasTicketV1Result } from './types.js'

export function casLoginUrl(base: string, appId: string, service: string | undefined): string {
  return withQuery(`${base}/cas-idp/${encodeURIComponent(appId)}`, { service })
}

export function casLogoutUrl(base: string, redirectUri: string | undefined): string {
  return withQuery(`${base}/cas-idp/logout`, { url: redirectUri })
}

export function casValidatePath(appId: string, version: 1 | 2): string {
  return `/cas-idp/${encodeURIComponent(appId)}/${version === 1 ? 'validate' : 'serviceValidate'}`
}

export function parseCasV1(answer: unknown): CasTicketV1Result {
  if (typeof answer !== 'string')
    throw new AuthingError('bad_response', 'CAS /validate answered no text', { data: answer })
  // Exactly `yes\n<user>\n` or `no\n\n` (CAS 1.0): anything more could smuggle a second user line.
  const yes = /^yes\n([^\r\n]+)\n?$/.exec(answer)
  if (yes) return { valid: true, username: yes[1]! }
  if (/^no\n\n?$/.test(answer)) return { valid: false, message: 'The ticket is not valid' }
  throw new AuthingError('bad_response', 'CAS /validate answered neither `yes` with one user line nor `no`', {
    data: answer.slice(0, 200),
  })
}
