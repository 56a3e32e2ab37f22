/** The shape of a seed document (the JSON an emulator starts from), and the state's record of it. */
import type {
  ForcedCycleUnit,
  LoginTab,
  MfaFactor,
  PasswordLoginMethod,
  PasswordStrengthLevel,
  RegisterTab,
  ResourceType,
  RobotVerify,
  UdfDataType,
  VerifyCodeLoginMethod,
} from './records.js'

export interface SeedUser {
  id?: string
  username?: string
  email?: string
  phone?: string
  password?: string
  /** Role codes (looked up in the `default` namespace, then in any). */
  roles?: string[]
  /** A bound authenticator app (base32 TOTP secret): password logins then ask for its code (1635). */
  totpSecret?: string
  /** Its recovery code (single-use; the next one is random). Defaults to a random one. */
  totpRecoveryCode?: string
  /** The first password login asks for a new password (1639), as createUser's option of that name. */
  resetPasswordOnFirstLogin?: boolean
  /** ISO time the password was set (default: the seed's time); with `passwordUpdatePolicy`, an old one gives 2058. */
  passwordLastSetAt?: string
  /** User-defined field values, as plain values (not JSON-encoded). */
  udf?: Record<string, unknown>
  nickname?: string
  [profileField: string]: unknown
}

/** A social login of an app; the stand-in provider page logs in as `account`. */
export interface SeedSocialConnection {
  /** the console's identifier (the URL's `/connections/social/{identifier}`) */
  identifier: string
  /** Authing's provider type (`github`, `wechat:pc`, …). Defaults to `identifier`. */
  provider?: string
  name?: string
  name_en?: string
  displayName?: string
  /** The provider refuses the login: the opener gets this code (default 2240) and message. */
  refuse?: { code?: number; message?: string }
  /** A user seen for the first time must bind an existing account or create one (1641). Defaults to false. */
  bindExistingAccount?: boolean
  /** Who the provider says the user is. Defaults to octocat on GitHub, a stand-in elsewhere. */
  account?: { userIdInIdp?: string; nickname?: string; email?: string; photo?: string }
}

export interface SeedDocument {
  userPool?: {
    id?: string
    secret?: string
    name?: string
    /** Captcha on password logins (error 2000): `always_enable`, `disable` (default) or `condition_set`. */
    robotVerify?: RobotVerify
    /** With `condition_set`: failed logins in a row of an identifier before it needs a captcha. Defaults to 3. */
    captchaAfterFailures?: number
    /** The pool's MFA policy: every login to an app without an `mfa` of its own passes one of these (1636). */
    mfa?: MfaFactor[]
    /** Authing's `passwordStrength`: 0 any, 1 (default) ≥ 6 characters, 2 and 3 also 2 or 3 of letters, digits, symbols. */
    passwordStrength?: PasswordStrengthLevel
    /** Authing's `passwordUpdatePolicy`: passwords older than `forcedCycle` units (default `DAY`) change at login (2058). */
    passwordUpdatePolicy?: { enabled?: boolean; forcedCycle: number; forcedCycleUnit?: ForcedCycleUnit }
    /** Passwords refused when set (2061); a user who still has one changes it at login (2071). */
    weakPasswords?: string[]
  }
  applications?: {
    id?: string
    secret?: string
    name?: string
    identifier?: string
    description?: string
    /** Where the hosted login may send users back (OIDC redirect_uri, CAS service). Empty: any localhost URL. */
    redirectUris?: string[]
    /** OIDC id_token signature: `RS256` (default, the emulator's key, see jwks.json) or `HS256` (the app secret). */
    idTokenSigningAlg?: 'RS256' | 'HS256'
    /** The app's MFA policy: logins to it pass one of these factors too (1636). */
    mfa?: MfaFactor[]
    /** Accept PKCE `plain` (and a `code_challenge` without a method) for this app; otherwise S256 only. */
    pkcePlainAllowed?: boolean
    /** Passkey login and passkey MFA (public config `passkeyEnabled`). Defaults to true. */
    passkeyEnabled?: boolean
    /** The login form's tabs (public config `loginTabs`, `passkey` among them). Defaults to `['password', 'phone-code']`. */
    loginTabs?: LoginTab[]
    /** Defaults to the first of `loginTabs`. */
    defaultLoginTab?: LoginTab
    /** What the password tab accepts. Defaults to all three. */
    passwordLoginMethods?: PasswordLoginMethod[]
    /** What the code tab accepts. Defaults to `['phone-code', 'email-code']`. */
    verifyCodeLoginMethods?: VerifyCodeLoginMethod[]
    /** The register form's tabs. Defaults to `['email', 'phone']`. */
    registerTabs?: RegisterTab[]
    /** Defaults to the first of `registerTabs`. */
    defaultRegisterTab?: RegisterTab
    /** Registrations to this app answer 2031. Defaults to false. */
    registerDisabled?: boolean
    /** Terms the login (`availableAt` 1), register (0, the default) or both (2) forms show to users of `lang` (default zh-CN). */
    agreements?: { title: string; required?: boolean; lang?: 'zh-CN' | 'en-US'; availableAt?: 0 | 1 | 2 }[]
    /**
     * Authing's `extendsFields`: fields a login asks a user to fill in (1642) when a required one is
     * empty. `internal` names a user field (username, email, phone, nickname, …), `user` a UDF key.
     */
    extendsFields?: { type: 'internal' | 'user'; name: string; label?: string; required?: boolean }[]
    /** Authing's `complateFiledsPlace` (sic): default `['login']` when `extendsFields` is set. */
    complateFiledsPlace?: ('register' | 'login')[]
    /** Authing's `skipComplateFileds` (sic): whether a user may skip completing. Default false. */
    skipComplateFileds?: boolean
    /** The social logins the app offers (public config `socialConnections`). Default: none. */
    socialConnections?: SeedSocialConnection[]
  }[]
  users?: SeedUser[]
  /** `namespace` defaults to `default`. */
  roles?: { code: string; description?: string; namespace?: string }[]
  /** `namespace` defaults to the first application's id (its own permission namespace). */
  resources?: { code: string; type: ResourceType; actions: string[]; namespace?: string; description?: string }[]
  /** `role` is a role code, `user` a user id or username; `namespace` as for resources. */
  grants?: { resource: string; actions: string[]; role?: string; user?: string; namespace?: string }[]
  udfs?: { targetType: 'USER'; key: string; dataType: UdfDataType; label?: string }[]
}

export interface MetaRecord {
  userPoolId: string
  appId: string
  demoUser: { username: string; password: string; email?: string; phone?: string } | null
  /** The seed this state was built from, so `reset()` restores it even after a restart. */
  seed: SeedDocument
}
