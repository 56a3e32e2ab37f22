/** The shapes of the login switches a ManagementClient reads and changes: the user pool's, an application's, users' MFA. */

/** Authing's robot-verify policy: a captcha on every password login, never, or after `loginFailCheck.limit` failures. */
export type RobotVerify = 'always_enable' | 'disable' | 'condition_set'

/** Authing's `UserPool` (`userpool.detail()`, `userpool.update()`), with the fields a login depends on typed. */
export interface UserPool {
  id: string
  name: string
  domain: string
  description: string | null
  secret: string
  logo: string
  createdAt: string | null
  updatedAt: string | null
  registerDisabled: boolean
  /** On: a password login needs a captcha (2000) after `limit` failures in a row. */
  loginFailCheck: { enabled: boolean | null; limit: number | null; timeInterval: number | null } | null
  /** On: a password older than `forcedCycle` days (or `forcedCycleUnit`s) is changed at login (2058). */
  passwordUpdatePolicy: {
    enabled: boolean | null
    forcedCycle: number | null
    differenceCycle: number | null
    forcedCycleUnit?: 'DAY' | 'MONTH' | 'YEAR' | null
  } | null
  /** `detail()` only: 0 any, 1 at least 6 characters, 2 and 3 also 2 or 3 of letters, digits and symbols. */
  passwordStrength?: 0 | 1 | 2 | 3
  /** `detail()` only. */
  robotVerify?: RobotVerify
  /** `detail()` only: passwords refused when set (2061) and changed at login (2071). */
  weakPasswords?: string[]
  /** `detail()` only: the pool's MFA policy, for every app without one of its own (1636). */
  applicationMfa?: { mfaPolicy: MfaPolicy; status: 0 | 1; sort: number }[]
  [field: string]: unknown
}

/**
 * What `userpool.update()` takes: Authing's `UpdateUserpoolInput`. `passwordStrength`, `robotVerify`,
 * `weakPasswords`, `applicationMfa` and `passwordUpdatePolicy.forcedCycleUnit` are the emulator's
 * (Authing's console sets them; its v2 GraphQL refuses them).
 */
export interface UpdateUserpoolInput {
  name?: string
  loginFailCheck?: { enabled?: boolean; limit?: number }
  passwordUpdatePolicy?: { enabled?: boolean; forcedCycle?: number; forcedCycleUnit?: 'DAY' | 'MONTH' | 'YEAR' }
  passwordStrength?: 0 | 1 | 2 | 3
  robotVerify?: RobotVerify
  weakPasswords?: string[]
  /** The pool's MFA policy, in the shape of an app's: apps without their own ask for it. */
  applicationMfa?: { mfaPolicy: MfaPolicy; status?: 0 | 1; sort?: number }[]
  [field: string]: unknown
}

/** A second factor an application's policy asks for, as Authing's `applicationMfa[].mfaPolicy`. */
export type MfaPolicy = 'OTP' | 'SMS' | 'EMAIL'

/** A profile field a login asks for (1642): `internal` a user field, `user` a custom field's key. */
export interface ExtendsFieldInput {
  type: 'internal' | 'user'
  name: string
  label?: string
  required?: boolean
}

/** What `applications.update()` takes: the application's fields as its public config names them. */
export interface ApplicationUpdates {
  name?: string
  description?: string
  redirectUris?: string[]
  loginTabs?: ('password' | 'phone-code' | 'passkey')[]
  defaultLoginTab?: 'password' | 'phone-code' | 'passkey'
  registerTabs?: ('email' | 'phone')[]
  defaultRegisterTab?: 'email' | 'phone'
  registerDisabled?: boolean
  /** Passkey login and passkey MFA (public config `passkeyEnabled`). */
  passkeyEnabled?: boolean
  passwordTabConfig?: { enabledLoginMethods: ('username-password' | 'email-password' | 'phone-password')[] }
  verifyCodeTabConfig?: { enabledLoginMethods: ('phone-code' | 'email-code')[] }
  /** The factors a login to the app must pass (1636); `status: 0` turns one off, `sort` orders them. */
  applicationMfa?: { mfaPolicy: MfaPolicy; status?: 0 | 1; sort?: number }[]
  /** False drops the completion fields. */
  extendsFieldsEnabled?: boolean
  extendsFields?: ExtendsFieldInput[]
  /** Authing's spelling. Where the fields are asked; the emulator serves `login`. */
  complateFiledsPlace?: ('register' | 'login')[]
  /** Authing's spelling: whether a user may skip completing. */
  skipComplateFileds?: boolean
}

/** authing-js-sdk's `UserMfaType`. */
export type UserMfaType = 'OTP' | 'FACE'

/** authing-js-sdk's `ISetTotpResp`: the TOTP authenticator `mfa.importTotp()` bound. */
export interface TotpImport {
  id: string
  userId: string
  enable: boolean
  secret: string
  authenticatorType: string
  recoveryCode: string
  createdAt: string
  updatedAt: string
}
