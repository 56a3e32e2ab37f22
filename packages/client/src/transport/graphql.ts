import { AuthingError, isAuthingError } from '../errors.js'
import { isErrorBody, serverError, unexpectedAnswer } from './serverError.js'
import { parseJson, send, type SendOptions } from './send.js'

type GraphqlRequestModule = typeof import('graphql-request')
let graphqlRequestModule: Promise<GraphqlRequestModule> | undefined

// graphql-request (and the graphql parser it pulls in) load on the first GraphQL call, so an app
// that only restores a session does not pay for them up front.
function loadGraphqlRequest(): Promise<GraphqlRequestModule> {
  graphqlRequestModule ??= import('graphql-request').catch((error: unknown) => {
    graphqlRequestModule = undefined
    throw new AuthingError('network_error', 'Could not load graphql-request', { cause: error })
  })
  return graphqlRequestModule
}

export interface GraphqlCall {
  url: string
  headers: Record<string, string>
  document: string
  variables: Record<string, unknown>
}

/**
 * One GraphQL operation against `/graphql/v2`, answering its `data`. Authing puts its business errors
 * in `errors[].message` as `{code, message, data}` objects; they become AuthingErrors with that code.
 */
export async function graphqlRequest<T>(call: GraphqlCall, options: SendOptions): Promise<T> {
  const { GraphQLClient, ClientError } = await loadGraphqlRequest()
  const client = new GraphQLClient(call.url, {
    // Authing's SDKs send no operationName; leaving it out also spares parsing the document per call.
    excludeOperationName: true,
    credentials: 'include',
    fetch: async (input, init) => {
      const raw = await send(String(input instanceof Request ? input.url : input), init ?? {}, options)
      return new Response(raw.text, { status: raw.status, headers: raw.headers })
    },
    jsonSerializer: {
      stringify: JSON.stringify,
      parse: (text: string) => parseJson({ status: 200, headers: new Headers(), text }),
    },
  })
  try {
    const { data } = await client.rawRequest<T>(call.document, call.variables, call.headers)
    if (data === undefined || data === null) throw unexpectedAnswer({ status: 200, text: '' }, 'a GraphQL answer without data')
    return data
  } catch (error) {
    if (isAuthingError(error)) throw error
    if (error instanceof ClientError) {
      const { status, errors, body } = error.response as { status: number; errors?: { message?: unknown }[]; body?: unknown }
      const text = typeof body === 'string' ? body : ''
      // Authing reports several errors the way its SDKs do: the last one wins.
      const last = errors?.at(-1)?.message
      if (isErrorBody(last)) throw serverError(last, status)
      if (typeof last === 'string') throw new AuthingError('bad_response', last, { status, data: errors })
      const envelope = tryParse(text)
      if (isErrorBody(envelope)) throw serverError(envelope, status)
      throw unexpectedAnswer({ status, text }, 'no Authing error in a failed GraphQL answer')
    }
    throw new AuthingError('bad_response', `Unreadable GraphQL answer: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
