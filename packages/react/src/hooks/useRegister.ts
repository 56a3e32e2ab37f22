import type { AuthenticationClient, AuthingError, RegisterOptions, RegisterProfile, User } from '@authing-kit/client'
import { useCallback } from 'react'

import { useAuthingContext } from '../context.js'
import { withRememberMe } from '../rememberMe.js'
import { useAuthingMutation } from './useAuthingMutation.js'

/** What each registration method needs. */
export interface RegisterCredentials {
  username: { username: string; password: string; profile?: RegisterProfile }
  email: { email: string; password: string; profile?: RegisterProfile }
  phoneCode: { phone: string; code: string; password?: string; profile?: RegisterProfile }
}

export type RegisterMethod = keyof RegisterCredentials

export interface RegisterCallOptions {
  /** Log the new user in (the session changes). Defaults to false. */
  forceLogin?: boolean
  /** With `forceLogin`: remember the session across browser sessions. Defaults to the provider's `rememberMe`. */
  rememberMe?: boolean
  /** Ids of the agreements the user accepted (the app's public config lists them). */
  agreementIds?: number[]
}

export interface UseRegisterResult {
  /** Registers; resolves the new user, rejects with an AuthingError (also kept in `error`). */
  register<M extends RegisterMethod>(
    method: M,
    credentials: RegisterCredentials[M],
    options?: RegisterCallOptions,
  ): Promise<User>
  isPending: boolean
  error: AuthingError | null
  reset(): void
}

type RegisterCall<M extends RegisterMethod> = (
  client: AuthenticationClient,
  credentials: RegisterCredentials[M],
  options: RegisterOptions,
) => Promise<User>

const registerCalls: { [M in RegisterMethod]: RegisterCall<M> } = {
  username: (client, { username, password, profile }, options) =>
    client.registerByUsername(username, password, profile, options),
  email: (client, { email, password, profile }, options) => client.registerByEmail(email, password, profile, options),
  phoneCode: (client, { phone, code, password, profile }, options) =>
    client.registerByPhoneCode(phone, code, password, profile, options),
}

interface RegisterVariables {
  method: RegisterMethod
  credentials: RegisterCredentials[RegisterMethod]
  forceLogin: boolean
  rememberMe: boolean
  agreementIds: number[] | undefined
}

/**
 * Registers a user. Without `forceLogin` the current session is left alone. A second call while
 * one is pending returns the pending promise.
 *
 * @example
 * const { register, isPending, error } = useRegister()
 * await register('email', { email, password }, { forceLogin: true })
 */
export function useRegister(): UseRegisterResult {
  const { rememberMe } = useAuthingContext('useRegister')
  const { run, isPending, error, reset } = useAuthingMutation<RegisterVariables, User>(
    'useRegister',
    (runtime, { method, credentials, forceLogin, rememberMe: remember, agreementIds }) => {
      const registerBy = registerCalls[method] as RegisterCall<RegisterMethod>
      const call = () =>
        registerBy(runtime.client, credentials, agreementIds ? { forceLogin, agreementIds } : { forceLogin })
      return forceLogin ? withRememberMe(runtime.router, remember, call) : call()
    },
  )
  const register = useCallback<UseRegisterResult['register']>(
    (method, credentials, options = {}) =>
      run({
        method,
        credentials,
        forceLogin: options.forceLogin ?? false,
        rememberMe: options.rememberMe ?? rememberMe,
        agreementIds: options.agreementIds,
      }),
    [run, rememberMe],
  )
  return { register, isPending, error, reset }
}
