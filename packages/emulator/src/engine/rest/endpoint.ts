/**
 * Runs the REST handler found for `route` (`METHOD /path`): its `data` goes out in the
 * `{code: 200, message, data}` envelope, a thrown error as Authing's `{code, message, data?}`
 * body; no handler is 404. The /api/v3 paths answer v3's envelope instead (./v3Envelope.ts).
 */
import { AuthingBusinessError, successMessage } from '../domain/errors.js'
import { errorBody, httpStatus } from '../http/errors.js'
import { readRestBody } from '../http/requestBody.js'
import { json } from '../http/responses.js'
import type { RequestContext } from '../requestContext.js'
import { type RestHandler, topLevelOf } from './types.js'
import { v3ErrorBody } from './v3Envelope.js'

export async function restEndpoint(
  ctx: RequestContext,
  request: Request,
  url: URL,
  route: string,
  found: { handler: RestHandler; params: Record<string, string> } | null,
  cors: Headers,
): Promise<Response> {
  try {
    if (!found) throw new AuthingBusinessError('notFound', { path: url.pathname })
    const answer = await found.handler(ctx, { url, params: found.params, body: () => readRestBody(request) })
    // sms/send already answers an envelope (the Python SDK returns it whole).
    if (route === 'POST /api/v2/sms/send') return json(answer, 200, cors)
    const message = successMessage(route.endsWith('logout') ? 'loggedOut' : 'ok', ctx.lang)
    if (url.pathname.startsWith('/api/v3/')) return json({ statusCode: 200, message, data: answer ?? null }, 200, cors)
    const { data, fields } = topLevelOf(answer)
    return json({ code: 200, message, ...fields, data }, 200, cors)
  } catch (error) {
    const body = errorBody(error, ctx.lang)
    if (url.pathname.startsWith('/api/v3/')) return json(v3ErrorBody(body), httpStatus(body.code), cors)
    return json(body, httpStatus(body.code), cors)
  }
}
