// Plain helpers with no React in them: callable from server code (prefetching), so no 'use client'.
import type { AuthenticationClient, AuthingError, AuthorizedResource, Paginated, Role, User } from '@authing-kit/client'
import type { DataTag, QueryKey, UnusedSkipTokenOptions } from '@tanstack/react-query'

/**
 * Every query key of authing-kit, in one factory. Everything of a user sits under
 * `authingQueryKeys.user(id)`, so one `removeQueries` forgets all of it when the user changes.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: authingQueryKeys.profile(user.id) })
 */
export const authingQueryKeys = {
  all: ['authing'] as const,
  user: (userId: string | null) => ['authing', 'user', userId] as const,
  profile: (userId: string | null) => ['authing', 'user', userId, 'profile'] as const,
  roles: (userId: string | null, namespace?: string) =>
    ['authing', 'user', userId, 'roles', namespace ?? null] as const,
  authorizedResources: (userId: string | null, namespace: string, resourceType?: string) =>
    ['authing', 'user', userId, 'authorizedResources', namespace, resourceType ?? null] as const,
  mfaAuthenticators: (userId: string | null) => ['authing', 'user', userId, 'mfaAuthenticators'] as const,
  passkeys: (userId: string | null) => ['authing', 'user', userId, 'passkeys'] as const,
  /** whether the browser can use passkeys: the same for every user */
  passkeySupport: ['authing', 'passkeySupport'] as const,
}

/** Query options whose key carries the data type, as TanStack's `queryOptions()` returns them. */
export type AuthingQueryOptions<TData, TKey extends QueryKey> = UnusedSkipTokenOptions<
  TData,
  AuthingError,
  TData,
  TKey
> & {
  queryKey: DataTag<TKey, TData, AuthingError>
}

/** A profile read twice within this time is served from the cache. */
export const PROFILE_STALE_TIME_MS = 60_000

/**
 * The logged-in user's profile (`getCurrentUser`), for `useQuery`, `prefetchQuery` or `fetchQuery`.
 * Resolves null when the server no longer accepts the session.
 *
 * @example
 * await queryClient.prefetchQuery(profileQueryOptions(authing, userId))
 */
export function profileQueryOptions(
  client: AuthenticationClient,
  userId: string,
): AuthingQueryOptions<User | null, ReturnType<typeof authingQueryKeys.profile>> {
  return tagged({
    queryKey: authingQueryKeys.profile(userId),
    // The query's AbortSignal is left unused on purpose: React Query cancels a fetch that consumed it
    // when its last observer unmounts, and StrictMode's mount-unmount-mount would then send it twice.
    queryFn: () => client.getCurrentUser(),
    staleTime: PROFILE_STALE_TIME_MS,
  })
}

/** The logged-in user's roles in `namespace` (all namespaces when omitted). */
export function rolesQueryOptions(
  client: AuthenticationClient,
  userId: string,
  namespace?: string,
): AuthingQueryOptions<Paginated<Role>, ReturnType<typeof authingQueryKeys.roles>> {
  return tagged({
    queryKey: authingQueryKeys.roles(userId, namespace),
    queryFn: () => client.listRoles(namespace),
    staleTime: PROFILE_STALE_TIME_MS,
  })
}

/** The resources the logged-in user may act on in `namespace`. */
export function authorizedResourcesQueryOptions(
  client: AuthenticationClient,
  userId: string,
  namespace: string,
  resourceType?: string,
): AuthingQueryOptions<Paginated<AuthorizedResource>, ReturnType<typeof authingQueryKeys.authorizedResources>> {
  return tagged({
    queryKey: authingQueryKeys.authorizedResources(userId, namespace, resourceType),
    queryFn: () => client.listAuthorizedResources(namespace, resourceType === undefined ? {} : { resourceType }),
    staleTime: PROFILE_STALE_TIME_MS,
  })
}

// TanStack's queryOptions() only adds this type tag; doing it here keeps react-query out of the bundle.
function tagged<TData, TKey extends QueryKey>(options: UnusedSkipTokenOptions<TData, AuthingError, TData, TKey>) {
  return options as AuthingQueryOptions<TData, TKey>
}
