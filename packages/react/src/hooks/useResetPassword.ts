import type { AuthingError, CommonMessage } from '@authing-kit/client'

import { useAuthingMutation } from './useAuthingMutation.js'

/** A code from `useSendSmsCode` (scene `reset`) or `useSendEmailCode` (scene `RESET_PASSWORD`), and the new password. */
export type ResetPasswordInput =
  | { phone: string; code: string; newPassword: string; phoneCountryCode?: string }
  | { email: string; code: string; newPassword: string }

export interface UseResetPasswordResult {
  /** Sets a new password; the session is left alone. Rejects with an AuthingError (also kept in `error`). */
  resetPassword(input: ResetPasswordInput): Promise<CommonMessage>
  isPending: boolean
  error: AuthingError | null
  reset(): void
}

/**
 * Resets a forgotten password with a phone or email code.
 *
 * @example
 * const { resetPassword } = useResetPassword()
 * await resetPassword({ email, code, newPassword })
 */
export function useResetPassword(): UseResetPasswordResult {
  const { run, isPending, error, reset } = useAuthingMutation<ResetPasswordInput, CommonMessage>(
    'useResetPassword',
    ({ client }, input) =>
      'email' in input
        ? client.resetPasswordByEmailCode(input.email, input.code, input.newPassword)
        : client.resetPasswordByPhoneCode(input.phone, input.code, input.newPassword, input.phoneCountryCode),
  )
  return { resetPassword: run, isPending, error, reset }
}
