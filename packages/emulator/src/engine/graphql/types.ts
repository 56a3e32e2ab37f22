import type { RequestContext } from '../requestContext.js'

/**
 * A root Query/Mutation field: GraphQL has already checked the argument types against the schema,
 * so each resolver declares the arguments it reads (`never` here lets it narrow them).
 */
export type RootResolver = (args: never, ctx: RequestContext) => unknown
export type RootResolvers = Record<string, RootResolver>
