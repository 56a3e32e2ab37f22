import type { AuthingError, User } from '@authing-kit/client'
import { useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useAuthingContext } from '../context.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useSingleFlight } from './useSingleFlight.js'

export interface UseUpdatePasswordResult {
  /** Changes the password (`oldPassword` is required once the user has one). */
  updatePassword(newPassword: string, oldPassword?: string): Promise<User>
  isPending: boolean
  isSuccess: boolean
  error: AuthingError | null
  reset(): void
}

/**
 * Changes the logged-in user's password.
 *
 * @example
 * const { updatePassword, isPending, error, isSuccess } = useUpdatePassword()
 * await updatePassword(newPassword, oldPassword)
 */
export function useUpdatePassword(): UseUpdatePasswordResult {
  const { client } = useAuthingContext('useUpdatePassword').runtime
  const queryClient = useAuthingQueryClient('useUpdatePassword')
  const { mutateAsync, isPending, isSuccess, error, reset } = useMutation<User, AuthingError, { newPassword: string; oldPassword: string | undefined }>(
    { mutationFn: ({ newPassword, oldPassword }) => client.updatePassword(newPassword, oldPassword) },
    queryClient,
  )
  const run = useSingleFlight(mutateAsync)
  const updatePassword = useCallback((newPassword: string, oldPassword?: string) => run({ newPassword, oldPassword }), [run])
  return { updatePassword, isPending, isSuccess, error, reset }
}
