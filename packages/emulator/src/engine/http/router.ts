/**
 * Request → handler, for in-process use and behind the Node server alike: CORS for local origins,
 * the 1 MiB body limit (checked before any parsing or hashing), GraphQL at /graphql/v2, the REST
 * endpoints of /api/v2, the standard protocols (OIDC, OAuth, CAS: ./oidc) and the emulator's own
 * /__emulator endpoints.
 */
import type { Engine } from '../engine.js'
import { RequestContext } from '../requestContext.js'
import { renderDashboard } from '../ui/dashboard.js'
import type { EmulatorInfo } from '../engine.js'
import { AuthingBusinessError, successMessage, type Lang } from '../domain/errors.js'
import { checkStringLengths, requiredString } from './input.js'
import { logout, loginByEmailCode } from '../graphql/resolvers/auth.js'
import { listAllowedApplications } from '../graphql/resolvers/applications.js'
import { sendSmsCode } from '../graphql/resolvers/codes.js'
import { managementAclRoutes } from '../graphql/resolvers/managementAcl.js'
import { managementApplicationRoutes } from '../rest/handlers/applications.js'
import { managementNamespaceRoutes } from '../rest/handlers/namespaces.js'
import { managementResourceRoutes } from '../rest/handlers/resources.js'
import { managementUserRoutes } from '../graphql/resolvers/managementUsers.js'
import type { RestRoutes } from '../rest/types.js'
import { protocolRoutes, runProtocol } from './protocolRoutes.js'
import { readBodyText } from './requestBody.js'
import { runGraphql } from '../graphql/schema.js'
import type { OutboxMessage } from '../../model/state.js'
import { restUser } from '../views/users.js'

export interface EmulatorAdmin {
  reset(): Promise<void>
  outbox(filter?: { to?: string }): OutboxMessage[]
  info(): EmulatorInfo
}

export function createRouter(engine: Engine, admin: EmulatorAdmin): (request: Request) => Promise<Response> {
  /** REST handlers answer `data`; the router wraps it in the `{code: 200, message, data}` envelope. */
  const routes: RestRoutes = {
    'GET /api/v2/.well-known': async () => ({ publicKey: engine.publicKeyPem }),
    'POST /api/v2/sms/send': async (ctx, request) => sendSmsCode(ctx, await request.body()),
    'POST /api/v2/login/email-code': async (ctx, request) => {
      const body = await request.body()
      return loginByEmailCode(ctx, requiredString(body, 'email'), requiredString(body, 'code'))
    },
    'GET /api/v2/logout': async (ctx) => {
      await logout(ctx)
      return null
    },
    'GET /api/v2/users/me': async (ctx) => {
      const caller = await ctx.caller()
      return restUser(ctx, caller.user, { token: { token: caller.token, exp: caller.exp } })
    },
    'GET /api/v2/users/me/applications/allowed': async (ctx, { url }) =>
      listAllowedApplications(ctx, positiveInt(url.searchParams.get('page'), 1), positiveInt(url.searchParams.get('limit'), 10)),
    ...managementUserRoutes,
    ...managementAclRoutes,
    ...managementApplicationRoutes,
    ...managementResourceRoutes,
    ...managementNamespaceRoutes,
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

/** The default user picture (see userView.ts): a neutral silhouette, cacheable. */
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

function errorBody(error: unknown, lang: Lang): { code: number; message: string; data?: unknown } {
  if (error instanceof AuthingBusinessError) return error.toBody(lang)
  console.error('[authing-emulator] internal error', error)
  return new AuthingBusinessError('internal').toBody(lang)
}

/** Business errors are HTTP 200 (Authing's SDKs read the body); malformed, oversized and unknown requests are not. */
function httpStatus(code: number): number {
  return code === 400 || code === 404 || code === 413 || code === 500 ? code : 200
}

/** REST bodies get the length checks GraphQL arguments get in the resolver dispatch. */
async function readRestBody(request: Request): Promise<Record<string, unknown>> {
  const body = await readJsonObject(request)
  checkStringLengths(body, '')
  return body
}

/** Reads the body (at most `maxBodyBytes`), then parses it as a JSON object. */
async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readBodyText(request))
  } catch (error) {
    if (error instanceof AuthingBusinessError) throw error
    throw new AuthingBusinessError('badRequest', { reason: 'the body is not valid JSON' })
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AuthingBusinessError('badRequest', { reason: 'the body must be a JSON object' })
  }
  return parsed as Record<string, unknown>
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1000) : fallback
}

function json(body: unknown, status: number, headers: Headers): Response {
  const out = new Headers(headers)
  out.set('content-type', 'application/json; charset=utf-8')
  return new Response(JSON.stringify(body), { status, headers: out })
}

// Browsers on a developer's machine (any port, http or https) may call the emulator with credentials.
const localOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/
const allowedRequestHeader = /^(x-authing-[a-z0-9-]+|authorization|content-type)$/

function corsHeaders(request: Request): Headers {
  const headers = new Headers({ vary: 'Origin' })
  const origin = request.headers.get('origin')
  if (origin && localOrigin.test(origin)) {
    headers.set('access-control-allow-origin', origin)
    headers.set('access-control-allow-credentials', 'true')
  }
  return headers
}

function preflight(request: Request, cors: Headers): Response {
  const headers = new Headers(cors)
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => allowedRequestHeader.test(h))
  headers.set('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
  headers.set('access-control-allow-headers', [...new Set(['authorization', 'content-type', ...requested])].join(', '))
  headers.set('access-control-max-age', '600')
  headers.append('vary', 'Access-Control-Request-Headers')
  return new Response(null, { status: 204, headers })
}
