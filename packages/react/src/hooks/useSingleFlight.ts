import { useCallback, useRef } from 'react'

/**
 * Wraps an async operation so that calling it again while it runs returns the running promise
 * instead of starting a second request (a double-clicked "Log in" sends one login).
 */
export function useSingleFlight<A extends unknown[], R>(
  operation: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  const inFlight = useRef<Promise<R> | null>(null)
  return useCallback(
    (...args: A) =>
      (inFlight.current ??= operation(...args).finally(() => {
        inFlight.current = null
      })),
    [operation],
  )
}
