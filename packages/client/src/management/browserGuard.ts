import { guardSecretInBrowser as guard } from '../secretGuard.js'

/**
 * A user-pool secret is the key to every account of the pool: a ManagementClient given one in a
 * page is refused unless the app says it is an internal admin tool (see ../secretGuard.ts).
 */
export function guardSecretInBrowser(hasSecret: boolean, dangerouslyAllowBrowser: boolean | undefined): void {
  guard(
    {
      client: 'ManagementClient',
      secret: 'user pool secret',
      risk: 'grants full control of every account of the pool',
      instead: 'call the ManagementClient from your backend (or pass `accessToken` from it)',
    },
    hasSecret,
    dangerouslyAllowBrowser,
  )
}
