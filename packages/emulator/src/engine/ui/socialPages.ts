/**
 * The stand-in social provider's pages (`/connections/social/{identifier}`): the consent page,
 * a plain form with no script, and the relay page that hands the result to the window that
 * opened the popup. The relay's one script is a constant that reads its data from escaped
 * attributes, so no request value is ever code.
 */
import { type Html, html, raw } from './html.js'
import { frame } from './loginPage.js'

export interface ProviderPageInput {
  appName: string
  providerName: string
  nickname: string
  /** the path the form posts to */
  action: string
  hidden: ReadonlyMap<string, string>
}

export function renderProviderPage(input: ProviderPageInput): Html {
  return frame(
    `${input.providerName} (emulated)`,
    html`<h1>${input.providerName}</h1><p class="muted"><b>${input.appName}</b> asks to know who you are on ${input.providerName}.</p>
<form method="post" action="${input.action}">
${[...input.hidden].map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<button type="submit">Continue as ${input.nickname} on ${input.providerName} (emulated)</button>
</form>
<p class="muted small">Authing emulator · stand-in for ${input.providerName}: nothing leaves this machine</p>`,
  )
}

/** The script of the relay page; `relayScriptNonce` allows it and nothing else. */
const relayScript = `var el=document.getElementById('relay');var message=JSON.parse(el.getAttribute('data-message'));
if(window.opener){window.opener.postMessage(message,el.getAttribute('data-origin'));window.close()}
else{document.getElementById('note').textContent='This window was not opened by the app: go back to it and try again.'}`

export function renderRelayPage(message: unknown, origin: string, nonce: string): Html {
  return frame(
    'Social login',
    html`<h1>Social login</h1><p id="note" class="muted">Back to the app… you may close this window.</p>
<div id="relay" data-message="${JSON.stringify(message)}" data-origin="${origin}"></div>
<script nonce="${nonce}">${raw(relayScript)}</script>`,
  )
}

const unescapeHtml = (value: string): string =>
  value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))

/** The provider page's hidden fields, as a browser would post them (the in-process helper presses the button). */
export function hiddenFieldsOf(page: string): [string, string][] {
  return [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [
    unescapeHtml(name ?? ''),
    unescapeHtml(value ?? ''),
  ])
}

/** What a relay page posts, and to which origin (null when `page` is not one). */
export function relayedMessageOf(page: string): { message: unknown; origin: string } | null {
  const message = /data-message="([^"]*)"/.exec(page)?.[1]
  const origin = /data-origin="([^"]*)"/.exec(page)?.[1]
  if (message === undefined || origin === undefined) return null
  return { message: JSON.parse(unescapeHtml(message)) as unknown, origin: unescapeHtml(origin) }
}
