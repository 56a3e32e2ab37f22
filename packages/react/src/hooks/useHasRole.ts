import type { AuthingError } from '@authing-kit/client'
import { useQuery } from '@tanstack/react-query'

import { useAuthingContext } from '../context.js'
import { authingQueryKeys, rolesQueryOptions } from '../queryKeys.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useAuth } from './useAuth.js'

export interface UseHasRoleResult {
  /** True when the logged-in user has the role; false while unknown and when logged out. */
  hasRole: boolean
  isLoading: boolean
  error: AuthingError | null
}

/**
 * Whether the logged-in user has the role `code` (in `namespace`). Every useHasRole of one
 * namespace shares one roles request.
 *
 * @example
 * const { hasRole: isAdmin } = useHasRole('admin')
 */
export function useHasRole(code: string, namespace?: string): UseHasRoleResult {
  const { client } = useAuthingContext('useHasRole').runtime
  const queryClient = useAuthingQueryClient('useHasRole')
  const userId = useAuth((auth) => auth.user?.id ?? null)
  const query = useQuery(
    {
      ...rolesQueryOptions(client, userId ?? '', namespace),
      queryKey: authingQueryKeys.roles(userId, namespace),
      enabled: userId !== null,
      select: (roles) => roles.list.some((role) => role.code === code),
    },
    queryClient,
  )
  return { hasRole: userId !== null && query.data === true, isLoading: query.isLoading, error: query.error }
}
