/**
 * The hosted login page (`/oidc/auth`, `/oauth/auth`, `/cas-idp/{appId}`): a plain form, no
 * script, every value escaped. The protocol parameters travel as hidden fields, so the POST that
 * answers the form is checked exactly like the GET that showed it.
 */
import { type Html, html, raw } from './html.js'

export interface LoginPageInput {
  appName: string
  /** the path the form posts to */
  action: string
  hidden: ReadonlyMap<string, string>
  /** what to tell the user after a failed attempt */
  error?: string
  identifier?: string
  /** a captcha image (data: URL) to answer with the login, when the pool asks for one */
  captchaImage?: string
}

export function renderLoginPage(input: LoginPageInput): Html {
  const typed = ['username', 'password', 'captchaCode']
  const fields = [...input.hidden].filter(([name]) => !typed.includes(name))
  return frame(
    `Log in · ${input.appName}`,
    html`<h1>Log in</h1><p class="muted">to continue to <b>${input.appName}</b></p>
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<form method="post" action="${input.action}">
${fields.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<label>Username, email or phone<input name="username" autocomplete="username" required autofocus value="${input.identifier ?? ''}"></label>
<label>Password<input name="password" type="password" autocomplete="current-password" required></label>
${input.captchaImage ? html`<label>Characters in the picture<img src="${input.captchaImage}" alt="captcha" width="132" height="44"><input name="captchaCode" autocomplete="off" autocapitalize="characters" required></label>` : ''}
<button type="submit">Log in</button>
</form>
<p class="muted small">Authing emulator · hosted login</p>`,
  )
}

/** A page that only says something: an unusable authorize request, a logout, a CAS login without a service. */
export function renderMessagePage(title: string, message: string): Html {
  return frame(title, html`<h1>${title}</h1><p>${message}</p><p class="muted small">Authing emulator</p>`)
}

/** The hosted pages' frame: one card, the shared CSS. */
export function frame(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${raw(css)}</style></head><body><main>${body}</main></body></html>
`
}

const css = `
:root { color-scheme: light; --line: #e4e7ec; --muted: #667085; --accent: #215ae5; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", sans-serif; color: #101828; background: #f6f7f9; }
main { width: min(380px, 100vw - 32px); background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 28px 28px 16px; }
h1 { font-size: 20px; margin: 0 0 4px; }
.muted { color: var(--muted); } .small { font-size: 12px; margin-top: 20px; text-align: center; }
form { display: grid; gap: 14px; margin-top: 16px; }
label { display: grid; gap: 4px; font-weight: 600; font-size: 13px; }
input { font: inherit; font-weight: 400; padding: 8px 10px; border: 1px solid #d0d5dd; border-radius: 6px; }
input:focus { outline: 2px solid #c7d7fe; border-color: var(--accent); }
button { font: inherit; font-weight: 600; padding: 9px; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
.error { margin: 12px 0 0; padding: 8px 10px; border-radius: 6px; background: #fef3f2; color: #b42318; }
`
