/**
 * The user record, how a new one is built (registration, management and the seed alike), and the
 * one rule by which identifiers are compared: lookups, uniqueness checks and the login lockout all
 * go through `normaliseIdentifier`.
 */
import { objectId, type PasswordHash } from './crypto.js'

/** Profile fields a user may set on themselves (strings; GraphQL `User` fields of the same name). */
export const profileFields = [
  'nickname',
  'photo',
  'company',
  'browser',
  'device',
  'name',
  'givenName',
  'familyName',
  'middleName',
  'profile',
  'preferredUsername',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'address',
  'formatted',
  'streetAddress',
  'locality',
  'region',
  'postalCode',
  'city',
  'province',
  'country',
] as const
export type ProfileField = (typeof profileFields)[number]

export interface UserRecord {
  id: string
  userPoolId: string
  username: string | null
  email: string | null
  emailVerified: boolean
  phone: string | null
  phoneCountryCode: string | null
  phoneVerified: boolean
  unionid: string | null
  openid: string | null
  externalId: string | null
  /** Never leaves the engine: the GraphQL `password` field always resolves to null. */
  password: PasswordHash | null
  profile: Partial<Record<ProfileField, string | null>>
  registerSource: string[]
  loginsCount: number
  lastLogin: string | null
  lastIP: string | null
  /** set by createUser's `resetPasswordOnFirstLogin`: the next password login asks for a new one (1639) */
  resetPasswordOnFirstLogin?: boolean
  /** when the password was last set (absent: `createdAt`); the pool's `passwordUpdatePolicy` reads it */
  passwordLastSetAt?: string
  createdAt: string
  updatedAt: string
}

export type UserLookup = 'username' | 'email' | 'phone' | 'externalId'

/**
 * How an identifier is compared: usernames, emails and phones case-insensitively, as Authing does
 * (emails come back lower-cased; phones are digits); external ids exactly as given.
 */
export function normaliseIdentifier(kind: UserLookup, value: string): string {
  // Lookup, lockout and uniqueness all key on this: `" bob"`, `"BOB"` and an NFD spelling are one account.
  return kind === 'externalId' ? value : value.trim().normalize('NFC').toLowerCase()
}

/** The profile fields present (as strings) in an input object. */
export function profileOf(input: Record<string, unknown> | null | undefined): UserRecord['profile'] {
  const profile: UserRecord['profile'] = {}
  for (const field of profileFields) {
    const value = input?.[field]
    if (typeof value === 'string') profile[field] = value
  }
  return profile
}

/** A new user of the pool, created `at`: nothing verified, no logins, unless `fields` say otherwise. */
export function newUserRecord(poolId: string, at: string, fields: Partial<UserRecord>): UserRecord {
  return {
    id: objectId(),
    userPoolId: poolId,
    username: null,
    email: null,
    emailVerified: false,
    phone: null,
    phoneCountryCode: null,
    phoneVerified: false,
    unionid: null,
    openid: null,
    externalId: null,
    password: null,
    profile: {},
    registerSource: [],
    loginsCount: 0,
    lastLogin: null,
    lastIP: null,
    ...fields,
    createdAt: at,
    updatedAt: at,
  }
}
