/**
 * How a stored user is shown: the GraphQL `User` object (its argument-taking fields are resolved
 * per type, in ../graphql/resolvers/userFields.ts, from the record it carries) and the plain JSON of
 * REST answers. The password hash never leaves: `password` is always null.
 */
import type { IdentityRecord } from '../../model/records.js'
import { profileFields, type UserRecord } from '../../model/users.js'
import { identitiesOf } from '../domain/social/identities.js'
import { listUdvs } from '../domain/udf.js'
import type { Engine } from '../engine.js'
import { type Shown, withRecord } from './record.js'

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

function plainFields(engine: Engine, user: UserRecord, options: ShowOptions): Record<string, unknown> {
  const profile: Record<string, string | null> = {}
  for (const field of profileFields) profile[field] = user.profile[field] ?? null
  return {
    ...profile,
    photo: user.profile.photo || defaultAvatarUrl(engine.settings.appHost),
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
    identities: identitiesOf(engine.state, user.id).map(identityView),
    mainDepartmentId: null,
    mainDepartmentCode: null,
    newlyCreated: options.newlyCreated ?? false,
    expiredAt: null,
    directManagement: null,
  }
}

/** Authing's `Identity`: `userInfoInIdp` is a JSON string; the emulator keeps no provider tokens. */
function identityView(identity: IdentityRecord): Record<string, unknown> {
  return {
    openid: identity.userIdInIdp,
    userIdInIdp: identity.userIdInIdp,
    userInfoInIdp: JSON.stringify(identity.userInfoInIdp),
    userId: identity.userId,
    connectionId: identity.identifier,
    isSocial: true,
    provider: identity.provider,
    userPoolId: identity.userPoolId,
    refreshToken: null,
    accessToken: null,
    type: 'social',
    extIdpId: identity.identifier,
  }
}

export function graphqlUser(engine: Engine, user: UserRecord, options: ShowOptions = {}): Shown<UserRecord> {
  return withRecord(plainFields(engine, user, options), user)
}

export function restUser(engine: Engine, user: UserRecord, options: ShowOptions = {}): Record<string, unknown> {
  return { ...plainFields(engine, user, options), customData: listUdvs(engine.state, user.userPoolId, 'USER', user.id) }
}
