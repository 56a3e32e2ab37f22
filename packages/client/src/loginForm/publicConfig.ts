/**
 * What `GET /api/v2/applications/{appId}/public-config` describes: the login form an application
 * wants (Guard's `ApplicationConfig`). Typed for the fields a login form uses; the server sends more.
 */
import type { Lang } from '../types.js'

export type LoginTab =
  | 'password'
  | 'phone-code'
  | 'ldap'
  | 'ad'
  | 'app-qrcode'
  | 'wechat-miniprogram-qrcode'
  | 'wechatmp-qrcode'
  | 'authing-otp-push'
  | 'passkey'
  | (string & {})
export type PasswordLoginMethod = 'username-password' | 'email-password' | 'phone-password'
export type VerifyCodeLoginMethod = 'phone-code' | 'email-code'
/** Authing's robot-verify policy: a captcha on every password login, never, or after failures. */
export type RobotVerify = 'always_enable' | 'disable' | 'condition_set'

/**
 * A box a login or register form shows to users of `lang`. `title` is HTML (it may hold `<a>`
 * links): render it sanitised. `availableAt`: 0 or null the register form, 1 the login form, 2 both.
 */
export interface Agreement {
  id: number
  title: string
  required: boolean
  lang: Lang
  availableAt?: 0 | 1 | 2 | null
}

export interface TabsConfig<Tab extends string> {
  list: Tab[]
  default: Tab
  /** tab → its label */
  title: Record<string, string>
}

export interface ApplicationPublicConfig {
  id: string
  userPoolId: string
  name: string
  logo: string | null
  description: string | null
  identifier: string
  requestHostname: string
  redirectUris: string[]
  allowedOrigins: string[]
  corsWhitelist?: string[]
  /** The RSA key passwords are encrypted with (PEM). */
  publicKey: string
  loginTabs: TabsConfig<LoginTab>
  passwordTabConfig: {
    enabledLoginMethods: PasswordLoginMethod[]
    validLoginMethods: PasswordLoginMethod[]
    validRegisterMethods: string[]
  }
  verifyCodeTabConfig: { enabledLoginMethods: VerifyCodeLoginMethod[] }
  registerDisabled: boolean
  registerTabs: TabsConfig<string>
  /** Digits of SMS and email codes (Guard assumes 4 when absent). */
  verifyCodeLength?: number
  agreementEnabled: boolean
  agreements: Agreement[]
  /** The effective captcha policy is `customSecurityEnabled ? appRobotVerify : userpoolRobotVerify`. */
  customSecurityEnabled?: boolean
  appRobotVerify?: RobotVerify
  userpoolRobotVerify?: RobotVerify
  passwordStrength?: number
  mfaBindConfigs?: { mfa: string; changeable: boolean }[]
  passkeyEnabled?: boolean
  /** The app's social logins, for its buttons; `identifier` is what `client.social.authorize` takes. */
  socialConnections: SocialConnection[]
  identityProviders: unknown[]
  qrcodeTabsSettings: Record<string, unknown[]>
  extendsFieldsEnabled?: boolean
  extendsFields?: unknown[]
  [field: string]: unknown
}

/** A social login button of the public config (Guard's fields, login-flows §8.1). */
export interface SocialConnection {
  id: string
  /** the console's identifier: `client.social.authorize(identifier)` */
  identifier: string
  /** Authing's provider type (`github`, `wechat:pc`, …): which logo to draw */
  provider: string
  name: string
  name_en: string
  displayName: string
  /** an image URL, or empty (draw the provider's own logo) */
  logo: string
  tooltip?: Record<string, string>
  authorizationUrl?: string
  embedded?: boolean
  /** `message`: the button only shows a message (Guard) */
  action: 'auth' | 'message'
}

/** Whether a password login to the app needs a captcha before its first try (`always_enable`). */
export function captchaAlwaysRequired(config: ApplicationPublicConfig): boolean {
  const policy = config.customSecurityEnabled ? config.appRobotVerify : config.userpoolRobotVerify
  return policy === 'always_enable'
}

/**
 * The agreements a form shows to users of `lang`: the login form those with `availableAt` 1 or 2,
 * the register form 0 (or none) or 2. Tick every `required` one before submitting.
 */
export function agreementsFor(config: ApplicationPublicConfig, form: 'login' | 'register', lang: Lang): Agreement[] {
  if (!config.agreementEnabled) return []
  return config.agreements.filter(
    (a) => a.lang === lang && (form === 'login' ? Boolean(a.availableAt) : a.availableAt !== 1),
  )
}
