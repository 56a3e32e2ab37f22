import {
  type AuthenticationClient,
  AuthingError,
  type CommonMessage,
  type CompletionFieldValue,
  isAuthingError,
  type LoginStep,
  loginStepOf,
  type MfaAssociation,
  type User,
} from '@authing-kit/client'
import { useCallback, useRef, useState } from 'react'

import { useAuthingContext } from '../context.js'
import { withRememberMe } from '../rememberMe.js'
import { logIn, type LoginAttempt, type LoginCredentials, type LoginMethod, withPassword } from './loginMethods.js'
import {
  answerMfa,
  completeStepProfile,
  isPasswordStep,
  type MfaAnswer,
  type MfaCodeTarget,
  resetStepPassword,
  sendMfaCode,
} from './loginStepAnswers.js'
import { useAuthingMutation } from './useAuthingMutation.js'
import { SMS_RESEND_SECONDS, useCountedSend } from './useCountedSend.js'

export type { LoginCredentials, LoginMethod } from './loginMethods.js'
export type { MfaAnswer, MfaCodeTarget } from './loginStepAnswers.js'

export interface LoginCallOptions {
  /** Remember this login across browser sessions. Defaults to the provider's `rememberMe`. */
  rememberMe?: boolean
}

type LoggedIn = User & { recoveryCode?: string }

export interface UseLoginResult {
  /**
   * Logs in; resolves the user, rejects with an AuthingError (also kept in `error`). A login that
   * needs another step rejects too, and sets `step`.
   */
  login<M extends LoginMethod>(method: M, credentials: LoginCredentials[M], options?: LoginCallOptions): Promise<User>
  /**
   * The step the last login stopped at (see `loginStepOf`), or null. Cleared by a success, `cancelStep`,
   * a new login, or when the step ends (2021, 2207: expired or spent; log in again). A step's answer
   * that meets the next step (MFA, then profile completion) sets that one.
   */
  step: LoginStep | null
  /**
   * Continues an MFA step; the user becomes the session like a password login, remembered as the login
   * asked. For SMS and email, send the code first (`sendMfaCode`). A recovery code answers the next one
   * as `recoveryCode`: show it to the user.
   */
  verifyMfa(answer: MfaAnswer): Promise<LoggedIn>
  /**
   * Sends the SMS or email code of a pending MFA step (scenes `mfa-verify` / `MFA_VERIFY_CODE`), then
   * counts down (`mfaCodeSecondsLeft`) before another may go; during it, rejects with `rate_limited`.
   */
  sendMfaCode(target: MfaCodeTarget): Promise<CommonMessage>
  /** Seconds until `sendMfaCode` may send again; 0 when it may. */
  mfaCodeSecondsLeft: number
  /**
   * When the step offers `OTP` but no authenticator app is bound (`totpEnabled: false`): starts binding
   * one (QR image, key, recovery code); its first code then answers `verifyMfa({ factor: 'bindOTP', code })`.
   */
  bindTotp(): Promise<MfaAssociation>
  /**
   * Makes the user of `verifyMfa({ factor: 'recovery', code, startSession: false })` the session, remembered
   * as its login asked: call it once the user has seen (and saved) the next recovery code.
   */
  startSession(user: User): void
  /**
   * Answers a password step (`firstLoginPassword`, `forcePasswordReset` — which needs `oldPassword` —
   * `unsafePassword`), then logs in again with the new password, as the user would: resolves the user,
   * or rejects with the next step. Resolves null after a login by code, QR scan or social login
   * (there is no password login to repeat).
   * A password the pool refuses is 2061 and keeps the step.
   */
  setNewPassword(newPassword: string, options?: { oldPassword?: string }): Promise<User | null>
  /**
   * The captcha image to show (`<img src>`) once the pool asks for one (step `captcha`, 2000), or after
   * `refreshCaptcha`; a new one after every failed login while shown, null again after a success.
   * Send its text as `captchaCode` with the next password login.
   */
  captchaUrl: string | null
  /** Shows a new captcha image (the old one is spent): a "new image" button, or a policy that always asks. */
  refreshCaptcha(): void
  /** Answers a `completeProfile` step with the fields' values (and codes); the user becomes the session. */
  completeProfile(values: CompletionFieldValue[]): Promise<User>
  /** Skips a `completeProfile` step whose `skip` is true; the user becomes the session. */
  skipProfile(): Promise<User>
  /**
   * Answers a `bindIdentity` step (a social account seen for the first time, 1640/1641): binds it to
   * the existing account that proves itself with this password; that user becomes the session.
   */
  bindIdentityByPassword(account: string, password: string): Promise<User>
  /** Answers a 1641 `bindIdentity` step (`canCreate`) with a new account; the user becomes the session. */
  createFederationAccount(): Promise<User>
  /**
   * Continues a login that another way of signing in stopped at a step (a QR scan's `onLoginStep`,
   * a social login's rejection): `step` becomes it, remembered as the provider says. Returns whether
   * `failure` was a step.
   */
  takeStep(failure: unknown): boolean
  /** Abandons the step (back to the login form). */
  cancelStep(): void
  isPending: boolean
  error: AuthingError | null
  /** Clears `error`. */
  reset(): void
}

