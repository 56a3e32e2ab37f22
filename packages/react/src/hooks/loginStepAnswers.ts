import {
  type AuthenticationClient,
  AuthingError,
  type CommonMessage,
  type CompleteProfileStep,
  type CompletionFieldValue,
  type LoginStep,
  type MfaStep,
  type User,
} from '@authing-kit/client'

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
  /** A passkey of the account (the step lists `PASSKEY`): the browser's prompt signs the challenge. */
  | { factor: 'PASSKEY' }

/** Where an MFA code goes: the step's phone or email unless the account has none and names one. */
export type MfaCodeTarget =
  { factor: 'SMS'; phone?: string; phoneCountryCode?: string } | { factor: 'EMAIL'; email?: string }

/** The password steps: the account's password must change before it logs in. */
export type PasswordStep = Extract<LoginStep, { kind: 'firstLoginPassword' | 'forcePasswordReset' | 'unsafePassword' }>

export const isPasswordStep = (step: LoginStep | null): step is PasswordStep =>
  step?.kind === 'firstLoginPassword' || step?.kind === 'forcePasswordReset' || step?.kind === 'unsafePassword'

export function answerMfa(
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
    case 'PASSKEY':
      return client.passkey.verifyMfa(step)
  }
}

export function sendMfaCode(
  client: AuthenticationClient,
  step: MfaStep,
  target: MfaCodeTarget,
): Promise<CommonMessage> {
  if (target.factor === 'EMAIL') return client.sendEmail(target.email ?? step.email ?? '', 'MFA_VERIFY_CODE')
  const { phone = step.phone ?? '', phoneCountryCode = step.phoneCountryCode ?? undefined } = target
  return client.sendSmsCode(phone, phoneCountryCode, 'mfa-verify')
}

/** Sets the new password a password step asks for (a rotation needs the current one too); no session yet. */
export function resetStepPassword(
  client: AuthenticationClient,
  step: PasswordStep,
  newPassword: string,
  oldPassword: string | undefined,
): Promise<CommonMessage> {
  return step.kind === 'forcePasswordReset'
    ? client.resetPasswordByForceResetToken(step.token, oldPassword ?? '', newPassword)
    : client.resetPasswordByFirstLoginToken(step.token, newPassword)
}

/** Fills in (or, with null, skips) a profile-completion step: the login it stopped becomes the session. */
export function completeStepProfile(
  client: AuthenticationClient,
  step: CompleteProfileStep,
  values: CompletionFieldValue[] | null,
): Promise<User> {
  return values ? client.completeProfile(step, values) : client.skipProfileCompletion(step)
}
