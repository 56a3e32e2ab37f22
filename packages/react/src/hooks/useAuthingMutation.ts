import type { AuthingError } from '@authing-kit/client'
import { useMutation, type UseMutationOptions } from '@tanstack/react-query'

import { useAuthingContext } from '../context.js'
import type { AuthingRuntime } from '../runtime.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useSingleFlight } from './useSingleFlight.js'

/** The state of one of the provider's calls, as the mutation hooks hand it on. */
export interface AuthingMutation<V, R> {
  /**
   * Makes the call; while one is pending, returns that promise instead (no second request).
   * Rejects with the AuthingError that is also kept in `error`. Stable across renders.
   */
  run(variables: V): Promise<R>
  isPending: boolean
  isSuccess: boolean
  error: AuthingError | null
  /** Clears `error` and `isSuccess`. */
  reset(): void
}

/**
 * What every mutation hook shares: the provider's runtime (throwing, with `hookName`, outside one),
 * its QueryClient, a react-query mutation and the single-flight guard.
 */
export function useAuthingMutation<V, R>(
  hookName: string,
  call: (runtime: AuthingRuntime, variables: V) => Promise<R>,
  options: Pick<UseMutationOptions<R, AuthingError, V>, 'onSuccess'> = {},
): AuthingMutation<V, R> {
  const { runtime } = useAuthingContext(hookName)
  const queryClient = useAuthingQueryClient(hookName)
  const { mutateAsync, isPending, isSuccess, error, reset } = useMutation<R, AuthingError, V>(
    { ...options, mutationFn: (variables) => call(runtime, variables) },
    queryClient,
  )
  const run = useSingleFlight(mutateAsync)
  return { run, isPending, isSuccess, error, reset }
}
