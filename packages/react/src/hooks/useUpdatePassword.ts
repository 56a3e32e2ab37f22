import type { AuthingError, User } from '@authing-kit/client'
import { useCallback } from 'react'

import { useAuthingMutation } from './useAuthingMutation.js'

export interface UseUpdatePasswordResult {
  /** Changes the password (`oldPassword` is required once the user has one). */
  updatePassword(newPassword: string, oldPassword?: string): Promise<User>
  isPending: boolean
  isSuccess: boolean
  error: AuthingError | null
  reset(): void
}

interface PasswordChange {
  newPassword: string
  oldPassword: string | undefined
}

/**
 * Changes the logged-in user's password.
 *
 * @example
 * const { updatePassword, isPending, error, isSuccess } = useUpdatePassword()
 * await updatePassword(newPassword, oldPassword)
 */
export function useUpdatePassword(): UseUpdatePasswordResult {
  const { run, isPending, isSuccess, error, reset } = useAuthingMutation<PasswordChange, User>(
    'useUpdatePassword',
    ({ client }, { newPassword, oldPassword }) => client.updatePassword(newPassword, oldPassword),
  )
  const updatePassword = useCallback(
    (newPassword: string, oldPassword?: string) => run({ newPassword, oldPassword }),
    [run],
  )
  return { updatePassword, isPending, isSuccess, error, reset }
}
