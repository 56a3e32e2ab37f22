/** `GET /api/v2/security/captcha?r=…`: a new captcha image (PNG, never cached; `r` only defeats caches). */
import type { Engine } from '../engine.js'
import { newCaptchaImage } from '../ui/captchaImage.js'

export function captchaImageResponse(engine: Engine, request: Request, cors: Headers): Response {
  const { png, setCookie } = newCaptchaImage(engine, request)
  const headers = new Headers(cors)
  headers.set('content-type', 'image/png')
  headers.set('cache-control', 'no-store')
  headers.set('x-content-type-options', 'nosniff')
  headers.append('set-cookie', setCookie)
  return new Response(png, { status: 200, headers })
}
