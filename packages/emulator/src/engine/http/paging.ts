/** Pagination as Authing's management API does it: page 1 and 10 per page by default, at most 80 (2030). */
import { AuthingBusinessError } from '../domain/errors.js'

export interface Page {
  page: number
  limit: number
}

export const maxPageSize = 80

export function pageOf(page: number | null | undefined, limit: number | null | undefined): Page {
  const p = page ?? 1
  const l = limit ?? 10
  if (l > maxPageSize) throw new AuthingBusinessError('tooManyPerPage')
  if (!Number.isInteger(p) || p < 1) throw new AuthingBusinessError('invalidParam', { field: 'page' })
  if (!Number.isInteger(l) || l < 1) throw new AuthingBusinessError('invalidParam', { field: 'limit' })
  return { page: p, limit: l }
}

/** REST query parameters `page` and `limit` (absent: the defaults; not a number: 2231). */
export function pageFromQuery(url: URL): Page {
  const read = (name: string): number | null => {
    const raw = url.searchParams.get(name)
    if (raw === null || raw === '') return null
    const n = Number(raw)
    if (!Number.isFinite(n)) throw new AuthingBusinessError('invalidParam', { field: name })
    return n
  }
  return pageOf(read('page'), read('limit'))
}

export function paginate<T>(items: readonly T[], { page, limit }: Page): { totalCount: number; list: T[] } {
  const start = (page - 1) * limit
  return { totalCount: items.length, list: items.slice(start, start + limit) }
}
