import { lazy, type ReactNode, Suspense } from 'react'

import { loadMessages } from './i18n/messages.js'
import type { LoginFormProps } from './loginFormProps.js'

// Its own file, so the lazily loaded view can take the props' type without importing this module.
export type { LoginFormLang, LoginFormMethod, LoginFormProps } from './loginFormProps.js'

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
  // Beside the view's chunk, not after it: the two load in parallel.
  void loadMessages(props.lang ?? 'zh-CN').catch(() => {})
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
