import {
  type AuthenticationClient,
  AuthingError,
  type CommonMessage,
  isAuthingError,
  type LoginStep,
  loginStepOf,
  type MfaAssociation,
  type MfaStep,
  type User,
} from '@authing-kit/client'
import { useCallback, useRef, useState } from 'react'

import { useAuthingContext } from '../context.js'
import { withRememberMe } from '../rememberMe.js'
import { useAuthingMutation } from './useAuthingMutation.js'
import { SMS_RESEND_SECONDS, useCountedSend } from './useCountedSend.js'

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

/**
 * An answer to an MFA step: the authenticator app's code, an SMS or email code, or a recovery code.
 * `phone` / `email` default to the step's; an account without one names the one it proves and binds.
 */
export type MfaAnswer =
  | { factor: 'OTP'; code: string }
  /** The first code of an authenticator app bound in this step (`bindTotp`). */
  | { factor: 'bindOTP'; code: string }
  | { factor: 'SMS'; code: string; phone?: string; phoneCountryCode?: string }
  | { factor: 'EMAIL'; code: string; email?: string }
  | { factor: 'recovery'; code: string; startSession?: boolean }

/** Where an MFA code goes: the step's phone or email unless the account has none and names one. */
export type MfaCodeTarget =
  { factor: 'SMS'; phone?: string; phoneCountryCode?: string } | { factor: 'EMAIL'; email?: string }

