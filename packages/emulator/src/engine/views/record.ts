/**
 * A GraphQL view carries the record it shows, under a symbol (never serialised, never a field),
 * so that the per-type field resolvers can compute nested fields (`User.roles`, `Role.users`, …).
 */
const record = Symbol('record')

export type Shown<R> = Record<string, unknown> & { readonly [record]: R }

export function withRecord<R>(fields: Record<string, unknown>, source: R): Shown<R> {
  return { ...fields, [record]: source }
}

/** The record a view was made from. */
export function recordOf<R>(view: Shown<R>): R {
  return view[record]
}
