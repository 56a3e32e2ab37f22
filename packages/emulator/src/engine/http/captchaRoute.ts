/**
 * `GET /api/v2/security/captcha?r=…`: a new captcha image (PNG, never cached; `r` only defeats
 * caches) for the request's cookie session, started here when it has none. The cookie is HttpOnly.
 * Over https it is `SameSite=None; Secure`, so a single-page app on another site that calls with
 * `credentials: 'include'` sends it back; over plain http browsers refuse `SameSite=None` without
 * `Secure`, so it is `Lax`, which still reaches the emulator from a page of the same host on another
 * port (localhost:5173 → localhost:5556 is one site).
 */
import { captchaCookie, issueCaptcha } from '../domain/captcha.js'
import type { Engine } from '../engine.js'
import { cookieValue } from '../requestContext.js'
import { drawCaptcha } from '../ui/captchaImage.js'

const cookieLifetimeSeconds = 24 * 3600

export function captchaImageResponse(engine: Engine, request: Request, cors: Headers): Response {
  const { sessionId, answer } = issueCaptcha(engine, cookieValue(request.headers.get('cookie') ?? '', captchaCookie))
  const headers = new Headers(cors)
  headers.set('content-type', 'image/png')
  headers.set('cache-control', 'no-store')
  headers.set('x-content-type-options', 'nosniff')
  const crossSite = new URL(request.url).protocol === 'https:' ? 'SameSite=None; Secure' : 'SameSite=Lax'
  headers.append(
    'set-cookie',
    `${captchaCookie}=${sessionId}; Path=/; Max-Age=${cookieLifetimeSeconds}; HttpOnly; ${crossSite}`,
  )
  return new Response(drawCaptcha(answer), { status: 200, headers })
}
