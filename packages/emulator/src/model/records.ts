/**
 * The records the state's tables hold (the user record has its own module, ./users.ts), and the
 * keys of composite-keyed tables. Records are plain JSON, replaced on change, never mutated.
 */
import { objectId } from './crypto.js'

/** Authing's robot-verify policy: a captcha on every password login, never, or after failures. */
export type RobotVerify = 'always_enable' | 'disable' | 'condition_set'

/** Authing's public-config `passwordStrength` levels the emulator applies (Guard's `PasswordStrength` 0–3). */
export type PasswordStrengthLevel = 0 | 1 | 2 | 3

export type ForcedCycleUnit = 'DAY' | 'MONTH' | 'YEAR'

export interface UserPoolRecord {
  id: string
  secret: string
  name: string
  /** what a new password must meet (absent: 1, at least 6 characters) */
  passwordStrength?: PasswordStrengthLevel
  /** Authing's `passwordUpdatePolicy`: a password older than the cycle must be changed at login (2058) */
  passwordUpdatePolicy?: { enabled: boolean; forcedCycle: number; forcedCycleUnit: ForcedCycleUnit }
  /** passwords refused when set (2061) and, when a user still has one, changed at login (2071) */
  weakPasswords?: string[]
  createdAt: string
  /** absent in older states: `disable` */
  robotVerify?: RobotVerify
  /** with `condition_set`: failed password logins of an identifier before it needs a captcha */
  captchaAfterFailures?: number
  /** the pool's MFA policy: the factors a login to any app without a policy of its own must pass */
  mfa?: MfaFactor[]
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
  /** The app's MFA policy: the factors a login to it must pass (absent or empty: only users' own TOTP). */
  mfa?: MfaFactor[]
  /** PKCE `plain` (also what a challenge without a method means) is refused unless the app opts in. */
  pkcePlainAllowed?: boolean
  /** Passkey login and passkey MFA (public config `passkeyEnabled`); absent: on */
  passkeyEnabled?: boolean
  /** What the app's login form offers (public config); absent: see `loginSettingsOf` */
  login?: AppLoginSettings

  /** Authing's public-config `extendsFields`: profile fields a user completes at login (1642) when required */
  extendsFields?: ExtendsField[]
  /** where the fields are asked (public config `complateFiledsPlace`, sic): only `login` is served */
  complateFiledsPlace?: ('register' | 'login')[]
  /** whether a user may skip completing (public config `skipComplateFileds`, sic) */
  skipComplateFileds?: boolean
  /** the social logins the app offers (public config `socialConnections`); absent: none */
  socialConnections?: SocialConnectionRecord[]
  createdAt: string
  updatedAt: string
}

/** The login form's tabs the emulator serves (Guard's `loginTabs.list` values). */
export const loginTabValues = [
  'password',
  'phone-code',
  'app-qrcode',
  'wechat-miniprogram-qrcode',
  'wechatmp-qrcode',
  'passkey',
] as const
export type LoginTab = (typeof loginTabValues)[number]
export type PasswordLoginMethod = 'username-password' | 'email-password' | 'phone-password'
export type VerifyCodeLoginMethod = 'phone-code' | 'email-code'
export type RegisterTab = 'email' | 'phone'

/** The login form an app's public config describes. */
export interface AppLoginSettings {
  loginTabs: LoginTab[]
  defaultLoginTab: LoginTab
  passwordLoginMethods: PasswordLoginMethod[]
  verifyCodeLoginMethods: VerifyCodeLoginMethod[]
  registerTabs: RegisterTab[]
  defaultRegisterTab: RegisterTab
  registerDisabled: boolean
}

/** What an app offers when nothing says otherwise: everything the emulator can do. */
export const defaultLoginSettings: AppLoginSettings = {
  loginTabs: ['password', 'phone-code'],
  defaultLoginTab: 'password',
  passwordLoginMethods: ['username-password', 'email-password', 'phone-password'],
  verifyCodeLoginMethods: ['phone-code', 'email-code'],
  registerTabs: ['email', 'phone'],
  defaultRegisterTab: 'email',
  registerDisabled: false,
}

/**
 * A terms-of-service box of an app's login or register form. `availableAt`: 0 the register form,
 * 1 the login form, 2 both. `title` is HTML (links allowed) shown to users of its `lang`.
 */
export interface AgreementRecord {
  id: number
  appId: string
  userPoolId: string
  title: string
  required: boolean
  lang: 'zh-CN' | 'en-US'
  availableAt: 0 | 1 | 2
  order: number
}

/** A captcha image's answer, keyed by the cookie session it was served to; single-use. */
export interface CaptchaRecord {
  answer: string
  /** ms since epoch */
  issuedAt: number
  expiresAt: number
}

