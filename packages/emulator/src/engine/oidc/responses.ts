/** The answers protocol endpoints give: JSON that is never cached, redirects, and HTML pages. */
import type { Html } from '../ui/html.js'
import { renderMessagePage } from '../ui/loginPage.js'
import { type OAuthError } from './oauthError.js'

const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' }

export function jsonAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...noStore, ...headers },
  })
}

export function oauthErrorAnswer(error: OAuthError): Response {
  const headers: Record<string, string> = {}
  if (error.challenge) headers['www-authenticate'] = `${error.challenge} error="${error.error}"`
  return jsonAnswer({ error: error.error, error_description: error.description }, error.status, headers)
}

/** 303 after a form POST (the browser then GETs the target), 302 otherwise. */
export function redirectAnswer(location: string, method: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: method === 'POST' ? 303 : 302, headers: { location, ...noStore, ...headers } })
}

export function textAnswer(body: string, type: 'text/plain' | 'application/xml', status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': `${type}; charset=utf-8`, ...noStore } })
}

/**
 * A page of the hosted login. Only inline styles run (no script at all); forms may post to the
 * emulator and, as browsers apply `form-action` to the redirect a post answers, to `formTargets`.
 */
export function pageAnswer(
  page: Html,
  status = 200,
  options: { formTargets?: string[]; headers?: Record<string, string> } = {},
): Response {
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(' ')
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`
  return new Response(page.value, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      // Not no-referrer: under it browsers send `Origin: null` with the page's own form posts, which the
      // login handler rightly refuses. same-origin still keeps the page's query off other sites.
      'referrer-policy': 'same-origin',
      ...noStore,
      ...options.headers,
    },
  })
}

/** The hosted pages' logout answer: the session cookie cleared, and why no redirect happened (if one was refused). */
export function loggedOutPage(setCookie: string, refusedTarget: string | null): Response {
  const note = refusedTarget ? ` (not sent back to ${refusedTarget}: no application allows that address)` : ''
  return pageAnswer(renderMessagePage('Logged out', `You are logged out of the emulator's hosted login${note}.`), 200, {
    headers: { 'set-cookie': setCookie },
  })
}
