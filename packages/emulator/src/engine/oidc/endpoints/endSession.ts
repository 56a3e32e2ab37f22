/**
 * Logout of the hosted pages: `/oidc/session/end` (OIDC RP-initiated logout, with
 * `id_token_hint` / `client_id` naming the app whose redirect URIs `post_logout_redirect_uri` must
 * be among) and Authing's `/login/profile/logout?redirect_uri=`. Either ends the session cookie.
 */
import { decodeJwt } from 'jose'

import { endSession } from '../hostedSession.js'
import { isAllowedForAnyApp, isAllowedRedirect } from '../redirectUris.js'
import { loggedOutPage, redirectAnswer } from '../responses.js'
import type { ProtocolHandler } from '../types.js'

export const endSessionEndpoint: ProtocolHandler = async ({ engine, request, url }) => {
  const setCookie = endSession(engine, request)
  const target = url.searchParams.get('post_logout_redirect_uri')
  const app = engine.state.applications.get(
    url.searchParams.get('client_id') ?? hintedApp(url.searchParams.get('id_token_hint')) ?? '',
  )
  if (target && app && isAllowedRedirect(app, target)) {
    const back = new URL(target)
    const state = url.searchParams.get('state')
    if (state) back.searchParams.set('state', state)
    return redirectAnswer(back.href, request.method, { 'set-cookie': setCookie })
  }
  return loggedOutPage(setCookie, target)
}

export const profileLogoutEndpoint: ProtocolHandler = async ({ engine, request, url }) => {
  const setCookie = endSession(engine, request)
  const target = url.searchParams.get('redirect_uri')
  if (target && isAllowedForAnyApp(engine.state, target))
    return redirectAnswer(target, request.method, { 'set-cookie': setCookie })
  return loggedOutPage(setCookie, target)
}

/** The app an id_token was issued for; the hint only picks whose redirect URIs apply, so its signature does not matter. */
function hintedApp(idToken: string | null): string | undefined {
  if (!idToken) return undefined
  try {
    const { aud } = decodeJwt(idToken)
    return Array.isArray(aud) ? aud[0] : aud
  } catch {
    return undefined
  }
}