/** The scenes of a login QR code: Authing's own app, a WeChat mini-program, a WeChat official account. */
export type QrCodeScene = 'APP_AUTH' | 'WXAPP_AUTH' | 'WECHATMP_AUTH'

/**
 * A login QR code, keyed by its `random`. `phase` is where the phone side has taken it; the status a
 * check answers also depends on the clock (see engine/domain/qrcode/codes.ts). Times are ms since epoch.
 */
export interface QrCodeRecord {
  random: string
  userPoolId: string
  appId: string
  scene: QrCodeScene
  createdAt: number
  expiresAt: number
  phase: 'waiting' | 'scanned' | 'confirmed' | 'cancelled' | 'step' | 'failed'
  scannedUserId: string | null
  /** once confirmed: the ticket the web side exchanges once for `token` */
  ticket: string | null
  ticketExpiresAt: number | null
  ticketSpent: boolean
  token: string | null
  /** the token's expiry, seconds since epoch */
  tokenExp: number | null
  /** status 4 (a login step) and 5 (an error): the hybrid envelope the check carries */
  scannedResult: Record<string, unknown> | null
}

/**
 * A social login of an app (a console "social identity source" enabled for it), served by the
 * emulator's stand-in provider page. `account` is who the provider says the user is; `behaviour`
 * what the login does with them: log in (creating the user on first sight), refuse with
 * `refusal`, or ask to bind an existing account or create one (1641) on first sight.
 */
export interface SocialConnectionRecord {
  id: string
  /** the console's identifier, in the URL `/connections/social/{identifier}` */
  identifier: string
  /** Authing's provider type: `github`, `wechat:pc`, `dingtalk`, … */
  provider: string
  name: string
  name_en: string
  displayName: string
  behaviour: 'login' | 'refuse' | 'bind'
  refusal: { code: number; message: string } | null
  account: { userIdInIdp: string; nickname: string; email: string | null; photo: string | null }
}

/** A user's link to a social account, keyed `keys.identity(poolId, identifier, userIdInIdp)`. */
export interface IdentityRecord {
  userPoolId: string
  userId: string
  /** the connection's identifier */
  identifier: string
  provider: string
  userIdInIdp: string
  /** what the provider said about the user, as Authing keeps it (`userInfoInIdp`) */
  userInfoInIdp: Record<string, unknown>
  createdAt: string
}

/**
 * A social login waiting for the user to bind an existing account or create one (1641), keyed by
 * its flowHandle: single-use and short-lived, like a login step.
 */
export interface PendingIdentityRecord {
  userPoolId: string
  appId: string
  identifier: string
  expiresAt: number
}

/**
 * A user's passkey (WebAuthn credential), keyed by its credential id (base64url). The public key is
 * the COSE key the attestation carried (base64url); `counter` is the authenticator's signature count,
 * which may only grow (0 throughout: an authenticator that does not count). Times are ISO strings.
 */
export interface PasskeyRecord {
  credentialId: string
  userId: string
  userPoolId: string
  publicKey: string
  counter: number
  transports: string[]
  name: string
  /** what the registration said the authenticator is (Authing's `authenticatorCode`) */
  authenticatorCode: 'fingerprint' | 'face' | 'other'
  createdAt: string
  lastUsedAt: string | null
}

/** What a WebAuthn ticket was issued for: a login, a registration, or the MFA step's verify or bind. */
export type WebauthnTicketPurpose = 'login' | 'register' | 'mfaVerify' | 'mfaBind'

/**
 * A WebAuthn ticket, keyed by itself: the challenge the options carried, for one ceremony, single-use
 * and short-lived. `userId` is who registers (register, mfaBind) or null (login: any passkey of the
 * pool); `mfaJti` names the MFA step the ticket belongs to. Times are ms since epoch.
 */