export interface UseLoginResult {
  /**
   * Logs in; resolves the user, rejects with an AuthingError (also kept in `error`). A login that
   * needs another step rejects too, and sets `step`.
   */
  login<M extends LoginMethod>(method: M, credentials: LoginCredentials[M], options?: LoginCallOptions): Promise<User>
  /** The step the last login stopped at (MFA, see `loginStepOf`), or null. Cleared by a success, `cancelStep` or a new login. */
  step: LoginStep | null
  /**
   * Continues an MFA step; the user becomes the session like a password login, remembered as the login
   * asked. For SMS and email, send the code first (`useSendSmsCode` with scene `mfa-verify`, `useSendEmailCode`
   * with `MFA_VERIFY_CODE`). A recovery code answers the next one as `recoveryCode`: show it to the user.
   * A step that ended (expired, too many wrong codes: 2021) clears `step`.
   */
  verifyMfa(answer: MfaAnswer): Promise<User & { recoveryCode?: string }>
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
  /** Abandons the step (back to the login form). */
  cancelStep(): void
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

type LoginVariables =
  | { kind: 'login'; method: LoginMethod; credentials: LoginCredentials[LoginMethod]; rememberMe: boolean }
  | { kind: 'mfa'; step: MfaStep; answer: MfaAnswer; rememberMe: boolean }

function verify(
  client: AuthenticationClient,
  step: MfaStep,
  answer: MfaAnswer,
): Promise<User & { recoveryCode?: string }> {
  const { mfaToken } = step
  switch (answer.factor) {
    case 'OTP':
      return client.mfa.verifyTotpMfa({ totp: answer.code, mfaToken })
    case 'bindOTP':
      return client.mfa
        .confirmAssosicateMfaAuthenticator({ totp: answer.code, mfaToken, source: 'APPLICATION' })
        .then(
          () =>
            client.getSnapshot().user ??
            Promise.reject(new AuthingError('bad_response', 'The binding logged no one in')),
        )
    case 'SMS': {
      const { phone = step.phone ?? '', phoneCountryCode = step.phoneCountryCode } = answer
      const country = phoneCountryCode ? { phoneCountryCode } : {}
      return client.mfa.verifyAppSmsMfa({ phone, code: answer.code, mfaToken, ...country })
    }
    case 'EMAIL':
      return client.mfa.verifyAppEmailMfa({ email: answer.email ?? step.email ?? '', code: answer.code, mfaToken })
    case 'recovery': {
      const { startSession = true } = answer
      return client.mfa.verifyTotpRecoveryCode({ recoveryCode: answer.code, mfaToken, startSession })
    }
  }
}

/**
 * Logs in with one of Authing's methods, and continues the step a login may stop at (MFA). A second
 * call while one is pending returns the pending promise (no second request). On success the session,
 * `useAuth` and the cached profile update.
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
  // The step and how the login that met it asked to be remembered.
  const [pending, setPending] = useState<{ step: LoginStep; rememberMe: boolean } | null>(null)
  // The step is set inside the call, so that a second call while one runs gets the same promise.
  const { run, isPending, error, reset } = useAuthingMutation<LoginVariables, User & { recoveryCode?: string }>(
    'useLogin',
    async (runtime, variables) => {
      if (variables.kind === 'login') setPending(null)
      try {
        const user = await withRememberMe(runtime.router, variables.rememberMe, () => {
          if (variables.kind === 'mfa') {
            heldRememberMe.current = variables.rememberMe
            return verify(runtime.client, variables.step, variables.answer)
          }
          const loginBy = loginCalls[variables.method] as (c: AuthenticationClient, x: unknown) => Promise<User>
          return loginBy(runtime.client, variables.credentials)
        })
        setPending(null)
        return user
      } catch (failure) {
        const step = variables.kind === 'login' ? loginStepOf(failure) : null
        if (step) setPending({ step, rememberMe: variables.rememberMe })
        if (variables.kind === 'mfa' && isAuthingError(failure) && failure.code === 2021) setPending(null)
        throw failure
      }
    },
  )
  // The profile cache follows the new session through the provider's cache sync.
  const login = useCallback<UseLoginResult['login']>(
    (method, credentials, options = {}) =>
      run({ kind: 'login', method, credentials, rememberMe: options.rememberMe ?? rememberMe }),
    [run, rememberMe],
  )
  const verifyMfa = useCallback<UseLoginResult['verifyMfa']>(
    (answer) =>
      pending?.step.kind === 'mfa'
        ? run({ kind: 'mfa', step: pending.step, answer, rememberMe: pending.rememberMe })
        : Promise.reject(new AuthingError('invalid_argument', 'verifyMfa needs a pending MFA step: log in first')),
    [run, pending],
  )
  const mfaStep = pending?.step.kind === 'mfa' ? pending.step : null
  const codeSend = useCountedSend<{ step: MfaStep | null; target: MfaCodeTarget }>(
    'useLogin',
    (client, { step, target }) => {
      if (!step)
        return Promise.reject(
          new AuthingError('invalid_argument', 'sendMfaCode needs a pending MFA step: log in first'),
        )
      if (target.factor === 'EMAIL') return client.sendEmail(target.email ?? step.email ?? '', 'MFA_VERIFY_CODE')
      const { phone = step.phone ?? '', phoneCountryCode = step.phoneCountryCode ?? undefined } = target
      return client.sendSmsCode(phone, phoneCountryCode, 'mfa-verify')
    },
    SMS_RESEND_SECONDS,
  )
  const { send } = codeSend
  const sendMfaCode = useCallback((target: MfaCodeTarget) => send({ step: mfaStep, target }), [send, mfaStep])
  const bindTotp = useCallback(
    () =>
      mfaStep
        ? provider.runtime.client.mfa.assosicateMfaAuthenticator({ mfaToken: mfaStep.mfaToken, source: 'APPLICATION' })
        : Promise.reject(new AuthingError('invalid_argument', 'bindTotp needs a pending MFA step: log in first')),
    [provider.runtime, mfaStep],
  )
  const startSession = useCallback(
    (user: User) => {
      const { router, client } = provider.runtime
      void withRememberMe(router, heldRememberMe.current, async () => client.setCurrentUser(user))
    },
    [provider.runtime],
  )
  const cancelStep = useCallback(() => {
    setPending(null)
    reset()
  }, [reset])
  return {
    login,
    step: pending?.step ?? null,
    verifyMfa,
    sendMfaCode,
    mfaCodeSecondsLeft: codeSend.secondsLeft,
    bindTotp,
    startSession,
    cancelStep,
    isPending,
    error,
    reset,
  }
}
