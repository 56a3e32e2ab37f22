/**
 * Request → handler, for in-process use and behind the Node server alike: CORS for local origins,
 * the 1 MiB body limit (checked before any parsing or hashing), GraphQL at /graphql/v2, the REST
 * endpoints of /api/v2, the standard protocols (OIDC, OAuth, CAS: ./oidc) and the emulator's own
 * /__emulator endpoints.
 */
import type { EmulatorInfo, Engine } from '../engine.js'
import { AuthingBusinessError, successMessage } from '../domain/errors.js'
import { runGraphql } from '../graphql/schema.js'
import type { OutboxMessage } from '../../model/records.js'
import { RequestContext } from '../requestContext.js'
import { aclRoutes } from '../rest/handlers/acl.js'
import { applicationRoutes } from '../rest/handlers/applications.js'
import { codeRoutes } from '../rest/handlers/codes.js'
import { loginRoutes } from '../rest/handlers/login.js'
import { meRoutes } from '../rest/handlers/me.js'
import { namespaceRoutes } from '../rest/handlers/namespaces.js'
import { resourceRoutes } from '../rest/handlers/resources.js'
import { userRoutes } from '../rest/handlers/users.js'
import type { RestRoutes } from '../rest/types.js'
import { renderDashboard } from '../ui/dashboard.js'
import { corsHeaders, preflight } from './cors.js'
import { errorBody, httpStatus } from './errors.js'
import { protocolRoutes, runProtocol } from './protocolRoutes.js'
import { readJsonObject, readRestBody } from './requestBody.js'

export interface EmulatorAdmin {
  reset(): Promise<void>
  outbox(filter?: { to?: string }): OutboxMessage[]
  info(): EmulatorInfo
}

export function createRouter(engine: Engine, admin: EmulatorAdmin): (request: Request) => Promise<Response> {
  /** REST handlers answer `data`; the router wraps it in the `{code: 200, message, data}` envelope. */
  const routes: RestRoutes = {
    ...loginRoutes,
    ...codeRoutes,
    ...meRoutes,
    ...userRoutes,
    ...aclRoutes,
    ...applicationRoutes,
    ...resourceRoutes,
    ...namespaceRoutes,
    'POST /__emulator/reset': async () => {
      await admin.reset()
      return null
    },
  }
  const match = routeMatcher(routes)
  const matchProtocol = routeMatcher(protocolRoutes)

  return async (request) => {
    const url = new URL(request.url)
    const cors = corsHeaders(request)
    if (request.method === 'OPTIONS') return preflight(request, cors)
    const ctx = new RequestContext(engine, request.headers)
    const path = url.pathname.replace(/\/+$/, '')
    const route = `${request.method} ${path}`

    if (route === 'POST /graphql/v2' || route === 'POST /graphql') return graphql(ctx, request, cors)
    if (route === 'GET ' || route === 'GET /__emulator') {
      const page = renderDashboard({ state: engine.state, info: admin.info(), outbox: admin.outbox(), now: engine.settings.now() })
      return new Response(page, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' },
      })
    }
    if (route === 'GET /__emulator/outbox') {
      const to = url.searchParams.get('to')
      return json(admin.outbox(to ? { to } : undefined), 200, cors)
    }
    if (route === 'GET /__emulator/avatar.svg') return avatar(cors)
    const protocol = matchProtocol(request.method, path)
    if (protocol) {
      const response = await runProtocol(protocol.handler, { engine, request, url, params: protocol.params })
      for (const [name, value] of cors) response.headers.set(name, value)
      return response
    }
    try {
      const found = match(request.method, path)
      if (!found) throw new AuthingBusinessError('notFound', { path: url.pathname })
      const data = await found.handler(ctx, { url, params: found.params, body: () => readRestBody(request) })
      // sms/send already answers an envelope (the Python SDK returns it whole).
      if (route === 'POST /api/v2/sms/send') return json(data, 200, cors)
      return json({ code: 200, message: successMessage(route.endsWith('logout') ? 'loggedOut' : 'ok', ctx.lang), data }, 200, cors)
    } catch (error) {
      const body = errorBody(error, ctx.lang)
      return json(body, httpStatus(body.code), cors)
    }
  }
}

/**
 * Finds the handler of `METHOD /path`: exact routes first, then patterns whose `:name` segments
 * capture one (URL-decoded) path segment each.
 */
function routeMatcher<H>(routes: Record<string, H>): (method: string, path: string) => { handler: H; params: Record<string, string> } | null {
  const patterns = Object.entries(routes)
    .filter(([key]) => key.includes('/:'))
    .map(([key, handler]) => {
      const [method = '', pattern = ''] = key.split(' ')
      return { method, segments: pattern.split('/'), handler }
    })
  return (method, path) => {
    const exact = Object.hasOwn(routes, `${method} ${path}`) ? routes[`${method} ${path}`] : undefined
    if (exact) return { handler: exact, params: {} }
    const segments = path.split('/')
    for (const route of patterns) {
      if (route.method !== method || route.segments.length !== segments.length) continue
      const params: Record<string, string> = {}
      const fits = route.segments.every((segment, i) => {
        const actual = segments[i] ?? ''
        if (!segment.startsWith(':')) return segment === actual
        params[segment.slice(1)] = safeDecode(actual)
        return actual !== ''
      })
      if (fits) return { handler: route.handler, params }
    }
    return null
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** The default user picture (see ../views/users.ts): a neutral silhouette, cacheable. */
const avatarSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
<rect width="64" height="64" rx="32" fill="#d8dee9"/><circle cx="32" cy="25" r="11" fill="#8a94a6"/>
<path d="M12 54c3-10 11-15 20-15s17 5 20 15a30 30 0 0 1-40 0z" fill="#8a94a6"/></svg>
`

function avatar(cors: Headers): Response {
  const headers = new Headers(cors)
  headers.set('content-type', 'image/svg+xml')
  headers.set('cache-control', 'public, max-age=86400')
  return new Response(avatarSvg, { status: 200, headers })
}

async function graphql(ctx: RequestContext, request: Request, cors: Headers): Promise<Response> {
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

function json(body: unknown, status: number, headers: Headers): Response {
  const out = new Headers(headers)
  out.set('content-type', 'application/json; charset=utf-8')
  return new Response(JSON.stringify(body), { status, headers: out })
}
