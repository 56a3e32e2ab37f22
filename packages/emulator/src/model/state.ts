/**
 * Typed access to the emulator's state. Everything lives in `Store` tables as plain JSON, so a
 * snapshot or a journal of store changes is the whole truth; the only thing kept beside the store
 * is the user lookup index, which is derived from the `users` table and follows its changes.
 */
import type { EmulatorKeys } from './crypto.js'
import type {
  AgreementRecord,
  ApplicationRecord,
  AppLoginRecord,
  AuthorizationCodeRecord,
  CaptchaRecord,
  CodeRecord,
  FailureRecord,
  GrantRecord,
  GroupRecord,
  HostedSessionRecord,
  IdentityRecord,
  LoginStepRecord,
  MfaChallengeRecord,
  NamespaceRecord,
  OutboxMessage,
  PasskeyRecord,
  PendingIdentityRecord,
  QrCodeRecord,
  RefreshTokenRecord,
  ResourceRecord,
  RoleRecord,
  TokenFamilyRecord,
  TotpAuthenticatorRecord,
  UdfRecord,
  UserPoolRecord,
  WebauthnTicketRecord,
} from './records.js'
import type { MetaRecord } from './seedDocument.js'
import type { Store, Table } from './store.js'
import { normaliseIdentifier, type UserLookup, type UserRecord } from './users.js'

/** Set when a user's password changes: every token issued before it ends, the one that changed it aside. */
export interface SessionCutoff {
  before: number
  keepJti: string | null
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
  get meta(): Table<MetaRecord> {
    return this.store.table('meta')
  }
  get keyring(): Table<EmulatorKeys> {
    return this.store.table('keys')
  }
  get userPools(): Table<UserPoolRecord> {
    return this.store.table('userPools')
  }
  get applications(): Table<ApplicationRecord> {
    return this.store.table('applications')
  }
  get users(): Table<UserRecord> {
    return this.store.table('users')
  }
  get roles(): Table<RoleRecord> {
    return this.store.table('roles')
  }
  /** user id → role keys */
  get userRoles(): Table<string[]> {
    return this.store.table('userRoles')
  }
  get resources(): Table<ResourceRecord> {
    return this.store.table('resources')
  }
  get grants(): Table<GrantRecord> {
    return this.store.table('grants')
  }
  get udfs(): Table<UdfRecord> {
    return this.store.table('udfs')
  }
  /** `${targetType}:${targetId}` → key → stored string value */
  get udvs(): Table<Record<string, string>> {
    return this.store.table('udvs')
  }
  /** `${poolId}:${channel}:${to}` → the destination's latest code */
  get codes(): Table<CodeRecord> {
    return this.store.table('codes')
  }
  /** user id → the user's TOTP authenticator (pending until confirmed) */
  get totpAuthenticators(): Table<TotpAuthenticatorRecord> {
    return this.store.table('totpAuthenticators')
  }
  /** mfaToken jti → the login waiting for its second factor */
  get mfaChallenges(): Table<MfaChallengeRecord> {
    return this.store.table('mfaChallenges')
  }
  /** captcha cookie session → the answer of its latest image */
  get captchas(): Table<CaptchaRecord> {
    return this.store.table('captchas')
  }
  /** QR code `random` → the login QR code */
  get qrcodes(): Table<QrCodeRecord> {
    return this.store.table('qrcodes')
  }
  /** credential id (base64url) → a user's passkey */
  get passkeys(): Table<PasskeyRecord> {
    return this.store.table('passkeys')
  }
  /** ticket → the challenge of one WebAuthn ceremony */
  get webauthnTickets(): Table<WebauthnTicketRecord> {
    return this.store.table('webauthnTickets')
  }
  /** agreement id (a number, as a string key) → the agreement */
  get agreements(): Table<AgreementRecord> {
    return this.store.table('agreements')
  }
  /** step token (also its flowHandle) → the login stopped at a password or profile step */
  get loginSteps(): Table<LoginStepRecord> {
    return this.store.table('loginSteps')
  }
  get failures(): Table<FailureRecord> {
    return this.store.table('loginFailures')
  }
  /** user id → the user's sessions issued before `before` (seconds) are over, but `keepJti`'s */
  get sessionCutoffs(): Table<SessionCutoff> {
    return this.store.table('sessionCutoffs')
  }
  /** token id (jti) → expiry in seconds, so the table can be pruned */
  get revokedTokens(): Table<number> {
    return this.store.table('revokedTokens')
  }
  get outbox(): Table<OutboxMessage> {
    return this.store.table('outbox')
  }
  get groups(): Table<GroupRecord> {
    return this.store.table('groups')
  }
  /** user id → group keys */
  get userGroups(): Table<string[]> {
    return this.store.table('userGroups')
  }
  get namespaces(): Table<NamespaceRecord> {
    return this.store.table('namespaces')
  }
  get appLogins(): Table<AppLoginRecord> {
    return this.store.table('appLogins')
  }
  /** `keys.identity(…)` → a user's link to a social account */
  get identities(): Table<IdentityRecord> {
    return this.store.table('identities')
  }
  /** flowHandle → a social login waiting to bind or create an account (1641) */
  get pendingIdentities(): Table<PendingIdentityRecord> {
    return this.store.table('pendingIdentities')
  }
  /** code (or CAS ticket) → what it grants */
  get authorizationCodes(): Table<AuthorizationCodeRecord> {
    return this.store.table('authorizationCodes')
  }
  get refreshTokens(): Table<RefreshTokenRecord> {
    return this.store.table('refreshTokens')
  }
  /** family id → the tokens of one authorization grant */
  get tokenFamilies(): Table<TokenFamilyRecord> {
    return this.store.table('tokenFamilies')
  }
  /** session id (the cookie's value) → who is logged in on the hosted pages */
  get hostedSessions(): Table<HostedSessionRecord> {
    return this.store.table('hostedSessions')
  }

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

function indexKey(poolId: string, kind: UserLookup, value: string): string {
  return `${poolId}\0${kind}\0${normaliseIdentifier(kind, value)}`
}
