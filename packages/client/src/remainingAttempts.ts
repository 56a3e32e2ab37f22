import { isAuthingError } from './errors.js'

/**
 * How many more wrong passwords the account may take before it locks, from a failed login's 2333
 * error (`data.remainCount`); null when the error is another one or the server did not say. 0
 * means the account is now locked (the next try answers 2005).
 *
 * @example
 * const left = remainingAttemptsOf(error)
 * if (left) show(`Wrong password: ${left} more tries`)
 */
export function remainingAttemptsOf(error: unknown): number | null {
  if (!isAuthingError(error) || error.code !== 2333) return null
  const count = (error.data as { remainCount?: unknown } | null | undefined)?.remainCount
  return typeof count === 'number' && Number.isFinite(count) ? count : null
}
