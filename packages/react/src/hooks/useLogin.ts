import type { AuthenticationClient, AuthingError, User } from '@authing-kit/client'
import { useCallback } from 'react'

import { useAuthingContext } from '../context.js'
import { withRememberMe } from '../rememberMe.js'
import { useAuthingMutation } from './useAuthingMutation.js'

/** What each login method needs. */
export interface LoginCredentials {
  username: { username: string; password: string }
  email: { email: string; password: string }
  phone: { phone: string; password: string }
  phoneCode: { phone: string; code: string; phoneCountryCode?: string }
  emailCode: { email: string; code: string }
}

export type LoginMethod = keyof LoginCredentials

export interface LoginCallOptions {
  /** Remember this login across browser sessions. Defaults to the provider's `rememberMe`. */
  rememberMe?: boolean
}

export interface UseLoginResult {
  /** Logs in; resolves the user, rejects with an AuthingError (also kept in `error`). */
  login<M extends LoginMethod>(method: M, credentials: LoginCredentials[M], options?: LoginCallOptions): Promise<User>
  isPending: boolean
  error: AuthingError | null
  /** Clears `error`. */
  reset(): void
}

const loginCalls: {
  [M in LoginMethod]: (client: AuthenticationClient, credentials: LoginCredentials[M]) => Promise<User>
} = {
  username: (client, { username, password }) => client.loginByUsername(username, password),
  email: (client, { email, password }) => client.loginByEmail(email, password),
  phone: (client, { phone, password }) => client.loginByPhonePassword(phone, password),
  phoneCode: (client, { phone, code, phoneCountryCode }) =>
    client.loginByPhoneCode(phone, code, phoneCountryCode === undefined ? {} : { phoneCountryCode }),
  emailCode: (client, { email, code }) => client.loginByEmailCode(email, code),
}

interface LoginVariables {
  method: LoginMethod
  credentials: LoginCredentials[LoginMethod]
  rememberMe: boolean
}

/**
 * Logs in with one of Authing's methods. A second call while one is pending returns the pending
 * promise (no second request). On success the session, `useAuth` and the cached profile update.
 *
 * @example
 * const { login, isPending, error } = useLogin()
 * await login('username', { username, password }, { rememberMe: false })
 */
export function useLogin(): UseLoginResult {
  const { rememberMe } = useAuthingContext('useLogin')
  const { run, isPending, error, reset } = useAuthingMutation<LoginVariables, User>(
    'useLogin',
    (runtime, { method, credentials, rememberMe: remember }) => {
      const loginBy = loginCalls[method] as (c: AuthenticationClient, x: typeof credentials) => Promise<User>
      return withRememberMe(runtime.router, remember, () => loginBy(runtime.client, credentials))
    },
  )
  // The profile cache follows the new session through the provider's cache sync.
  const login = useCallback<UseLoginResult['login']>(
    (method, credentials, options = {}) => run({ method, credentials, rememberMe: options.rememberMe ?? rememberMe }),
    [run, rememberMe],
  )
  return { login, isPending, error, reset }
}
