/**
 * Typed access to the emulator's state. Everything lives in `Store` tables as plain JSON, so a
 * snapshot or a journal of store changes is the whole truth; the only thing kept beside the store
 * is the user lookup index, which is derived from the `users` table and follows its changes.
 */
import type { EmulatorKeys, PasswordHash } from './crypto.js'
import type { Store, Table } from './store.js'
import type { SeedDocument } from './seed.js'

export interface MetaRecord {
  userPoolId: string
  appId: string
  demoUser: { username: string; password: string; email?: string; phone?: string } | null
  /** The seed this state was built from, so `reset()` restores it even after a restart. */
  seed: SeedDocument
}

export interface UserPoolRecord {
  id: string
  secret: string
  name: string
  createdAt: string
}

export interface ApplicationRecord {
  id: string
  userPoolId: string
  secret: string
  name: string
  identifier: string
  description: string | null
  logo: string | null
  /** set by the management API or the seed; absent in older states */
  redirectUris?: string[]
  /** How OIDC id_tokens of the app are signed: RS256 (the emulator's key, the default) or HS256 (the app secret). */
  idTokenSigningAlg?: 'RS256' | 'HS256'
  createdAt: string
  updatedAt: string
}

/** Profile fields a user may set on themselves (strings; GraphQL `User` fields of the same name). */
export const profileFields = [
  'nickname', 'photo', 'company', 'browser', 'device', 'name', 'givenName', 'familyName', 'middleName',
  'profile', 'preferredUsername', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'address',
  'formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'city', 'province', 'country',
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
  createdAt: string
  updatedAt: string
}

export interface RoleRecord {
  id: string
  userPoolId: string
  namespace: string
  code: string
  description: string | null
  parentCode: string | null
  createdAt: string
  updatedAt: string
}

export type ResourceType = 'DATA' | 'API' | 'MENU' | 'UI' | 'BUTTON'

export interface ResourceRecord {
  id: string
  userPoolId: string
  namespace: string
  code: string
  type: ResourceType
  description: string | null
  actions: { name: string; description: string | null }[]
  apiIdentifier: string | null
  createdAt?: string
  updatedAt?: string
}

export type GrantTargetType = 'USER' | 'ROLE' | 'GROUP'

/**
 * Actions on a resource granted to a user, role or group. `resource` and each action may hold `*`
 * wildcards (`books:*`, `*`), as in Authing's `allow`.
 */
export interface GrantRecord {
  userPoolId: string
  namespace: string
  resource: string
  targetType: GrantTargetType
  /** user id, role id or group id */
  targetId: string
  actions: string[]
}

export interface GroupRecord {
  id: string
  userPoolId: string
  code: string
  name: string
  description: string | null
  createdAt: string
  updatedAt: string
}

/** A permission namespace; every application also has one whose code is the app id. */
export interface NamespaceRecord {
  /** Authing's namespace ids are numbers. */
  id: number
  userPoolId: string
  code: string
  name: string
  description: string | null
  /** the application the namespace belongs to (its code is then the app id) */
  appId: string | null
  createdAt: string
  updatedAt: string
}

/** The last login of a user to an application (the app's "active users"). */
export interface AppLoginRecord {
  appId: string
  userId: string
  lastLogin: string
}

export type UdfDataType = 'STRING' | 'NUMBER' | 'DATETIME' | 'BOOLEAN' | 'OBJECT' | 'SELECT'

export interface UdfRecord {
  userPoolId: string
  targetType: string
  key: string
  dataType: UdfDataType
  label: string | null
  options: string | null
}

export interface CodeRecord {
  code: string
  scene: string | null
  expiresAt: number
}

export interface FailureRecord {
  count: number
  lockedUntil: number | null
}

export interface OutboxMessage {
  channel: 'sms' | 'email'
  to: string
  code: string
  scene: string
  sentAt: number
  expiresAt: number
}

