import { type AuthingError, isSocialRedirect, type LoginStep, type User } from '@authing-kit/client'
import { useCallback, useState } from 'react'

import type { SocialCredentials } from './loginMethods.js'
import { useLogin } from './useLogin.js'

export interface SocialLoginOptions extends Omit<SocialCredentials, 'provider'> {
  /** Remember this login across browser sessions. Defaults to the provider's `rememberMe`. */
  rememberMe?: boolean
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
   * The step the last login stopped at: `bindIdentity` (1640/1641) is answered here; the others
   * (MFA, profile completion) as `useLogin` answers them.
   */
  step: LoginStep | null
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

/**
 * Social login (GitHub, WeChat, DingTalk, …) by popup or redirect, and the identity-binding step
 * it may stop at: `useLogin`'s `social` method with its steps, for a UI of its own. The popup's
 * answer counts only from the app host and the popup itself.
 *
 * @example
 * const { authorize, step, bindIdentityByPassword, isPending, error } = useSocialLogin()
 * await authorize('github').catch(() => {})
 * if (step?.kind === 'bindIdentity') await bindIdentityByPassword(account, password)
 */
export function useSocialLogin(): UseSocialLoginResult {
  const login = useLogin()
  // Why the page is about to leave (a blocked popup): not a failure of the login, but worth saying.
  const [notice, setNotice] = useState<AuthingError | null>(null)
  const { login: logIn, reset } = login
  const authorize = useCallback<UseSocialLoginResult['authorize']>(
    (provider, { rememberMe, ...options } = {}) => {
      setNotice(null)
      const onPopupBlocked = (blocked: AuthingError) => {
        setNotice(blocked)
        options.onPopupBlocked?.(blocked)
      }
      return logIn('social', { ...options, provider, onPopupBlocked }, rememberMe === undefined ? {} : { rememberMe })
    },
    [logIn],
  )
  const handleRedirectCallback = useCallback<UseSocialLoginResult['handleRedirectCallback']>(
    async (url) => (isSocialRedirect(url) ? logIn('socialRedirect', url === undefined ? {} : { url }) : null),
    [logIn],
  )
  const clear = useCallback(() => {
    setNotice(null)
    reset()
  }, [reset])
  return {
    authorize,
    handleRedirectCallback,
    step: login.step,
    bindIdentityByPassword: login.bindIdentityByPassword,
    createFederationAccount: login.createFederationAccount,
    cancelStep: login.cancelStep,
    isPending: login.isPending,
    error: login.error ?? notice,
    reset: clear,
  }
}
