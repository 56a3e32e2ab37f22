import {
  type AuthenticationClient,
  AuthingError,
  type PasskeyLoginOptions,
  type SocialAuthorizeOptions,
  type User,
} from '@authing-kit/client'

/** What a login may carry besides its credentials: the ticked agreements' ids, the captcha's answer. */
interface Extras {
  /** Ids of the agreements the user accepted (the app's public config lists them). */
  agreementIds?: number[]
}
interface PasswordExtras extends Extras {
  /** The captcha's answer, once the pool asks for one (step `captcha`; image: `getCaptchaUrl()`). */
  captchaCode?: string
}

/**
 * A social login's options (`fallbackToRedirect` defaults to true here); the promise is the answer,
 * so its callbacks and signal stay out.
 */
export interface SocialCredentials extends Omit<SocialAuthorizeOptions, 'signal' | 'onSuccess' | 'onError'> {
  /** a connection identifier of the public config's `socialConnections`, e.g. `github` */
  provider: string
}

/** What each login method needs. */
export interface LoginCredentials {
  username: { username: string; password: string } & PasswordExtras
  email: { email: string; password: string } & PasswordExtras
  phone: { phone: string; password: string } & PasswordExtras
  phoneCode: { phone: string; code: string; phoneCountryCode?: string } & Extras
  emailCode: { email: string; code: string } & Extras
  /** By popup (or this page: the promise then never settles, `socialRedirect` finishes on return). */
  social: SocialCredentials
  /** Finishes a social login by redirect on the page it came back to (default: this page's address). */
  socialRedirect: { url?: string }
  /** With a passkey the user picks in the browser's prompt. */
  passkey: PasskeyLoginOptions
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
  username: (client, { username, password, ...extras }) => client.loginByUsername(username, password, extras),
  email: (client, { email, password, ...extras }) => client.loginByEmail(email, password, extras),
  phone: (client, { phone, password, ...extras }) => client.loginByPhonePassword(phone, password, extras),
  phoneCode: (client, { phone, code, ...extras }) => client.loginByPhoneCode(phone, code, extras),
  emailCode: (client, { email, code, ...extras }) => client.loginByEmailCode(email, code, extras),
  social: (client, { provider, ...options }) =>
    client.social.authorize(provider, { fallbackToRedirect: true, ...options }),
  passkey: (client, options) => client.passkey.login(options),
  socialRedirect: async (client, { url }) =>
    (await client.social.handleRedirectCallback(url)) ??
    Promise.reject(new AuthingError('invalid_argument', 'The address carries no social login result')),
}

export function logIn(client: AuthenticationClient, { method, credentials }: LoginAttempt): Promise<User> {
  return (loginCalls[method] as (c: AuthenticationClient, x: LoginAttempt['credentials']) => Promise<User>)(
    client,
    credentials,
  )
}

/** The same login with another password (and no spent captcha answer), or null for a login by code (it had none). */
export function withPassword(attempt: LoginAttempt, password: string): LoginAttempt | null {
  if (!('password' in attempt.credentials)) return null
  const { captchaCode: _spent, ...credentials } = attempt.credentials
  return { method: attempt.method, credentials: { ...credentials, password } }
}
