import type { RequestContext } from '../requestContext.js'

/**
 * A root Query/Mutation field: GraphQL has already checked the argument types against the schema,
 * so each resolver declares the arguments it reads (`never` here lets it narrow them).
 */
export type RootResolver = (args: never, ctx: RequestContext) => unknown
export type RootResolvers = Record<string, RootResolver>

/**
 * A field of an object type computed from the record its view carries (see ../views/record.ts),
 * e.g. `User.roles(namespace)`: `source` is the parent's view.
 */
export type FieldResolver = (source: never, args: never, ctx: RequestContext) => unknown
/** The computed fields of one GraphQL object type, by field name. */
export type FieldResolvers = Record<string, FieldResolver>
