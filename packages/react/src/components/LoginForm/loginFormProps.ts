import type { AuthingError, User } from '@authing-kit/client'
import type { CSSProperties, ReactNode } from 'react'

import type { FormLang } from '../form/errorMessages.js'

/** The QR tabs: Authing's app, a WeChat mini program, a WeChat official account. */
export type QrLoginMethod = 'appQrcode' | 'wechatMiniProgramQrcode' | 'wechatmpQrcode'
export type LoginFormMethod = 'password' | 'phoneCode' | 'emailCode' | QrLoginMethod
export type LoginFormLang = FormLang

export interface LoginFormProps {
  /** Called with the user once a login succeeds (the session is already in place). */
  onSuccess?: (user: User) => void
  /** Called with every failure the server or network gave (not for validation messages). */
  onError?: (error: AuthingError) => void
  /**
   * Login methods to offer, in tab order. Defaults to password, phone code and email code, then the
   * QR tabs the app's console turned on (public config).
   */
  methods?: readonly LoginFormMethod[]
  /** The method shown first. Defaults to the first of `methods`. */
  defaultMethod?: LoginFormMethod
  /** Language of every string, error messages included. Defaults to `zh-CN`. */
  lang?: LoginFormLang
  /** Offer the sign-up screen. Defaults to true. */
  allowRegister?: boolean
  /** Offer the forgot-password screen. Defaults to true. */
  allowForgotPassword?: boolean
  className?: string
  /** Inline style of the root, e.g. theme variables: `{ '--ak-color-primary': '#0a7' }`. */
  style?: CSSProperties
  /** Render no `<style>` at all; the `ak-login__*` class names stay for your own CSS. */
  unstyled?: boolean
  /**
   * Read the app's public config (one cached request) for its agreements, captcha policy and
   * password rules. Defaults to true.
   */
  publicConfig?: boolean
  /**
   * Take the login tabs, their order, the default tab and whether sign-up is offered from the app's
   * console (public config) instead of `methods` / `defaultMethod` / `allowRegister`, once it is in.
   * Tabs this form has no view for are left out. Defaults to false.
   */
  followPublicConfig?: boolean
  /**
   * Offer the app's social logins (public config `socialConnections`: GitHub, WeChat, …) as buttons
   * under the login form. Defaults to true.
   */
  socialLogin?: boolean
  /**
   * Offer "Sign in with a passkey" (and passkeys in the account field's autofill, where the browser
   * can) when the app's console turned passkeys on (public config `passkeyEnabled`). Defaults to true.
   */
  passkey?: boolean
  /** Shown while the form's code loads. Defaults to a short "Loading…". */
  fallback?: ReactNode
}
