import { AuthingError, isAuthingError } from '../errors.js'
import { lazyModule } from '../lazyModule.js'
import { fetchJson, parseJson, type SendOptions, withDeadline } from './send.js'
import { isErrorBody, serverError, unexpectedAnswer } from './serverError.js'

type GraphqlRequestModule = typeof import('./graphqlRequest.js')

// graphql-request loads on the first GraphQL call, so an app that only restores a session does not
// pay for it up front.
const loadGraphqlRequest = lazyModule(() => import('./graphqlRequest.js'), 'graphql-request')

export interface GraphqlCall {
  url: string
  headers: Record<string, string>
  credentials: RequestCredentials
  document: string
  variables: Record<string, unknown>
}

type Client = InstanceType<GraphqlRequestModule['GraphQLClient']>
const clients = new WeakMap<SendOptions['fetch'], Map<string, Client>>()

// Authing's answers are parsed here so that malformed JSON is a `bad_response`, not a SyntaxError.
const jsonSerializer = {
  stringify: JSON.stringify,
  parse: (text: string) => parseJson({ status: 200, headers: EMPTY_HEADERS, text }),
}
const EMPTY_HEADERS = new Headers()

/**
 * One graphql-request client per fetch, endpoint and credentials mode; the per-call deadline travels
 * in `init.signal`.
 */
function clientFor(module: GraphqlRequestModule, call: GraphqlCall, fetch: SendOptions['fetch']): Client {
  let byUrl = clients.get(fetch)
  if (!byUrl) clients.set(fetch, (byUrl = new Map()))
  const { url, credentials } = call
  let client = byUrl.get(`${credentials} ${url}`)
  if (!client) {
    client = new module.GraphQLClient(url, {
      // Authing's SDKs send no operationName; leaving it out also spares parsing the document per call.
      excludeOperationName: true,
      credentials,
      fetch: (input, init) => fetchJson(fetch, String(input), init ?? {}),
      jsonSerializer,
    })
    byUrl.set(`${credentials} ${url}`, client)
  }
  return client
}

/**
 * One GraphQL operation against `/graphql/v2`, answering its `data`. Authing puts its business errors
 * in `errors[].message` as `{code, message, data}` objects; they become AuthingErrors with that code.
 */
export async function graphqlRequest<T>(call: GraphqlCall, options: SendOptions): Promise<T> {
  const module = loadGraphqlRequest.loaded ?? (await loadGraphqlRequest())
  const client = clientFor(module, call, options.fetch)
  return withDeadline(call.url, options, async (signal) => {
    try {
      const { data } = await client.rawRequest<T>({
        query: call.document,
        variables: call.variables,
        requestHeaders: call.headers,
        signal,
      })
      if (data === undefined || data === null)
        throw unexpectedAnswer({ status: 200, text: '' }, 'a GraphQL answer without data')
      return data
    } catch (error) {
      if (isAuthingError(error) || signal.aborted) throw error
      if (error instanceof module.ClientError) throw fromClientError(error.response)
      // What is left is the body stream failing half-way.
      throw new AuthingError(
        'network_error',
        `The GraphQL answer broke off: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      )
    }
  })
}

function fromClientError(response: { status: number; errors?: { message?: unknown }[]; body?: unknown }): AuthingError {
  const { status, errors, body } = response
  // Authing reports several errors the way its SDKs do: the last one wins.
  const last = errors?.at(-1)?.message
  if (isErrorBody(last)) return serverError(last, status)
  if (typeof last === 'string') return new AuthingError('bad_response', last, { status, data: errors })
  const text = typeof body === 'string' ? body : ''
  const envelope = tryParse(text)
  if (isErrorBody(envelope)) return serverError(envelope, status)
  return unexpectedAnswer({ status, text }, 'no Authing error in a failed GraphQL answer')
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
