/**
 * How a stored user is shown: the GraphQL `User` object (with its argument-taking fields as
 * functions, which graphql-js's default resolver calls) and the plain JSON of REST answers.
 * The password hash never leaves: `password` is always null.
 */
import type { RequestContext } from '../requestContext.js'
import { authorizedResources, targetsOfUser } from '../domain/grants.js'
import { groupsOfUser } from '../graphql/resolvers/managementGroups.js'
import { roleView, userRoles } from '../graphql/resolvers/roles.js'
import { listUdvs } from '../graphql/resolvers/udf.js'
import { profileFields, type UserRecord } from '../../model/state.js'

/** The picture of users who have none: an avatar the emulator serves itself, so it works offline. */
export function defaultAvatarUrl(appHost: string): string {
  return `${appHost}/__emulator/avatar.svg`
}

/** The token to show in the user's `token` field: a new one after login, the caller's otherwise. */
export interface ShownToken {
  token: string
  exp: number
}

interface ShowOptions {
  token?: ShownToken | null
  newlyCreated?: boolean
}

function plainFields(ctx: RequestContext, user: UserRecord, options: ShowOptions): Record<string, unknown> {
  const profile: Record<string, string | null> = {}
  for (const field of profileFields) profile[field] = user.profile[field] ?? null
  return {
    ...profile,
    photo: user.profile.photo || defaultAvatarUrl(ctx.engine.settings.appHost),
    // Authing's "unknown" gender, as in its users.list() sample.
    gender: user.profile.gender || 'U',
    id: user.id,
    arn: `arn:cn:authing:${user.userPoolId}:user:${user.id}`,
    status: 'Activated',
    userPoolId: user.userPoolId,
    username: user.username,
    email: user.email,
    emailVerified: user.emailVerified,
    phone: user.phone,
    phoneVerified: user.phoneVerified,
    phoneCountryCode: user.phoneCountryCode,
    unionid: user.unionid,
    openid: user.openid,
    externalId: user.externalId,
    registerSource: user.registerSource,
    password: null,
    oauth: null,
    token: options.token?.token ?? null,
    tokenExpiredAt: options.token ? new Date(options.token.exp * 1000).toISOString() : null,
    loginsCount: user.loginsCount,
    lastLogin: user.lastLogin,
    lastIP: user.lastIP,
    signedUp: user.createdAt,
    blocked: false,
    isDeleted: false,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    identities: [],
    mainDepartmentId: null,
    mainDepartmentCode: null,
    newlyCreated: options.newlyCreated ?? false,
    expiredAt: null,
    directManagement: null,
  }
}

export function graphqlUser(ctx: RequestContext, user: UserRecord, options: ShowOptions = {}): Record<string, unknown> {
  const state = ctx.state
  return {
    ...plainFields(ctx, user, options),
    customData: () => listUdvs(state, user.userPoolId, 'USER', user.id),
    roles: (args: { namespace?: string | null }) => {
      const list = userRoles(state, user, args.namespace).map((role) => roleView(ctx, role))
      return { totalCount: list.length, list }
    },
    authorizedResources: (args: { namespace?: string | null; resourceType?: string | null }) => {
      const list = authorizedResources(state, user.userPoolId, targetsOfUser(state, user), args.namespace, args.resourceType)
      return { totalCount: list.length, list }
    },
    groups: () => {
      const list = groupsOfUser(ctx, user)
      return { totalCount: list.length, list }
    },
    departments: () => ({ totalCount: 0, list: [] }),
  }
}

export function restUser(ctx: RequestContext, user: UserRecord, options: ShowOptions = {}): Record<string, unknown> {
  return { ...plainFields(ctx, user, options), customData: listUdvs(ctx.state, user.userPoolId, 'USER', user.id) }
}
