import type { AuthingError, Role } from '@authing-kit/client'
import { authingQueryKeys, rolesQueryOptions, useAuth, useAuthingClient } from '@authing-kit/react'
import { useQuery } from '@tanstack/react-query'

/** The logged-in user's roles, on the same cache entry as `useHasRole` (so both make one request). */
export function useRoles(namespace?: string): { roles: Role[]; isLoading: boolean; error: AuthingError | null } {
  const client = useAuthingClient()
  const userId = useAuth((auth) => auth.user?.id ?? null)
  const query = useQuery({
    ...rolesQueryOptions(client, userId ?? '', namespace),
    queryKey: authingQueryKeys.roles(userId, namespace),
    enabled: userId !== null,
  })
  return { roles: query.data?.list ?? [], isLoading: query.isLoading, error: query.error }
}
