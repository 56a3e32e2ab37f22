import type { AuthenticationClient, User } from '@authing-kit/client'
import type { QueryClient } from '@tanstack/react-query'

import { authingQueryKeys } from './queryKeys.js'

/**
 * The QueryClients the provider's hooks use. The provider itself never imports react-query (an app
 * that only needs `useAuth` does not ship it); the query hooks register their client here, so the
 * provider can still keep those caches in step with the session.
 */
export interface QueryBridge {
  readonly clients: Set<QueryClient>
  /** The provider's own QueryClient, created by the first query hook when the app has none. */
  own: QueryClient | null
}

export function createQueryBridge(): QueryBridge {
  return { clients: new Set(), own: null }
}

/**
 * Keeps every registered cache in step with the session: a new user (or none) drops everything
 * cached for the previous one; a changed user object (profile update, another tab) becomes the
 * cached profile. Returns the cleanup.
 */
export function syncQueryCaches(client: AuthenticationClient, bridge: QueryBridge): () => void {
  let previous: User | null = client.getSnapshot().user
  return client.subscribe(({ user }) => {
    const before = previous
    previous = user
    if (user === before) return
    for (const queryClient of bridge.clients) {
      if (before && before.id !== user?.id) queryClient.removeQueries({ queryKey: authingQueryKeys.user(before.id) })
      if (user) queryClient.setQueryData(authingQueryKeys.profile(user.id), user)
    }
  })
}
