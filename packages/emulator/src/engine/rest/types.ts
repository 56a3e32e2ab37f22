import type { RequestContext } from '../requestContext.js'

/** A REST request as handlers see it: path parameters from the route pattern, the body on demand. */
export interface RestRequest {
  url: URL
  params: Record<string, string>
  /** The JSON object body, length-checked like GraphQL arguments. */
  body(): Promise<Record<string, unknown>>
}

/** A REST endpoint: answers the `data` the router wraps in the `{code: 200, message, data}` envelope. */
export type RestHandler = (ctx: RequestContext, request: RestRequest) => Promise<unknown>

/** Routes keyed `'METHOD /path'`, where a `:name` segment matches any one path segment. */
export type RestRoutes = Record<string, RestHandler>