export interface WebauthnTicketRecord {
  purpose: WebauthnTicketPurpose
  challenge: string
  userPoolId: string
  appId: string
  userId: string | null
  mfaJti: string | null
  expiresAt: number
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

/**
 * A field of an app's profile completion, as Authing's `extendsFields[]`: `internal` names a user
 * field (`username`, `email`, `phone`, `nickname`, …), `user` a user-defined field's key.
 */
export interface ExtendsField {
  type: 'internal' | 'user'
  name: string
  label: string
  required: boolean
}

/** Second factors, named as Authing's `applicationMfa[].mfaPolicy`. */
export type MfaFactor = 'OTP' | 'SMS' | 'EMAIL'

/** A user's TOTP authenticator (RFC 6238: SHA-1, 6 digits, 30 s); `enabled` once a first code confirmed it. */
export interface TotpAuthenticatorRecord {
  userId: string
  /** base32 */
  secret: string
  /** single-use; a used one is replaced */
  recoveryCode: string
  enabled: boolean
  /** the time step of the last code accepted: no code works twice */
  lastStep: number | null
  createdAt: string
  updatedAt: string
}

/** A login waiting for its second factor, keyed by the `jti` of the mfaToken it was answered with. */
export interface MfaChallengeRecord {
  userId: string
  appId: string
  /** 1635 (the user's own TOTP) or 1636 (the app's policy) */
  kind: 'personal' | 'application'
  factors: MfaFactor[]
  expiresAt: number
  wrongTries: number
}

/**
 * A login stopped at a step that a token finishes, keyed by that token (also the step's
 * `flowHandle`): a password to set (1639 first login, 2058 rotation, 2071 unsafe password) or a
 * profile to complete (1642). Single-use and short-lived.
 */
export interface LoginStepRecord {
  kind: 'firstLoginPassword' | 'forcePasswordReset' | 'unsafePassword' | 'completeProfile'
  userId: string
  appId: string
  expiresAt: number
}

export interface CodeRecord {
  code: string
  /** the scene it was sent with (the channel's generic scene when none) */
  scene: string
  sentAt: number
  expiresAt: number
  wrongTries: number
  /** used, expired or guessed too often; kept until the resend interval is over */
  spent: boolean
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
  /** set once redeemed: the token family its tokens belong to, which a replay of the code revokes */
  redeemedBy?: string
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
  /** the token family of its grant (see tokenFamilies.ts); absent in older states */
  familyId?: string
  /** ms since epoch it was exchanged for its successor; kept so that a replay is recognised */
  rotatedAt?: number
}

/**
 * The tokens issued from one authorization code, through every refresh-token rotation: what a
 * replay of the code or of a rotated refresh token revokes.
 */
export interface TokenFamilyRecord {
  /** `jti` → `exp` (seconds) of its access tokens and id_tokens */
  jwts: Record<string, number>
  refreshTokens: string[]
  /** ms since epoch, when the last of its tokens expires */
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

/** Keys of composite-keyed tables: one place that builds them, so lookups and writes agree. */
export const keys = {
  role: (poolId: string, namespace: string, code: string) => `${poolId}:${namespace}:${code}`,
  resource: (poolId: string, namespace: string, code: string) => `${poolId}:${namespace}:${code}`,
  grant: (g: Pick<GrantRecord, 'userPoolId' | 'namespace' | 'resource' | 'targetType' | 'targetId'>) =>
    `${g.userPoolId}:${g.namespace}:${g.resource}:${g.targetType}:${g.targetId}`,
  udf: (poolId: string, targetType: string, key: string) => `${poolId}:${targetType}:${key}`,
  udv: (targetType: string, targetId: string) => `${targetType}:${targetId}`,
  /** `identifier` as `normaliseIdentifier` answers it */
  failure: (poolId: string, identifier: string) => `${poolId}:${identifier}`,
  group: (poolId: string, code: string) => `${poolId}:${code}`,
  namespace: (poolId: string, code: string) => `${poolId}:${code}`,
  appLogin: (appId: string, userId: string) => `${appId}:${userId}`,
  identity: (poolId: string, identifier: string, userIdInIdp: string) => `${poolId}:${identifier}:${userIdInIdp}`,
}

/** A new role of the pool's `namespace`, created `at`. */
export function newRoleRecord(
  poolId: string,
  at: string,
  fields: Pick<RoleRecord, 'namespace' | 'code' | 'description' | 'parentCode'>,
): RoleRecord {
  return { id: objectId(), userPoolId: poolId, ...fields, createdAt: at, updatedAt: at }
}

/** A new resource; the seed's carry no times (`at` absent), as they always have. */
export function newResourceRecord(
  poolId: string,
  fields: Pick<ResourceRecord, 'namespace' | 'code' | 'type' | 'description' | 'actions' | 'apiIdentifier'>,
  at?: string,
): ResourceRecord {
  const times = at === undefined ? {} : { createdAt: at, updatedAt: at }
  return { id: objectId(), userPoolId: poolId, ...fields, ...times }
}

/** A new application of the pool, created `at`. */
export function newApplicationRecord(
  poolId: string,
  at: string,
  fields: Omit<ApplicationRecord, 'userPoolId' | 'createdAt' | 'updatedAt'>,
): ApplicationRecord {
  const { id, ...rest } = fields
  return { id, userPoolId: poolId, ...rest, createdAt: at, updatedAt: at }
}
