import type { User } from '@authing-kit/client'
import { createContext, useContext } from 'react'

import type { LoginFormMessages } from './i18n/en-US.js'

export type LoginFormScreen = 'login' | 'register' | 'forgot'

/** What every view of one form shares: its strings, its message region and its navigation. */
export interface LoginFormContextValue {
  t: LoginFormMessages
  /** Whether this login is remembered across browser sessions (the checkbox). */
  rememberMe: boolean
  setRememberMe(value: boolean): void
  /** Shows a server failure in the alert region and tells the app. */
  fail(error: unknown): void
  /** Shows a neutral message (code sent, password reset) in the status region. */
  inform(text: string): void
  /** Clears both regions, before a new attempt. */
  clear(): void
  loggedIn(user: User): void
  go(screen: LoginFormScreen, message?: string): void
}

export const LoginFormContext = createContext<LoginFormContextValue | null>(null)

export function useLoginFormContext(): LoginFormContextValue {
  const value = useContext(LoginFormContext)
  if (!value) throw new Error('LoginForm views render inside <LoginForm>')
  return value
}