/** An OAuth authorization code (or CAS service ticket) waiting to be redeemed: single-use, short-lived. */
export interface AuthorizationCodeRecord {
  kind: 'oidc' | 'oauth' | 'cas'
  appId: string
  userId: string
  /** the redirect_uri (CAS: the service URL) it was issued for; redemption must name the same */
  redirectUri: string
  scope: string
  nonce: string | null
  codeChallenge: string | null
  codeChallengeMethod: 'S256' | 'plain' | null
  /** ms since epoch */
  authTime: number
  expiresAt: number
}

/** An opaque refresh token (rotated on use). */
export interface RefreshTokenRecord {
  kind: 'oidc' | 'oauth'
  appId: string
  userId: string
  scope: string
  /** ms since epoch */
  issuedAt: number
  expiresAt: number
}

/** The hosted login page's session on the emulator origin (cookie), shared by OIDC, OAuth and CAS. */
export interface HostedSessionRecord {
  userPoolId: string
  userId: string
  /** ms since epoch */
  authTime: number
  expiresAt: number
}

export type UserLookup = 'username' | 'email' | 'phone' | 'externalId'

/** Keys of composite-keyed tables: one place that builds them, so lookups and writes agree. */
export const keys = {
  role: (poolId: string, namespace: string, code: string) => `${poolId}:${namespace}:${code}`,
  resource: (poolId: string, namespace: string, code: string) => `${poolId}:${namespace}:${code}`,
  grant: (g: Pick<GrantRecord, 'userPoolId' | 'namespace' | 'resource' | 'targetType' | 'targetId'>) =>
    `${g.userPoolId}:${g.namespace}:${g.resource}:${g.targetType}:${g.targetId}`,
  udf: (poolId: string, targetType: string, key: string) => `${poolId}:${targetType}:${key}`,
  udv: (targetType: string, targetId: string) => `${targetType}:${targetId}`,
  failure: (poolId: string, identifier: string) => `${poolId}:${identifier.toLowerCase()}`,
  group: (poolId: string, code: string) => `${poolId}:${code}`,
  namespace: (poolId: string, code: string) => `${poolId}:${code}`,
  appLogin: (appId: string, userId: string) => `${appId}:${userId}`,
}

export class EmulatorState {
  readonly store: Store
  /** `${poolId}\0${kind}\0${value}` → user id; keeps logins O(1) with many users. */
  readonly #index = new Map<string, string>()
  readonly #indexKeysByUser = new Map<string, string[]>()
  /** pool id → its user ids, oldest first: pages of users without sorting or copying the table. */
  readonly #order = new Map<string, string[]>()
  readonly #poolOfUser = new Map<string, string>()

  constructor(store: Store) {
    this.store = store
    this.rebuildIndex()
    store.subscribe((change) => {
      if (change.op === 'clear') {
        this.#clearIndex()
      } else if (change.table === 'users') {
        const known = this.#poolOfUser.has(change.key)
        this.#unindex(change.key)
        if (change.op === 'set') this.#indexUser(change.value as UserRecord)
        else this.#unorder(change.key)
        if (change.op === 'set' && !known) this.#orderUser(change.value as UserRecord)
      }
    })
  }

