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

const topLevel = Symbol('topLevel')

/** A handler's answer whose envelope carries more than `data` (the recovery endpoint's `recoveryCode`). */
export interface WithTopLevel {
  [topLevel]: Record<string, unknown>
  data: unknown
}

export function withTopLevel(data: unknown, fields: Record<string, unknown>): WithTopLevel {
  return { [topLevel]: fields, data }
}

export function topLevelOf(answer: unknown): { data: unknown; fields: Record<string, unknown> } {
  if (answer !== null && typeof answer === 'object' && topLevel in answer) {
    const { data, [topLevel]: fields } = answer as WithTopLevel
    return { data, fields }
  }
  return { data: answer, fields: {} }
}
