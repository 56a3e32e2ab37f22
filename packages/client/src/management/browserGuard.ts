import { AuthingError } from '../errors.js'

/**
 * A user-pool secret is the key to every account of the pool: in a browser bundle anyone can read
 * it. Constructing a ManagementClient with one in a page is refused, unless the app explicitly says
 * it is an internal admin tool — and then it is said out loud on the console.
 */
export function guardSecretInBrowser(hasSecret: boolean, dangerouslyAllowBrowser: boolean | undefined): void {
  if (!hasSecret || typeof window === 'undefined' || typeof document === 'undefined') return
  if (!dangerouslyAllowBrowser) {
    throw new AuthingError(
      'config',
      'ManagementClient was given a user pool secret in a browser. The secret grants full control of every account of the pool ' +
        'and must stay on a server: call the ManagementClient from your backend (or pass `accessToken` from it). ' +
        'For an internal admin tool that accepts the risk, pass `dangerouslyAllowBrowser: true`.',
    )
  }
  console.warn(
    '[authing-kit] ⚠️ ManagementClient is running in a browser WITH THE USER POOL SECRET (dangerouslyAllowBrowser). ' +
      'Anyone who can open this page can read the secret and take over every account of the pool.',
  )
}
