import { AuthingError } from './errors.js'

/** Who holds a secret, and what the secret would give away, for the guard's messages. */
export interface SecretHolder {
  client: string
  secret: string
  risk: string
  /** what to do instead, on a page */
  instead: string
}

/**
 * A secret in a browser bundle is readable by anyone: constructing a client with one in a page is
 * refused, unless the app explicitly says it is an internal tool — and then it is said out loud on
 * the console. Shared by the administration client (user pool secret) and the AuthenticationClient (app
 * secret, for the confidential-client protocol calls).
 */
export function guardSecretInBrowser(
  holder: SecretHolder,
  hasSecret: boolean,
  dangerouslyAllowBrowser: boolean | undefined,
): void {
  if (!hasSecret || typeof window === 'undefined' || typeof document === 'undefined') return
  if (!dangerouslyAllowBrowser) {
    throw new AuthingError(
      'config',
      `${holder.client} was given a ${holder.secret} in a browser. The secret ${holder.risk} and must stay on a server: ` +
        `${holder.instead}. For an internal tool that accepts the risk, pass \`dangerouslyAllowBrowser: true\`.`,
    )
  }
  console.warn(
    `[authing-kit] ⚠️ ${holder.client} is running in a browser WITH THE ${holder.secret.toUpperCase()} (dangerouslyAllowBrowser). ` +
      `Anyone who can open this page can read it: it ${holder.risk}.`,
  )
}
