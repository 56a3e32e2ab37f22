import type { ApplicationPublicConfig, User } from '@authing-kit/client'
import { createContext, useContext } from 'react'

import type { UseLoginResult } from '../../hooks/useLogin.js'
import type { FormLang } from '../form/errorMessages.js'
import type { LoginFormMessages } from './i18n/en-US.js'

export type LoginFormScreen = 'login' | 'register' | 'forgot'

/** What every view of one form shares: its strings, its message region and its navigation. */
export interface LoginFormContextValue {
  t: LoginFormMessages
  lang: FormLang
  /** No `<style>` of the form's own (the views' included). */
  unstyled: boolean
  /** The form's one login: the views start it, the step views continue it. */
  login: UseLoginResult
  /** The app's public config (agreements, captcha policy, password rules); null until loaded or when off. */
  config: ApplicationPublicConfig | null
  /** Whether this login is remembered across browser sessions (the checkbox). */
  rememberMe: boolean
  setRememberMe(value: boolean): void
  /** Shows a server failure in the alert region and tells the app; a login step shows its view instead. */
  fail(error: unknown): void
  /** Shows a neutral message (code sent, password reset) in the status region. */
  inform(text: string): void
  /** Shows the form's own complaint (a required agreement unticked) in the alert region. */
  warn(text: string): void
  /** Tells screen readers, and only them, what a new screen is about (its visible text says it already). */
  announce(text: string): void
  /** Clears both regions, before a new attempt. */
  clear(): void
  /** A login ended in a session: greets the user and tells the app (after showing a new recovery code). */
  loggedIn(user: User & { recoveryCode?: string }): void
  /** Tells the app, after any screen the login still had to show. */
  done(user: User): void
  go(screen: LoginFormScreen, message?: string): void
}

export const LoginFormContext = createContext<LoginFormContextValue | null>(null)

export function useLoginFormContext(): LoginFormContextValue {
  const value = useContext(LoginFormContext)
  if (!value) throw new Error('LoginForm views render inside <LoginForm>')
  return value
}
