/** `POST /graphql/v2`: the JSON body `{query, variables?, operationName?}` in, the GraphQL answer out. */
import { AuthingBusinessError } from '../domain/errors.js'
import { errorBody, httpStatus } from '../http/errors.js'
import { readJsonObject } from '../http/requestBody.js'
import { json } from '../http/responses.js'
import type { RequestContext } from '../requestContext.js'
import { runGraphql } from './schema.js'

export async function graphqlEndpoint(ctx: RequestContext, request: Request, cors: Headers): Promise<Response> {
  try {
    const body = await readJsonObject(request)
    const { query, variables, operationName } = body
    if (typeof query !== 'string') throw new AuthingBusinessError('badRequest', { reason: '"query" must be a string' })
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
      throw new AuthingBusinessError('badRequest', { reason: '"variables" must be an object' })
    }
    const result = await runGraphql(
      {
        query,
        variables: (variables as Record<string, unknown> | null | undefined) ?? null,
        operationName: typeof operationName === 'string' ? operationName : null,
      },
      ctx,
    )
    return json(result, 200, cors)
  } catch (error) {
    const body = errorBody(error, ctx.lang)
    return json({ data: null, errors: [{ message: body }] }, httpStatus(body.code), cors)
  }
}
