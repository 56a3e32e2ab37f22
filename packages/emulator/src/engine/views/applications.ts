/** How applications are shown over REST: the management API's whole object, and a user's list entry. */
import type { ApplicationRecord } from '../../model/records.js'
import { agreementsOf } from '../domain/agreements.js'
import { loginSettingsOf } from '../domain/applications.js'
import type { Engine } from '../engine.js'

/** Authing's application object (fact sheet §7): the emulator's values, and the defaults of a new app. */
export function applicationView(engine: Engine, app: ApplicationRecord): Record<string, unknown> {
  const jwk = engine.state.keyring.get('current')?.signing.publicJwk
  const appHost = engine.settings.appHost
  const login = loginSettingsOf(app)
  return {
    id: app.id,
    userPoolId: app.userPoolId,
    protocol: 'oidc',
    name: app.name,
    secret: app.secret,
    identifier: app.identifier,
    description: app.description,
    logo: app.logo,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    redirectUris: app.redirectUris ?? [],
    logoutRedirectUris: [],
    css: null,
    jwks: { keys: jwk ? [jwk] : [] },
    oidcConfig: {
      grant_types: ['authorization_code', 'password', 'refresh_token'],
      response_types: ['code'],
      id_token_signed_response_alg: 'RS256',
      token_endpoint_auth_method: 'client_secret_post',
      authorization_code_expire: 600,
      id_token_expire: engine.settings.tokenLifetimeSeconds,
      access_token_expire: 3600,
      refresh_token_expire: 2_592_000,
      cas_expire: 3600,
      issuer: `${appHost}/oidc`,
    },
    oauthConfig: null,
    samlConfig: null,
    casConfig: null,
    qrcodeScanning: { redirect: false, interval: 1500 },
    loginTabs: login.loginTabs,
    defaultLoginTab: login.defaultLoginTab,
    registerTabs: login.registerTabs,
    defaultRegisterTab: login.defaultRegisterTab,
    ldapConnections: [],
    adConnections: [],
    disabledSocialConnections: [],
    disabledOidcConnections: [],
    disabledSamlConnections: [],
    disabledOauth2Connections: [],
    disabledCasConnections: [],
    disabledAzureAdConnections: [],
    extendsFields: app.extendsFields ?? [],
    extendsFieldsEnabled: (app.extendsFields?.length ?? 0) > 0,
    complateFiledsPlace: app.complateFiledsPlace ?? [],
    skipComplateFileds: app.skipComplateFileds ?? false,
    applicationMfa: applicationMfaView(app),
    passwordTabConfig: { enabledLoginMethods: login.passwordLoginMethods },
    verifyCodeTabConfig: { enabledLoginMethods: login.verifyCodeLoginMethods },
    ext: null,
    ssoPageCustomizationSettings: null,
    permissionStrategy: { enabled: false, defaultStrategy: 'ALLOW_ALL', allowPolicyId: null, denyPolicyId: null },
    skipMfa: false,
    isOfficial: false,
    isDeleted: false,
    isDefault: false,
    oidcProviderEnabled: false,
    oauthProviderEnabled: false,
    samlProviderEnabled: false,
    casProviderEnabled: false,
    registerDisabled: login.registerDisabled,
    showAuthorizationPage: false,
    enableSubAccount: false,
    loginRequireEmailVerified: false,
    agreementEnabled: agreementsOf(engine.state, app.id).length > 0,
  }
}

/** The app's MFA policy as Authing's `applicationMfa`: the factors on (`status` 1), in order. */
export function applicationMfaView(app: ApplicationRecord): { mfaPolicy: string; status: number; sort: number }[] {
  return (app.mfa ?? []).map((mfaPolicy, index) => ({ mfaPolicy, status: 1, sort: index }))
}

/** An entry of `GET /api/v2/users/me/applications/allowed`. */
export function allowedApplicationView(app: ApplicationRecord): Record<string, unknown> {
  return {
    id: app.id,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    name: app.name,
    logo: app.logo,
    domain: app.identifier,
    description: app.description,
    protocol: 'oidc',
  }
}
