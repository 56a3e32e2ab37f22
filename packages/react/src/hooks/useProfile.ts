import type { AuthingError, ProfileUpdates, User } from '@authing-kit/client'
import { useMutation, useQuery } from '@tanstack/react-query'

import { useAuthingContext } from '../context.js'
import { authingQueryKeys, profileQueryOptions } from '../queryKeys.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useAuth } from './useAuth.js'

export interface UseProfileResult {
  /** The logged-in user's profile; null when logged out. */
  profile: User | null
  isLoading: boolean
  error: AuthingError | null
  refetch(): Promise<unknown>
  /** Changes profile fields; shown at once, rolled back if the server refuses. */
  update(patch: ProfileUpdates): Promise<User>
  isUpdating: boolean
  updateError: AuthingError | null
}

interface Rollback {
  key: ReturnType<typeof authingQueryKeys.profile>
  previous: User | null | undefined
}

/**
 * The logged-in user's profile: one request however many components use it, starting from the
 * remembered user so nothing flashes empty. `update` is optimistic and rolls back on error.
 *
 * @example
 * const { profile, update, isUpdating } = useProfile()
 * await update({ nickname: 'Bobby' })
 */
export function useProfile(): UseProfileResult {
  const { client } = useAuthingContext('useProfile').runtime
  const queryClient = useAuthingQueryClient('useProfile')
  const sessionUser = useAuth((auth) => auth.user)
  const userId = sessionUser?.id ?? null
  const key = authingQueryKeys.profile(userId)

  const query = useQuery(
    {
      ...profileQueryOptions(client, userId ?? ''),
      queryKey: key,
      enabled: userId !== null,
      // The remembered user shows at once; as it is of unknown age, it is refetched in the background.
      initialData: () => sessionUser ?? undefined,
      initialDataUpdatedAt: 0,
    },
    queryClient,
  )

  const mutation = useMutation<User, AuthingError, ProfileUpdates, Rollback>(
    {
      mutationFn: (patch) => client.updateProfile(patch),
      onMutate: async (patch) => {
        await queryClient.cancelQueries({ queryKey: key })
        const previous = queryClient.getQueryData<User | null>(key)
        if (previous) queryClient.setQueryData<User | null>(key, { ...previous, ...patch })
        return { key, previous }
      },
      onError: (_error, _patch, rollback) => {
        if (rollback?.previous) queryClient.setQueryData<User | null>(rollback.key, rollback.previous)
      },
    },
    queryClient,
  )

  return {
    profile: userId === null ? null : (query.data ?? null),
    isLoading: query.isLoading,
    error: query.error,
    refetch: query.refetch,
    update: mutation.mutateAsync,
    isUpdating: mutation.isPending,
    updateError: mutation.error,
  }
}
