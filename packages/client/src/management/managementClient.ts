import { ClientCore, parseBaseUrl } from '../clientCore.js'
import * as token from '../documents/management/token.js'
import * as session from '../documents/session.js'
import { AuthingError } from '../errors.js'
import { type CommonClientOptions, DEFAULT_APP_HOST, type SignalOptions } from '../options.js'
import { requireString } from '../requestParams.js'
import type { Lang, LoginStatus } from '../types.js'
import { AclManagement } from './aclManagement.js'
import { ApplicationsManagement } from './applicationsManagement.js'
import { guardSecretInBrowser } from './browserGuard.js'
import { GroupsManagement } from './groupsManagement.js'
import { ManagementContext } from './managementContext.js'
import { type AccessToken, ManagementToken } from './managementToken.js'
import { MfaManagement } from './mfaManagement.js'
import { RolesManagement } from './rolesManagement.js'
import { UdfManagement } from './udfManagement.js'
import { UserpoolManagement } from './userpoolManagement.js'
import { UsersManagement } from './usersManagement.js'

export interface ManagementClientOptions extends CommonClientOptions {
  /** The user pool's id (console → Settings → Basic information). */
  userPoolId: string
  /** The user pool's secret. Server-side only: it grants full control of the pool. */
  secret?: string
  /** A management access token obtained elsewhere, used as-is instead of `secret` (never renewed). */
  accessToken?: string
  /** Authing's API host, or a private deployment's base URL. Defaults to `https://core.authing.cn`. */
  host?: string
  /**
   * Allow a `secret` in a browser page. Only for internal admin tools that accept that anyone who can
   * open the page can read the secret. Defaults to false: the constructor throws.
   */
  dangerouslyAllowBrowser?: boolean
}

/**
 * Authing's management API (authing-js-sdk v4's ManagementClient: same sub-clients, method names and
 * argument order) — everything the Authing console can do, for servers. Create it once and share it.
 *
 * @example
 * const management = new ManagementClient({ userPoolId: process.env.AUTHING_USERPOOL_ID!, secret: process.env.AUTHING_USERPOOL_SECRET! })
 * const { totalCount, list } = await management.users.list(1, 10)
 */
export class ManagementClient {
  readonly users: UsersManagement
  readonly roles: RolesManagement
  readonly applications: ApplicationsManagement
  readonly acl: AclManagement
  readonly groups: GroupsManagement
  readonly udf: UdfManagement
  readonly userpool: UserpoolManagement
  readonly mfa: MfaManagement
  private readonly core: ClientCore
  private readonly context: ManagementContext

  constructor(options: ManagementClientOptions) {
    if (typeof options?.userPoolId !== 'string' || !options.userPoolId) {
      throw new AuthingError('config', 'ManagementClient needs a userPoolId (console → Settings → Basic information)')
    }
    const { userPoolId, secret, accessToken } = options
    if (!secret && !accessToken)
      throw new AuthingError('config', 'ManagementClient needs the user pool `secret` (or an `accessToken`)')
    guardSecretInBrowser(Boolean(secret), options.dangerouslyAllowBrowser)
    this.core = new ClientCore({
      ...options,
      baseUrl: parseBaseUrl(options.host ?? DEFAULT_APP_HOST, 'host', options.allowInsecureHttp),
      identity: { userPoolId },
      token: () => null,
    })
    const fetchToken = accessToken
      ? async (): Promise<AccessToken> => ({ accessToken, exp: null })
      : async (): Promise<AccessToken> => {
          const variables = { userPoolId, secret }
          return (
            await this.core.transport.graphql<{ accessToken: AccessToken }>(token.accessTokenDocument, variables, {
              auth: false,
            })
          ).accessToken
        }
    this.context = new ManagementContext(this.core, new ManagementToken(fetchToken), userPoolId)
    this.users = new UsersManagement(this.context)
    this.roles = new RolesManagement(this.context)
    this.acl = new AclManagement(this.context)
    this.applications = new ApplicationsManagement(this.context, this.acl, this.roles)
    this.groups = new GroupsManagement(this.context)
    this.udf = new UdfManagement(this.context)
    this.userpool = new UserpoolManagement(this.context)
    this.mfa = new MfaManagement(this.context)
  }

  /** Asks the server whether a user's id_token is valid (the signature and revocation are checked, not just decoded). */
  checkLoginStatus(userToken: string, options: SignalOptions = {}): Promise<LoginStatus> {
    return this.context.run(async () => {
      const variables = { token: requireString('token', userToken) }
      return (
        await this.context.graphql<{ checkLoginStatus: LoginStatus }>(
          session.checkLoginStatusDocument,
          variables,
          options,
        )
      ).checkLoginStatus
    })
  }

  /** The language of server messages from now on. */
  setLang(lang: Lang): void {
    this.core.lang = lang
  }
}
