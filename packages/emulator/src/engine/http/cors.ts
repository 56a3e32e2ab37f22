/** CORS for local origins: browsers on a developer's machine may call the emulator with credentials. */
const localOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/
const allowedRequestHeader = /^(x-authing-[a-z0-9-]+|authorization|content-type)$/

/** Whether pages of `origin` may read the emulator's answers (and receive its social logins' results). */
export function isAllowedOrigin(origin: string): boolean {
  return localOrigin.test(origin)
}

export function corsHeaders(request: Request): Headers {
  const headers = new Headers({ vary: 'Origin' })
  const origin = request.headers.get('origin')
  if (origin && isAllowedOrigin(origin)) {
    headers.set('access-control-allow-origin', origin)
    headers.set('access-control-allow-credentials', 'true')
  }
  return headers
}

export function preflight(request: Request, cors: Headers): Response {
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
