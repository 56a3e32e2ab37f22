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
