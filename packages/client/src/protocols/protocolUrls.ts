/**
 * The synchronous half of the protocol helpers: where to send the browser to log in or out, by the
 * app's protocol (OIDC / OAuth authorize request, SAML IdP, CAS IdP). Kept out of protocolCalls.ts
 * so that building a URL never waits for a module to load. Also guards the app secret in pages.
 */
import { guardSecretInBrowser } from '../secretGuard.js'
import { casLoginUrl, casLogoutUrl } from './cas.js'
import { oidcAuthorizeUrl, oidcLogoutUrl } from './oidc.js'
import { samlAuthorizeUrl } from './saml.js'
import type { AuthorizeUrlOptions, LogoutUrlOptions, ProtocolOptions } from './types.js'

export class ProtocolUrls {
  constructor(
    private readonly baseUrl: string,
    private readonly appId: string,
    private readonly options: ProtocolOptions,
  ) {
    guardSecretInBrowser(
      {
        client: 'AuthenticationClient',
        secret: 'app secret',
        risk: 'lets anyone exchange codes and mint tokens as your application',
        instead: "use PKCE with `tokenEndPointAuthMethod: 'none'` in the page, and keep the secret in your backend",
      },
      Boolean(options.secret),
      options.dangerouslyAllowBrowser,
    )
  }

  authorize(options: AuthorizeUrlOptions = {}): string {
    const protocol = this.options.protocol ?? 'oidc'
    const appId = options.appId ?? this.appId
    if (protocol === 'saml') return samlAuthorizeUrl(this.baseUrl, appId)
    if (protocol === 'cas') return casLoginUrl(this.baseUrl, appId, options.service)
    return oidcAuthorizeUrl(
      protocol,
      this.baseUrl,
      { appId: this.appId, redirectUri: this.options.redirectUri },
      options,
    )
  }

  logout(options: LogoutUrlOptions = {}): string {
    const protocol = this.options.protocol ?? 'oidc'
    if (protocol === 'cas') return casLogoutUrl(this.baseUrl, options.redirectUri)
    return oidcLogoutUrl(this.baseUrl, protocol === 'oidc' ? options : { ...options, expert: false })
  }
}
