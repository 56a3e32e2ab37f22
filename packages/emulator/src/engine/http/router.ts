/**
 * Request → handler, for in-process use and behind the Node server alike: CORS for local origins,
 * the 1 MiB body limit (checked before any parsing or hashing), GraphQL at /graphql/v2, the REST
 * endpoints of /api/v2 (and /api/v3/webauthn), the standard protocols (OIDC, OAuth, CAS: ./oidc) and the emulator's own
 * /__emulator endpoints.
 */
import type { OutboxMessage } from '../../model/records.js'
import { captchaAnswer } from '../domain/captcha.js'
import type { EmulatorInfo, Engine } from '../engine.js'
import { graphqlEndpoint } from '../graphql/endpoint.js'
import { RequestContext } from '../requestContext.js'
import { restEndpoint } from '../rest/endpoint.js'
import { aclRoutes } from '../rest/handlers/acl.js'
import { agreementRoutes } from '../rest/handlers/agreements.js'
import { applicationRoutes } from '../rest/handlers/applications.js'
import { codeRoutes } from '../rest/handlers/codes.js'
import { loginRoutes } from '../rest/handlers/login.js'
import { loginStepRoutes } from '../rest/handlers/loginSteps.js'
import { meRoutes } from '../rest/handlers/me.js'
import { mfaRoutes } from '../rest/handlers/mfa.js'
import { mfaAdministrationRoutes } from '../rest/handlers/mfaAdministration.js'
import { namespaceRoutes } from '../rest/handlers/namespaces.js'
import { publicConfigRoutes } from '../rest/handlers/publicConfig.js'
import { qrcodeHookRoutes, qrcodeRoutes } from '../rest/handlers/qrcode.js'
import { registerRoutes } from '../rest/handlers/register.js'
import { resourceRoutes } from '../rest/handlers/resources.js'
import { userpoolRoutes } from '../rest/handlers/userpool.js'
import { userRoutes } from '../rest/handlers/users.js'
import { webauthnRoutes } from '../rest/handlers/webauthn.js'
import type { RestRoutes } from '../rest/types.js'
import { avatarSvg } from '../ui/avatar.js'
import { renderDashboard } from '../ui/dashboard.js'
import { captchaImageResponse } from './captchaRoute.js'
import { corsHeaders, preflight } from './cors.js'
import { protocolRoutes, runProtocol } from './protocolRoutes.js'
import { json } from './responses.js'

export interface EmulatorAdmin {
  reset(): Promise<void>
  outbox(filter?: { to?: string }): OutboxMessage[]
  info(): EmulatorInfo
}

export function createRouter(engine: Engine, admin: EmulatorAdmin): (request: Request) => Promise<Response> {
  /** REST handlers answer `data`; `restEndpoint` wraps it in the envelope. */
  const routes: RestRoutes = {
    ...loginRoutes,
    ...loginStepRoutes,
    ...mfaRoutes,
    ...mfaAdministrationRoutes,
    ...codeRoutes,
    ...meRoutes,
    ...userRoutes,
    ...userpoolRoutes,
    ...aclRoutes,
    ...applicationRoutes,
    ...publicConfigRoutes,
    ...registerRoutes,
    ...agreementRoutes,
    ...resourceRoutes,
    ...namespaceRoutes,
    ...qrcodeRoutes,
    ...qrcodeHookRoutes,
    ...webauthnRoutes,
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

    if (route === 'POST /graphql/v2' || route === 'POST /graphql') return graphqlEndpoint(ctx, request, cors)
    const refused = path.startsWith('/__emulator/') ? refuseCrossSite(request, url) : null
    if (refused) return json({ code: 403, message: refused, data: null }, 403, cors)
    if (route === 'GET ' || route === 'GET /__emulator') {
      const page = renderDashboard({
        state: engine.state,
        info: admin.info(),
        outbox: admin.outbox(),
        now: engine.settings.now(),
      })
      return new Response(page, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
        },
      })
    }
    if (route === 'GET /__emulator/outbox') {
      const to = url.searchParams.get('to')
      return json(admin.outbox(to ? { to } : undefined), 200, cors)
    }
    if (route === 'GET /api/v2/security/captcha') return captchaImageResponse(engine, request, cors)
    // The answer of the latest captcha image (or of `?session=`'s): browser tests cannot read the HttpOnly cookie.
    if (route === 'GET /__emulator/captcha') {
      const session = url.searchParams.get('session')
      return json({ answer: captchaAnswer(engine.state, session ?? undefined) }, 200, cors)
    }
    if (route === 'GET /__emulator/avatar.svg') {
      const headers = new Headers(cors)
      headers.set('content-type', 'image/svg+xml')
      headers.set('cache-control', 'public, max-age=86400')
      return new Response(avatarSvg, { status: 200, headers })
    }
    const protocol = matchProtocol(request.method, path)
    if (protocol) {
      const response = await runProtocol(protocol.handler, { engine, request, url, params: protocol.params })
      for (const [name, value] of cors) response.headers.set(name, value)
      return response
    }
    return restEndpoint(ctx, request, url, route, match(request.method, path), cors)
  }
}

/**
 * Finds the handler of `METHOD /path`: exact routes first, then patterns whose `:name` segments
 * capture one (URL-decoded) path segment each.
 */
function routeMatcher<H>(
  routes: Record<string, H>,
): (method: string, path: string) => { handler: H; params: Record<string, string> } | null {
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

/**
 * The test helpers read every code "sent" and wipe the pool, `--data` state included. A web page the
 * developer happens to visit can send requests here too, so a helper answers only requests from no
 * page at all (tests, scripts, curl) or from the emulator's own pages, and a write needs the
 * `x-authing-emulator` header, which no form and no cross-site simple request can carry.
 */
function refuseCrossSite(request: Request, url: URL): string | null {
  if (url.pathname === '/__emulator/avatar.svg') return null
  const origin = request.headers.get('origin')
  if (origin !== null && origin !== url.origin)
    return `The emulator's test helpers answer scripts and the emulator's own pages, not ${origin}`
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers.get('x-authing-emulator') === null)
    return 'Send the x-authing-emulator header (any value) with a test helper write, e.g. POST /__emulator/reset'
  return null
}