/**
 * A login, or the next move of the step it stopped at; `attempt` is the login itself, for a retry
 * (null for a login without credentials to repeat: a QR scan, a social login).
 */
interface LoginVariables {
  attempt: LoginAttempt | null
  rememberMe: boolean
  /** Absent for the login itself. */
  answer?: (client: AuthenticationClient) => Promise<LoggedIn | null>
}

interface Pending {
  step: LoginStep
  attempt: LoginAttempt | null
  rememberMe: boolean
}

// Codes of a step that is over: its token expired, was spent or took too many wrong answers.
const STEP_ENDED = new Set<unknown>([2021, 2207])

const noStep = (action: string) =>
  Promise.reject(new AuthingError('invalid_argument', `${action} needs a pending step of its kind: log in first`))

/**
 * Logs in with one of Authing's methods, and continues the steps a login may stop at (MFA, password
 * rules, profile completion). A second call while one is pending returns the pending promise (no
 * second request). On success the session, `useAuth` and the cached profile update.
 *
 * @example
 * const { login, step, verifyMfa, isPending, error } = useLogin()
 * await login('username', { username, password }, { rememberMe: false }).catch(() => {})
 * if (step?.kind === 'mfa') await verifyMfa({ factor: 'OTP', code })
 */
export function useLogin(): UseLoginResult {
  const provider = useAuthingContext('useLogin')
  const { rememberMe } = provider
  // How the login behind a held session (a recovery code's, see `startSession`) asked to be remembered.
  const heldRememberMe = useRef(rememberMe)
  const [pending, setPending] = useState<Pending | null>(null)
  const [captchaUrl, setCaptchaUrl] = useState<string | null>(null)
  // The step is set inside the call, so that a second call while one runs gets the same promise.
  const { run, isPending, error, reset } = useAuthingMutation<LoginVariables, LoggedIn | null>(
    'useLogin',
    async (runtime, { attempt, rememberMe: remember, answer }) => {
      if (!answer) setPending(null)
      heldRememberMe.current = remember
      try {
        const user = await withRememberMe(runtime.router, remember, () =>
          answer ? answer(runtime.client) : logIn(runtime.client, attempt!),
        )
        setPending(null)
        setCaptchaUrl(null)
        return user
      } catch (failure) {
        const step = loginStepOf(failure)
        // Authing spends a captcha on any attempt: once one is shown, every failure needs a new image.
        setCaptchaUrl((shown) => (shown || step?.kind === 'captcha' ? runtime.client.getCaptchaUrl() : null))
        if (step) setPending({ step, attempt, rememberMe: remember })
        else if (isAuthingError(failure) && STEP_ENDED.has(failure.code)) setPending(null)
        throw failure
      }
    },
  )
  // The profile cache follows the new session through the provider's cache sync.
  const login = useCallback<UseLoginResult['login']>(
    (method, credentials, options = {}) =>
      run({ attempt: { method, credentials }, rememberMe: options.rememberMe ?? rememberMe }) as Promise<User>,
    [run, rememberMe],
  )
  const continueWith = useCallback(
    (answer: NonNullable<LoginVariables['answer']>, attempt = pending?.attempt ?? null) =>
      pending ? run({ attempt, rememberMe: pending.rememberMe, answer }) : null,
    [run, pending],
  )
  const step = pending?.step ?? null
  const mfaStep = step?.kind === 'mfa' ? step : null
  const verifyMfa = useCallback<UseLoginResult['verifyMfa']>(
    (answer) =>
      (mfaStep && (continueWith((client) => answerMfa(client, mfaStep, answer)) as Promise<LoggedIn>)) ??
      noStep('verifyMfa'),
    [continueWith, mfaStep],
  )
  const codeSend = useCountedSend<MfaCodeTarget>(
    'useLogin',
    (client, target) => (mfaStep ? sendMfaCode(client, mfaStep, target) : noStep('sendMfaCode')),
    SMS_RESEND_SECONDS,
  )
  const bindTotp = useCallback(
    () =>
      mfaStep
        ? provider.runtime.client.mfa.assosicateMfaAuthenticator({ mfaToken: mfaStep.mfaToken, source: 'APPLICATION' })
        : noStep('bindTotp'),
    [provider.runtime, mfaStep],
  )
  const startSession = useCallback(
    (user: User) => {
      const { router, client } = provider.runtime
      void withRememberMe(router, heldRememberMe.current, async () => client.setCurrentUser(user))
    },
    [provider.runtime],
  )
  const setNewPassword = useCallback<UseLoginResult['setNewPassword']>(
    (newPassword, { oldPassword } = {}) => {
      if (!isPasswordStep(step) || !pending) return noStep('setNewPassword')
      const again = pending.attempt && withPassword(pending.attempt, newPassword)
      return continueWith(async (client) => {
        await resetStepPassword(client, step, newPassword, oldPassword)
        return again ? logIn(client, again) : null
      }, again ?? pending.attempt) as Promise<User | null>
    },
    [continueWith, step, pending],
  )
  const completeProfile = useCallback<UseLoginResult['completeProfile']>(
    (values) =>
      step?.kind === 'completeProfile'
        ? (continueWith((client) => completeStepProfile(client, step, values)) as Promise<User>)
        : noStep('completeProfile'),
    [continueWith, step],
  )
  const skipProfile = useCallback<UseLoginResult['skipProfile']>(
    () =>
      step?.kind === 'completeProfile'
        ? (continueWith((client) => completeStepProfile(client, step, null)) as Promise<User>)
        : noStep('skipProfile'),
    [continueWith, step],
  )
  const bindStep = step?.kind === 'bindIdentity' ? step : null
  const bindIdentityByPassword = useCallback<UseLoginResult['bindIdentityByPassword']>(
    (account, password) =>
      bindStep
        ? (continueWith((client) => client.social.bindIdentityByPassword(bindStep, account, password)) as Promise<User>)
        : noStep('bindIdentityByPassword'),
    [continueWith, bindStep],
  )
  const createFederationAccount = useCallback<UseLoginResult['createFederationAccount']>(
    () =>
      bindStep
        ? (continueWith((client) => client.social.createFederationAccount(bindStep)) as Promise<User>)
        : noStep('createFederationAccount'),
    [continueWith, bindStep],
  )
  const refreshCaptcha = useCallback(() => setCaptchaUrl(provider.runtime.client.getCaptchaUrl()), [provider.runtime])
  const takeStep = useCallback(
    (failure: unknown) => {
      const taken = loginStepOf(failure)
      if (taken) setPending({ step: taken, attempt: null, rememberMe })
      return taken !== null
    },
    [rememberMe],
  )
  const cancelStep = useCallback(() => {
    setPending(null)
    reset()
  }, [reset])
  return {
    login,
    step,
    verifyMfa,
    sendMfaCode: codeSend.send,
    mfaCodeSecondsLeft: codeSend.secondsLeft,
    bindTotp,
    startSession,
    setNewPassword,
    captchaUrl,
    refreshCaptcha,
    completeProfile,
    skipProfile,
    bindIdentityByPassword,
    createFederationAccount,
    takeStep,
    cancelStep,
    isPending,
    error,
    reset,
  }
}
