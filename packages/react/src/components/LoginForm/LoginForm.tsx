import type { AuthingError, User } from '@authing-kit/client'
import { lazy, Suspense, type CSSProperties, type ReactNode } from 'react'
import type { FormLang } from '../form/errorMessages.js'

export type LoginFormMethod = 'password' | 'phoneCode' | 'emailCode'
export type LoginFormLang = FormLang

export interface LoginFormProps {
  /** Called with the user once a login succeeds (the session is already in place). */
  onSuccess?: (user: User) => void
  /** Called with every failure the server or network gave (not for validation messages). */
  onError?: (error: AuthingError) => void
  /** Login methods to offer, in tab order. Defaults to all three. */
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
  /** Shown while the form's code loads. Defaults to a short "Loading…". */
  fallback?: ReactNode
}

// The form is its own chunk: an app that never renders it never downloads it.
const LoginFormView = lazy(() => import('./LoginFormView.js').then((module) => ({ default: module.LoginFormView })))

/**
 * A complete login form: password (username, email or phone), phone code and email code logins,
 * sign-up and forgot-password screens, in Chinese or English. Render it inside `<AuthingProvider>`.
 *
 * @example
 * <LoginForm lang="en-US" methods={['password', 'phoneCode']} onSuccess={(user) => navigate('/')} />
 */
export function LoginForm({ fallback, ...props }: LoginFormProps): ReactNode {
  const loading = fallback ?? (
    <div className={props.className ? `ak-login ${props.className}` : 'ak-login'} aria-busy="true">
      {props.lang === 'en-US' ? 'Loading…' : '加载中…'}
    </div>
  )
  return (
    <Suspense fallback={loading}>
      <LoginFormView {...props} />
    </Suspense>
  )
}