  // Tables are fetched on each access: `Store.clear()` and `load()` replace the underlying maps.
  get meta(): Table<MetaRecord> { return this.store.table('meta') }
  get keyring(): Table<EmulatorKeys> { return this.store.table('keys') }
  get userPools(): Table<UserPoolRecord> { return this.store.table('userPools') }
  get applications(): Table<ApplicationRecord> { return this.store.table('applications') }
  get users(): Table<UserRecord> { return this.store.table('users') }
  get roles(): Table<RoleRecord> { return this.store.table('roles') }
  /** user id → role keys */
  get userRoles(): Table<string[]> { return this.store.table('userRoles') }
  get resources(): Table<ResourceRecord> { return this.store.table('resources') }
  get grants(): Table<GrantRecord> { return this.store.table('grants') }
  get udfs(): Table<UdfRecord> { return this.store.table('udfs') }
  /** `${targetType}:${targetId}` → key → stored string value */
  get udvs(): Table<Record<string, string>> { return this.store.table('udvs') }
  /** `${poolId}:${channel}:${to}:${scene or '*'}` → the pending code */
  get codes(): Table<CodeRecord> { return this.store.table('codes') }
  get failures(): Table<FailureRecord> { return this.store.table('loginFailures') }
  /** token id (jti) → expiry in seconds, so the table can be pruned */
  get revokedTokens(): Table<number> { return this.store.table('revokedTokens') }
  get outbox(): Table<OutboxMessage> { return this.store.table('outbox') }
  get groups(): Table<GroupRecord> { return this.store.table('groups') }
  /** user id → group keys */
  get userGroups(): Table<string[]> { return this.store.table('userGroups') }
  get namespaces(): Table<NamespaceRecord> { return this.store.table('namespaces') }
  get appLogins(): Table<AppLoginRecord> { return this.store.table('appLogins') }
  /** code (or CAS ticket) → what it grants */
  get authorizationCodes(): Table<AuthorizationCodeRecord> { return this.store.table('authorizationCodes') }
  get refreshTokens(): Table<RefreshTokenRecord> { return this.store.table('refreshTokens') }
  /** session id (the cookie's value) → who is logged in on the hosted pages */
  get hostedSessions(): Table<HostedSessionRecord> { return this.store.table('hostedSessions') }

  /** The pool's user ids in creation order (a live view: do not modify). */
  userIdsInOrder(poolId: string): readonly string[] {
    return this.#order.get(poolId) ?? []
  }

  findUser(poolId: string, kind: UserLookup, value: string): UserRecord | undefined {
    const id = this.#index.get(indexKey(poolId, kind, value))
    return id === undefined ? undefined : this.users.get(id)
  }

  /** Call after `store.load()`, which replaces the state without reporting changes. */
  rebuildIndex(): void {
    this.#clearIndex()
    // Table order is insertion order, which is creation order (updates replace in place).
    for (const user of this.users.values()) {
      this.#indexUser(user)
      this.#orderUser(user)
    }
  }

  #clearIndex(): void {
    this.#index.clear()
    this.#indexKeysByUser.clear()
    this.#order.clear()
    this.#poolOfUser.clear()
  }

  #orderUser(user: UserRecord): void {
    let ids = this.#order.get(user.userPoolId)
    if (!ids) this.#order.set(user.userPoolId, (ids = []))
    ids.push(user.id)
    this.#poolOfUser.set(user.id, user.userPoolId)
  }

  #unorder(userId: string): void {
    const poolId = this.#poolOfUser.get(userId)
    if (poolId === undefined) return
    this.#poolOfUser.delete(userId)
    const ids = this.#order.get(poolId)
    const at = ids?.lastIndexOf(userId) ?? -1
    if (ids && at >= 0) ids.splice(at, 1)
  }

  #indexUser(user: UserRecord): void {
    const entries: string[] = []
    const add = (kind: UserLookup, value: string | null): void => {
      if (value) entries.push(indexKey(user.userPoolId, kind, value))
    }
    add('username', user.username)
    add('email', user.email)
    add('phone', user.phone)
    add('externalId', user.externalId)
    for (const key of entries) this.#index.set(key, user.id)
    this.#indexKeysByUser.set(user.id, entries)
  }

  #unindex(userId: string): void {
    for (const key of this.#indexKeysByUser.get(userId) ?? []) {
      if (this.#index.get(key) === userId) this.#index.delete(key)
    }
    this.#indexKeysByUser.delete(userId)
  }
}

// Usernames and emails are case-insensitive, as in Authing (emails come back lower-cased).
function indexKey(poolId: string, kind: UserLookup, value: string): string {
  const normalised = kind === 'username' || kind === 'email' ? value.toLowerCase() : value
  return `${poolId}\0${kind}\0${normalised}`
}
