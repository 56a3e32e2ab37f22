/**
 * Applications (management REST): list, create, detail, delete, refresh-secret (Authing's path is
 * singular there: `/api/v2/application/{id}/refresh-secret`) and active users. Each application
 * has the permission namespace whose code is its id.
 */
import type { RequestContext } from '../../requestContext.js'
import { randomHex } from '../../../model/crypto.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { optionalString, requiredString } from '../../http/input.js'
import { pageFromQuery, paginate } from '../../http/paging.js'
import { objectId } from '../../../model/seed.js'
import type { ApplicationRecord, UserPoolRecord } from '../../../model/state.js'
import { restUser } from '../../views/users.js'
import { clearNamespace, saveNamespace } from './namespaces.js'
import type { RestRoutes } from '../types.js'

/** Authing's application object (fact sheet §7): the emulator's values, and the defaults of a new app. */
function applicationView(ctx: RequestContext, app: ApplicationRecord): Record<string, unknown> {
  const jwk = ctx.state.keyring.get('current')?.signing.publicJwk
  const appHost = ctx.engine.settings.appHost
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
      id_token_expire: ctx.engine.settings.tokenLifetimeSeconds,
      access_token_expire: 3600,
      refresh_token_expire: 2_592_000,
      cas_expire: 3600,
      issuer: `${appHost}/oidc`,
    },
    oauthConfig: null,
    samlConfig: null,
    casConfig: null,
    qrcodeScanning: { redirect: false, interval: 1500 },
    loginTabs: ['password', 'phone-code'],
    defaultLoginTab: 'password',
    registerTabs: ['email', 'phone'],
    defaultRegisterTab: 'email',
    ldapConnections: [],
    adConnections: [],
    disabledSocialConnections: [],
    disabledOidcConnections: [],
    disabledSamlConnections: [],
    disabledOauth2Connections: [],
    disabledCasConnections: [],
    disabledAzureAdConnections: [],
    extendsFields: [],
    extendsFieldsEnabled: false,
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
    registerDisabled: false,
    showAuthorizationPage: false,
    enableSubAccount: false,
    loginRequireEmailVerified: false,
    agreementEnabled: false,
  }
}

function findApp(ctx: RequestContext, pool: UserPoolRecord, id: string | undefined): ApplicationRecord {
  const app = id ? ctx.state.applications.get(id) : undefined
  if (!app || app.userPoolId !== pool.id) throw new AuthingBusinessError('appNotFound')
  return app
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new AuthingBusinessError('invalidParam', { field })
  return value as string[]
}

export const managementApplicationRoutes: RestRoutes = {
  'GET /api/v2/applications': async (ctx, { url }) => {
    const pool = await ctx.management()
    const apps = [...ctx.state.applications.values()].filter((app) => app.userPoolId === pool.id)
    const { totalCount, list } = paginate(apps, pageFromQuery(url))
    return { totalCount, list: list.map((app) => applicationView(ctx, app)) }
  },
  /** `{name, identifier, redirectUris, logo?}`; the identifier (Authing: the app's subdomain) is unique (2039). */
  'POST /api/v2/applications': async (ctx, request) => {
    const pool = await ctx.management()
    const body = await request.body()
    const identifier = requiredString(body, 'identifier')
    for (const app of ctx.state.applications.values()) if (app.identifier === identifier) throw new AuthingBusinessError('identifierTaken', { identifier })
    const at = new Date(ctx.now()).toISOString()
    const app: ApplicationRecord = {
      id: objectId(),
      userPoolId: pool.id,
      secret: randomHex(16),
      name: requiredString(body, 'name'),
      identifier,
      description: optionalString(body, 'description'),
      logo: optionalString(body, 'logo'),
      redirectUris: stringList(body.redirectUris, 'redirectUris'),
      createdAt: at,
      updatedAt: at,
    }
    ctx.state.applications.set(app.id, app)
    saveNamespace(ctx, pool.id, { code: app.id, name: app.name, description: null, appId: app.id })
    return applicationView(ctx, app)
  },
  'GET /api/v2/applications/:id': async (ctx, { params }) => applicationView(ctx, findApp(ctx, await ctx.management(), params.id)),
  /** The application goes with its namespace (roles, resources, grants) and its login records. */
  'DELETE /api/v2/applications/:id': async (ctx, { params }) => {
    const pool = await ctx.management()
    const app = findApp(ctx, pool, params.id)
    clearNamespace(ctx, pool.id, app.id)
    for (const [key, login] of [...ctx.state.appLogins.entries()]) if (login.appId === app.id) ctx.state.appLogins.delete(key)
    ctx.state.applications.delete(app.id)
    return true
  },
  'PATCH /api/v2/application/:id/refresh-secret': async (ctx, { params }) => {
    const app = findApp(ctx, await ctx.management(), params.id)
    const updated: ApplicationRecord = { ...app, secret: randomHex(16), updatedAt: new Date(ctx.now()).toISOString() }
    ctx.state.applications.set(app.id, updated)
    return applicationView(ctx, updated)
  },
  /** Users who have logged in to the application, most recent login first. */
  'GET /api/v2/applications/:id/active-users': async (ctx, { url, params }) => {
    const app = findApp(ctx, await ctx.management(), params.id)
    const logins = [...ctx.state.appLogins.values()].filter((l) => l.appId === app.id).sort((a, b) => b.lastLogin.localeCompare(a.lastLogin))
    const users = logins.flatMap((l) => ctx.state.users.get(l.userId) ?? [])
    const { totalCount, list } = paginate(users, pageFromQuery(url))
    return { totalCount, list: list.map((user) => restUser(ctx, user)) }
  },
}

