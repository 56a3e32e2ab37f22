import type { AuthingError, AuthorizedResource } from '@authing-kit/client'
import { useQuery } from '@tanstack/react-query'

import { useAuthingContext } from '../context.js'
import { authingQueryKeys, authorizedResourcesQueryOptions } from '../queryKeys.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useAuth } from './useAuth.js'

export interface UseAuthorizedResourcesResult {
  /** The resources and the actions the user may take on each; empty when logged out. */
  resources: AuthorizedResource[]
  totalCount: number
  isLoading: boolean
  error: AuthingError | null
  refetch(): Promise<unknown>
}

/**
 * The resources the logged-in user may act on in `namespace` (an app's resources live in the
 * namespace named by its app id).
 *
 * @example
 * const { resources } = useAuthorizedResources(appId, { resourceType: 'DATA' })
 */
export function useAuthorizedResources(
  namespace: string,
  options: { resourceType?: string } = {},
): UseAuthorizedResourcesResult {
  const { client } = useAuthingContext('useAuthorizedResources').runtime
  const queryClient = useAuthingQueryClient('useAuthorizedResources')
  const userId = useAuth((auth) => auth.user?.id ?? null)
  const query = useQuery(
    {
      ...authorizedResourcesQueryOptions(client, userId ?? '', namespace, options.resourceType),
      queryKey: authingQueryKeys.authorizedResources(userId, namespace, options.resourceType),
      enabled: userId !== null,
    },
    queryClient,
  )
  const data = userId === null ? undefined : query.data
  return {
    resources: data?.list ?? [],
    totalCount: data?.totalCount ?? 0,
    isLoading: query.isLoading,
    error: query.error,
    refetch: query.refetch,
  }
}
