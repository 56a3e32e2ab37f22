import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { useContext, useEffect } from 'react'

import { useAuthingContext } from './context.js'

/**
 * The QueryClient the query hooks use: the provider's `queryClient` prop, else the app's
 * `QueryClientProvider`, else one the provider owns (created here, on first use, so an app that
 * never calls a query hook never loads react-query).
 */
export function useAuthingQueryClient(hookName: string): QueryClient {
  const { runtime, queryClient: given } = useAuthingContext(hookName)
  const fromApp = useContext(QueryClientContext)
  const bridge = runtime.queryBridge
  // The same client on every render (bridge.own is made once), so it is a stable effect dependency.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const queryClient = given ?? fromApp ?? (bridge.own ??= new QueryClient())
  // Registered during render, before any effect can change the session, so no update is missed.
  bridge.clients.add(queryClient)
  useEffect(() => {
    if (queryClient !== bridge.own) return undefined
    queryClient.mount()
    return () => queryClient.unmount()
  }, [bridge, queryClient])
  return queryClient
}
