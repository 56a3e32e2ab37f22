import { isAuthingError } from '@authing-kit/client'

/** The languages the ready-made screens speak. */
export type FormLang = 'zh-CN' | 'en-US'

/**
 * One language's sentences for failures (errors/en-US.ts, errors/zh-CN.ts), each a module of its
 * own so that a screen ships the language it shows. Keyed by String(code): Authing's numeric codes
 * and the client's own named ones share one table.
 */
export interface ErrorCatalog {
  codes: Partial<Record<string, string>>
  fallback: string
  attemptsLeft: string
}

/**
 * What to tell the user about a failure, in the catalog's language. Codes the form knows get a friendly
 * sentence; any other server refusal shows the server's own message (callers render it as text,
 * never as markup); anything else gets a generic sentence.
 */
export function errorMessage(error: unknown, catalog: ErrorCatalog): string {
  if (!isAuthingError(error)) return catalog.fallback
  const known = catalog.codes[String(error.code)]
  // A wrong password says how many tries are left before the lockout, where the server tells (2333).
  const left = (error.data as { remainCount?: unknown } | undefined)?.remainCount
  if (known !== undefined && typeof left === 'number' && left > 0)
    return `${known} ${catalog.attemptsLeft.replace('{n}', String(left))}`
  if (known !== undefined) return known
  return typeof error.code === 'number' && error.message.trim() !== '' ? error.message : catalog.fallback
}
