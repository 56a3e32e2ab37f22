/**
 * The CAS IdP: `/cas-idp/{appId}?service=` logs in through the hosted page and sends the browser
 * to `service?ticket=ST-…`; `/validate` (CAS 1.0 text) and `/serviceValidate` (CAS 2.0 XML, or
 * JSON with `format=JSON`) redeem a ticket once, for the service it was issued to; `/cas-idp/logout`.
 */
import { randomHex } from '../../../model/crypto.js'
import type { UserRecord } from '../../../model/users.js'
import { html } from '../../ui/html.js'
import { renderMessagePage } from '../../ui/loginPage.js'
import { authorizationCodeLifetimeSeconds } from '../authorizationCodes.js'
import { hostedLogin } from '../hostedLogin.js'
import { endSession } from '../hostedSession.js'
import { readParams } from '../params.js'
import { isAllowedForAnyApp, isAllowedRedirect } from '../redirectUris.js'
import { jsonAnswer, loggedOutPage, pageAnswer, redirectAnswer, textAnswer } from '../responses.js'
import type { ProtocolHandler, ProtocolRequest } from '../types.js'

export const casLoginEndpoint: ProtocolHandler = async (protocolRequest) => {
  const { engine, request, url, params: path } = protocolRequest
  const app = engine.state.applications.get(path.appId ?? '')
  if (!app) return pageAnswer(renderMessagePage('Cannot log in', 'Unknown application.'), 404)
  const params = await readParams(request, url)
  const service = params.get('service')
  if (service && !isAllowedRedirect(app, service)) {
    return pageAnswer(
      renderMessagePage('Cannot log in', `The service is not one this application allows: ${service}`),
      400,
    )
  }
  const login = await hostedLogin(protocolRequest, {
    app,
    params,
    action: url.pathname,
    forceLogin: params.get('renew') === 'true',
    formTargets: service ? [new URL(service).origin] : [],
  })
  if (login instanceof Response) return login
  const headers = login.setCookie ? { 'set-cookie': login.setCookie } : {}
  if (!service) {
    return pageAnswer(renderMessagePage('Logged in', `You are logged in as ${displayName(login.user)}.`), 200, {
      headers,
    })
  }
  const ticket = `ST-${randomHex(24)}`
  engine.state.authorizationCodes.set(ticket, {
    kind: 'cas',
    appId: app.id,
    userId: login.user.id,
    redirectUri: service,
    scope: '',
    nonce: null,
    codeChallenge: null,
    codeChallengeMethod: null,
    authTime: login.authTime,
    expiresAt: engine.settings.now() + authorizationCodeLifetimeSeconds * 1000,
  })
  const target = new URL(service)
  target.searchParams.set('ticket', ticket)
  return redirectAnswer(target.href, request.method, headers)
}

export const casLogoutEndpoint: ProtocolHandler = async ({ engine, request, url }) => {
  const setCookie = endSession(engine, request)
  const target = url.searchParams.get('url') ?? url.searchParams.get('service')
  if (target && isAllowedForAnyApp(engine.state, target))
    return redirectAnswer(target, request.method, { 'set-cookie': setCookie })
  return loggedOutPage(setCookie, target)
}

/**
 * CAS 1.0: `yes\n{user}\n` or `no\n\n`. The answer is line-based, so a name holding a line break
 * (possible in data written before names were checked) would let its owner pass as the user named on
 * the next line: such a ticket is answered `no`.
 */
export const casValidateEndpoint: ProtocolHandler = async (protocolRequest) => {
  const user = redeemTicket(protocolRequest)
  const name = user.ok ? displayName(user.user) : null
  return textAnswer(name !== null && !/[\r\n]/.test(name) ? `yes\n${name}\n` : 'no\n\n', 'text/plain')
}

/** CAS 2.0 `serviceResponse`, as XML or (format=JSON) JSON. */
export const casServiceValidateEndpoint: ProtocolHandler = async (protocolRequest) => {
  const result = redeemTicket(protocolRequest)
  const json = protocolRequest.url.searchParams.get('format')?.toUpperCase() === 'JSON'
  if (!result.ok) {
    if (json)
      return jsonAnswer({
        serviceResponse: { authenticationFailure: { code: result.code, description: result.description } },
      })
    const body = html`<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="${result.code}">${result.description}</cas:authenticationFailure></cas:serviceResponse>`
    return textAnswer(body.value, 'application/xml')
  }
  const { user } = result
  const attributes = {
    id: user.id,
    username: user.username,
    email: user.email,
    phone: user.phone,
    nickname: user.profile.nickname ?? null,
  }
  if (json) return jsonAnswer({ serviceResponse: { authenticationSuccess: { user: displayName(user), attributes } } })
  const xmlAttributes = Object.entries(attributes)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => html`<cas:${name}>${value}</cas:${name}>`)
  const body = html`<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>${displayName(user)}</cas:user><cas:attributes>${xmlAttributes}</cas:attributes></cas:authenticationSuccess></cas:serviceResponse>`
  return textAnswer(body.value, 'application/xml')
}

type Redeemed =
  | { ok: true; user: UserRecord }
  | { ok: false; code: 'INVALID_REQUEST' | 'INVALID_TICKET' | 'INVALID_SERVICE'; description: string }

/** A ticket is spent by its first validation, successful or not (CAS protocol §3.1.1). */
function redeemTicket({ engine, url, params }: ProtocolRequest): Redeemed {
  const ticket = url.searchParams.get('ticket')
  const service = url.searchParams.get('service')
  if (!ticket || !service) return { ok: false, code: 'INVALID_REQUEST', description: 'ticket and service are required' }
  const record = engine.state.authorizationCodes.get(ticket)
  if (record) engine.state.authorizationCodes.delete(ticket)
  if (!record || record.kind !== 'cas' || record.appId !== params.appId || record.expiresAt <= engine.settings.now()) {
    return { ok: false, code: 'INVALID_TICKET', description: `ticket ${ticket} not recognized` }
  }
  if (record.redirectUri !== service)
    return { ok: false, code: 'INVALID_SERVICE', description: 'the ticket was issued for another service' }
  const user = engine.state.users.get(record.userId)
  if (!user) return { ok: false, code: 'INVALID_TICKET', description: 'the user no longer exists' }
  return { ok: true, user }
}

function displayName(user: UserRecord): string {
  return user.username ?? user.email ?? user.phone ?? user.id
}
