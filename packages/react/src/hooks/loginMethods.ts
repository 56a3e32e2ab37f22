import type { AuthenticationClient, User } from '@authing-kit/client'

/** What each login method needs. */
export interface LoginCredentials {
  username: { username: string; password: string }
  email: { email: string; password: string }
  phone: { phone: string; password: string }
  phoneCode: { phone: string; code: string; phoneCountryCode?: string }
  emailCode: { email: string; code: string }
}

export type LoginMethod = keyof LoginCredentials

/** A login as `useLogin` keeps it while a step is pending: how to log in again with a new password. */
export interface LoginAttempt {
  method: LoginMethod
  credentials: LoginCredentials[LoginMethod]
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

export function logIn(client: AuthenticationClient, { method, credentials }: LoginAttempt): Promise<User> {
  return (loginCalls[method] as (c: AuthenticationClient, x: LoginAttempt['credentials']) => Promise<User>)(
    client,
    credentials,
  )
}

/** The same login with another password, or null for a login by code (it had none). */
export function withPassword(attempt: LoginAttempt, password: string): LoginAttempt | null {
  return 'password' in attempt.credentials
    ? { method: attempt.method, credentials: { ...attempt.credentials, password } }
    : null
}
