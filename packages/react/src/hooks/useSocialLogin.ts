import {
  type AuthenticationClient,
  AuthingError,
  type BindIdentityStep,
  isAuthingError,
  type SocialAuthorizeOptions,
  type SocialLoginStep,
  socialLoginStepOf,
  type User,
} from '@authing-kit/client'
import { useCallback, useState } from 'react'

import { useAuthingContext } from '../context.js'
import { withRememberMe } from '../rememberMe.js'
import { useAuthingMutation } from './useAuthingMutation.js'

export interface SocialLoginOptions extends Omit<SocialAuthorizeOptions, 'signal' | 'onSuccess' | 'onError'> {
  /** Remember this login across browser sessions. Defaults to the provider's `rememberMe`. */
  rememberMe?: boolean
  /** When the browser blocks the popup, continue in this page (a redirect). Defaults to true. */
  fallbackToRedirect?: boolean
}

export interface UseSocialLoginResult {
  /**
   * Logs in through `provider` (a connection identifier of the public config's `socialConnections`,
   * e.g. `github`): a popup, or this page when `popup: false` or the popup is blocked (then the page
   * leaves and the promise never settles; `handleRedirectCallback` finishes on return). Resolves the
   * user, who becomes the session; rejects with an AuthingError (also kept in `error`), and sets
   * `step` when the login stops at one.
   */
  authorize(provider: string, options?: SocialLoginOptions): Promise<User>
  /** Finishes a redirect login on the page it came back to; null when the address carries none. */
  handleRedirectCallback(url?: string): Promise<User | null>
  /**
   * The step the last login stopped at: `bindIdentity` (1640/1641) is answered here; a second factor
   * or a profile to complete by `client.mfa` / `client.completeProfile` (see `socialLoginStepOf`).
   */
  step: SocialLoginStep | null
  /** Answers a `bindIdentity` step with an existing account's password; the user becomes the session. */
  bindIdentityByPassword(account: string, password: string): Promise<User>
  /** Answers a 1641 `bindIdentity` step (`canCreate`) with a new account; the user becomes the session. */
  createFederationAccount(): Promise<User>
  /** Abandons the step. */
  cancelStep(): void
  isPending: boolean
  error: AuthingError | null
  /** Clears `error`. */
  reset(): void
}

interface Variables {
  rememberMe: boolean
  call: (client: AuthenticationClient) => Promise<User | null>
}

const redirectNotice = (blocked: AuthingError) =>
  new AuthingError('popup_blocked', 'The browser blocked the login popup: continuing in this page instead', {
    cause: blocked,
  })

/**
 * Social login (GitHub, WeChat, DingTalk, …) by popup or redirect, and the identity-binding step
 * it may stop at. The popup's answer counts only from the app host and the popup itself.
 *
 * @example
 * const { authorize, step, bindIdentityByPassword, isPending, error } = useSocialLogin()
 * await authorize('github').catch(() => {})
 * if (step?.kind === 'bindIdentity') await bindIdentityByPassword(account, password)
 */
export function useSocialLogin(): UseSocialLoginResult {
  const { rememberMe } = useAuthingContext('useSocialLogin')
  const [step, setStep] = useState<SocialLoginStep | null>(null)
  const [notice, setNotice] = useState<AuthingError | null>(null)
  const { run, isPending, error, reset } = useAuthingMutation<Variables, User | null>(
    'useSocialLogin',
    async (runtime, { rememberMe: remember, call }) => {
      try {
        const user = await withRememberMe(runtime.router, remember, () => call(runtime.client))
        setStep(null)
        return user
      } catch (failure) {
        setStep(socialLoginStepOf(failure))
        throw failure
      }
    },
  )
  const authorize = useCallback<UseSocialLoginResult['authorize']>(
    (provider, options = {}) => {
      const { rememberMe: remember = rememberMe, fallbackToRedirect = true, ...authorizeOptions } = options
      setNotice(null)
      const call = async (client: AuthenticationClient) => {
        try {
          return await client.social.authorize(provider, authorizeOptions)
        } catch (failure) {
          if (!fallbackToRedirect || !isAuthingError(failure) || failure.code !== 'popup_blocked') throw failure
          setNotice(redirectNotice(failure))
          return client.social.authorize(provider, { ...authorizeOptions, popup: false })
        }
      }
      return run({ rememberMe: remember, call }) as Promise<User>
    },
    [run, rememberMe],
  )
  const handleRedirectCallback = useCallback<UseSocialLoginResult['handleRedirectCallback']>(
    (url) => run({ rememberMe, call: (client) => client.social.handleRedirectCallback(url) }),
    [run, rememberMe],
  )
  const bindStep = step?.kind === 'bindIdentity' ? step : null
  const answer = useCallback(
    (action: string, call: (client: AuthenticationClient, s: BindIdentityStep) => Promise<User>) =>
      bindStep
        ? (run({ rememberMe, call: (client) => call(client, bindStep) }) as Promise<User>)
        : Promise.reject(new AuthingError('invalid_argument', `${action} needs a bindIdentity step: log in first`)),
    [run, rememberMe, bindStep],
  )
  const bindIdentityByPassword = useCallback<UseSocialLoginResult['bindIdentityByPassword']>(
    (account, password) =>
      answer('bindIdentityByPassword', (client, s) => client.social.bindIdentityByPassword(s, account, password)),
    [answer],
  )
  const createFederationAccount = useCallback<UseSocialLoginResult['createFederationAccount']>(
    () => answer('createFederationAccount', (client, s) => client.social.createFederationAccount(s)),
    [answer],
  )
  const cancelStep = useCallback(() => {
    setStep(null)
    reset()
  }, [reset])
  const clear = useCallback(() => {
    setNotice(null)
    reset()
  }, [reset])
  return {
    authorize,
    handleRedirectCallback,
    step,
    bindIdentityByPassword,
    createFederationAccount,
    cancelStep,
    isPending,
    error: error ?? notice,
    reset: clear,
  }
}
