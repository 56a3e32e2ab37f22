/**
 * `GET|POST /connections/social/{identifier}` (facts: login-flows §8): the stand-in provider. The
 * GET shows who the provider says the user is; the POST of its form is the login, answered as
 * Authing answers it: `relay_method=web_message` (the popup) posts `{code, message, data, event}`
 * to the window that opened it, `query` sends the browser back to `target_url` with `code`,
 * `message` and `data` (the user's JSON) in its query. Stricter than Authing: the popup posts only
 * to the origin that opened it (the GET's Referer, else `target_url`'s), and only when the
 * emulator's CORS rules allow that origin — never to `*` with a token in the message; `target_url`
 * must be an address the app may redirect to (its query aside, which the app keeps for its state).
 */
import { randomHex } from '../../../model/crypto.js'
import type { ApplicationRecord, SocialConnectionRecord } from '../../../model/records.js'
import { AuthingBusinessError, type Lang, parseLang } from '../../domain/errors.js'
import { socialConnectionsOf } from '../../domain/social/connections.js'
import { continueWithProvider } from '../../domain/social/socialLogin.js'
import { isAllowedOrigin } from '../../http/cors.js'
import { renderMessagePage } from '../../ui/loginPage.js'
import { renderProviderPage, renderRelayPage } from '../../ui/socialPages.js'
import { restUser } from '../../views/users.js'
import { readParams } from '../params.js'
import { isAllowedRedirect } from '../redirectUris.js'
import { pageAnswer, redirectAnswer } from '../responses.js'
import type { ProtocolHandler } from '../types.js'

/** What a login answers, as the SDK and Guard read it (`event` is added for the popup). */
export interface SocialResult {
  code: number
  message: string
  data: Record<string, unknown> | null
}

type Relay = { kind: 'web_message'; origin: string } | { kind: 'query'; targetUrl: string }

class Unusable extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
  ) {
    super(message)
  }
}

const originOf = (uri: string | null | undefined): string | null => {
  try {
    return uri ? new URL(uri).origin : null
  } catch {
    return null
  }
}

/** `custom_data`: a JSON object of custom field values (a value that is no string travels as JSON). */
function customDataOf(text: string | undefined): { key: string; value: string }[] {
  if (!text) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = null
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Unusable(400, 2231, 'custom_data must be a JSON object of custom field values.')
  return Object.entries(parsed).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }))
}

function relayOf(params: ReadonlyMap<string, string>, app: ApplicationRecord, referer: string | null): Relay {
  const targetUrl = params.get('target_url')
  const method = params.get('relay_method') ?? (targetUrl ? 'query' : 'web_message')
  if (method === 'query') {
    if (!targetUrl) throw new Unusable(400, null, 'relay_method=query needs a target_url to send the result to.')
    const target = URL.canParse(targetUrl) ? new URL(targetUrl) : null
    const bare = target ? `${target.origin}${target.pathname}` : ''
    if (!target || (!isAllowedRedirect(app, bare) && !isAllowedRedirect(app, targetUrl)))
      throw new Unusable(400, null, `${app.name} may not send users to ${targetUrl}.`)
    return { kind: 'query', targetUrl }
  }
  if (method !== 'web_message')
    throw new Unusable(400, null, `relay_method ${method} is not served by the emulator: use web_message or query.`)
  const origin = params.get('opener_origin') ?? originOf(referer) ?? originOf(targetUrl)
  if (!origin) throw new Unusable(400, null, 'Cannot tell which page opened this window (no Referer, no target_url).')
  if (!isAllowedOrigin(origin))
    throw new Unusable(403, null, `The emulator answers local pages only, not ${origin}: open the app on localhost.`)
  return { kind: 'web_message', origin }
}

async function loginResult(
  ctx: Parameters<ProtocolHandler>[0],
  app: ApplicationRecord,
  connection: SocialConnectionRecord,
  customData: { key: string; value: string }[],
  lang: Lang,
): Promise<SocialResult> {
  const { engine } = ctx
  try {
    const outcome = await continueWithProvider(engine, app, connection, customData)
    if (outcome.kind === 'refused') return { code: outcome.code, message: outcome.message, data: null }
    const { user, token } = outcome.loggedIn
    return { code: 200, message: '', data: restUser(engine, user, { token }) }
  } catch (error) {
    if (!(error instanceof AuthingBusinessError)) throw error
    const { code, message, data } = error.toBody(lang)
    if (data === undefined) return { code, message, data: null }
    // A login step travels as Guard reads it: the hybrid envelope, as JSON in `message` (§8.2).
    const flowHandle = (data as { flowHandle?: unknown }).flowHandle
    const envelope = { code, apiCode: code, statusCode: 302, message, data, ...(flowHandle ? { flowHandle } : {}) }
    return { code, message: JSON.stringify(envelope), data: null }
  }
}

function relayAnswer(result: SocialResult, relay: Relay): Response {
  if (relay.kind === 'query') {
    const target = new URL(relay.targetUrl)
    target.searchParams.set('code', String(result.code))
    target.searchParams.set('message', result.message)
    if (result.data) target.searchParams.set('data', JSON.stringify(result.data))
    return redirectAnswer(target.href, 'POST')
  }
  const nonce = randomHex(16)
  const message = { ...result, event: { source: 'authing', eventType: 'socialLogin' } }
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`
  return pageAnswer(renderRelayPage(message, relay.origin, nonce), 200, {
    headers: { 'content-security-policy': csp },
  })
}

export const socialConnectionEndpoint: ProtocolHandler = async (ctx) => {
  const { engine, request, url, params: path } = ctx
  const identifier = path.identifier ?? ''
  const lang = parseLang(request.headers.get('x-authing-lang') ?? request.headers.get('accept-language'))
  try {
    const params = await readParams(request, url)
    const appId = params.get('app_id')
    const app = appId ? engine.state.applications.get(appId) : undefined
    if (!app) throw new Unusable(404, 2011, `No application has the id ${appId ?? '(none given: add app_id)'}.`)
    const connection = socialConnectionsOf(app).find((c) => c.identifier === identifier)
    if (!connection)
      throw new Unusable(404, 2231, `${app.name} has no social login "${identifier}" (see the emulator's seed).`)
    const relay = relayOf(params, app, request.headers.get('referer'))
    if (request.method === 'GET') {
      const hidden = new Map([['app_id', app.id]])
      const customData = params.get('custom_data')
      // Checked now: the page never offers a continue whose request is malformed.
      if (customDataOf(customData).length && customData) hidden.set('custom_data', customData)
      if (relay.kind === 'query') hidden.set('relay_method', 'query').set('target_url', relay.targetUrl)
      else hidden.set('relay_method', 'web_message').set('opener_origin', relay.origin)
      const page = renderProviderPage({
        appName: app.name,
        providerName: lang === 'en-US' ? connection.name_en : connection.name,
        nickname: connection.account.nickname,
        action: url.pathname,
        hidden,
      })
      const formTargets = relay.kind === 'query' ? [new URL(relay.targetUrl).origin] : []
      return pageAnswer(page, 200, { formTargets })
    }
    // A form posted from another site would log the browser in as someone else.
    const origin = request.headers.get('origin')
    if (origin && origin !== url.origin) throw new Unusable(403, null, 'This form must be sent from its own page.')
    return relayAnswer(await loginResult(ctx, app, connection, customDataOf(params.get('custom_data')), lang), relay)
  } catch (error) {
    if (!(error instanceof Unusable)) throw error
    const code = error.code === null ? '' : ` (code ${error.code})`
    return pageAnswer(renderMessagePage('Social login unavailable', `${error.message}${code}`), error.status)
  }
}
