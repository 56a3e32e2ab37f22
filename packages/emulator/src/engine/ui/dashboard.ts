/**
 * The dashboard served at `GET /`: one self-contained HTML page showing what an app did to the
 * emulator (users, roles, applications, grants, the codes outbox), after the Firebase Emulator UI.
 * Anyone on the machine can open it, so the pool secret is masked, and every stored string goes
 * through `html`, which escapes it: usernames, nicknames and the like are chosen by callers.
 */
import { type ApplicationRecord, type AppLoginSettings, keys, type OutboxMessage } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import type { UserRecord } from '../../model/users.js'
import { agreementsOf } from '../domain/agreements.js'
import { loginSettingsOf } from '../domain/applications.js'
import { captchaThresholdOf, latestCaptcha, robotVerifyOf } from '../domain/captcha.js'
import { loginCompletionFields } from '../domain/completion/required.js'
import { totpCodeAt } from '../domain/mfa/totp.js'
import { passkeysOf } from '../domain/passkey/credentials.js'
import { passwordExpired } from '../domain/passwordRules.js'
import { qrcodeStatusAt } from '../domain/qrcode/codes.js'
import { userRoles } from '../domain/roles.js'
import { socialConnectionsOf } from '../domain/social/connections.js'
import { identitiesOf } from '../domain/social/identities.js'
import type { EmulatorInfo } from '../engine.js'
import { type Html, html, type Part, raw } from './html.js'

export interface DashboardInput {
  state: EmulatorState
  info: EmulatorInfo
  /** Oldest first, as `emulator.outbox()` answers; the page shows the newest first. */
  outbox: OutboxMessage[]
  /** ms since epoch: "2 min ago" and code expiry are relative to it. */
  now: number
}

export function renderDashboard({ state, info, outbox, now }: DashboardInput): string {
  const poolName = state.userPools.get(info.userPoolId)?.name ?? ''
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; script-src '${refreshScriptHash}'">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Authing emulator · ${poolName || info.userPoolId}</title>
<style>${raw(css)}</style></head><body>
${header(state, info, poolName, now)}
<main>
${usersSection(state, now)}
${rolesSection(state)}
${applicationsSection(state, info)}
${resourcesSection(state)}
${qrcodeSection(state, now)}
${outboxSection(state, outbox, now)}
</main>
<footer class="muted">Rendered ${new Date(now).toISOString()} · the outbox as JSON: <a href="/__emulator/outbox">/__emulator/outbox</a></footer>
<script>${raw(refreshScript)}</script>
</body></html>
`
  return page.value
}

function header(state: EmulatorState, info: EmulatorInfo, poolName: string, now: number): Html {
  const appIds = [...state.applications.values()].map((a) => a.id)
  const demo = info.demoUser
  return html`<header>
  <div class="top"><h1>Authing emulator <span class="muted">${poolName}</span></h1>
    <nav><a href="">Refresh</a><label><input type="checkbox" id="auto"> Auto-refresh (5 s)</label></nav></div>
  <dl>
    <dt>User pool</dt><dd><code>${info.userPoolId}</code> <span class="muted">secret</span> <code>${maskSecret(info.userPoolSecret)}</code></dd>
    <dt>App id</dt><dd>${(appIds.length ? appIds : [info.appId]).map((id) => html`<code>${id}</code> `)}</dd>
    <dt>App host</dt><dd><code>${info.appHost}</code> <span class="muted">id_token iss</span> <code>${info.appHost}/oidc</code></dd>
    <dt>Password rules</dt><dd>${passwordRules(state, info.userPoolId)}</dd>
    <dt>Captcha</dt><dd>${captcha(state, info, now)}</dd>
    <dt>MFA policy</dt><dd>${poolMfa(state, info.userPoolId)}</dd>
    <dt>Demo login</dt><dd>${demo ? html`<code>${demo.username}</code> / <code>${demo.password}</code>` : html`<span class="muted">none in this seed</span>`}</dd>
  </dl>
  <p class="muted">Browser apps (.env)</p>
  <pre class="env"><span>VITE_AUTHING_APP_ID=${info.appId}</span>
<span>VITE_AUTHING_APP_HOST=${info.appHost}</span></pre>
</header>`
}

function usersSection(state: EmulatorState, now: number): Html {
  const users = [...state.users.values()]
  const rows = users.map((u) => [
    html`<code>${u.id}</code>`,
    u.username,
    u.email,
    u.phone,
    u.profile.nickname,
    userRoles(state, u, null).map((r) => html`<span class="pill" title="namespace ${r.namespace}">${r.code}</span>`),
    u.loginsCount,
    u.lastLogin ? when(Date.parse(u.lastLogin), now) : null,
    lockout(state, u, now),
    secondFactor(state, u.id, now),
    passkeys(state, u, now),
    passwordState(state, u, now),
    identitiesOf(state, u.id).map(
      (i) => html`<div><span class="pill">${i.identifier}</span> <code>${i.userIdInIdp}</code></div>`,
    ),
  ])
  const headers = [
    'ID',
    'Username',
    'Email',
    'Phone',
    'Nickname',
    'Roles',
    'Logins',
    'Last login',
    'Blocked',
    'MFA',
    'Passkeys',
    'Password',
    'Social identities',
  ]
  return section('Users', users.length, table(headers, rows, 'No users yet.'))
}

/** The pool's MFA policy: apps without one of their own ask for these factors. */
function poolMfa(state: EmulatorState, poolId: string): Html {
  const factors = state.userPools.get(poolId)?.mfa ?? []
  return factors.length
    ? html`<code>${factors.join(', ')}</code> <span class="muted">for apps without a policy of their own</span>`
    : html`<span class="muted">none (apps and users may still ask)</span>`
}

/** The pool's robot-verify policy, and the answer of the latest image served, for demo logins. */
function captcha(state: EmulatorState, info: EmulatorInfo, now: number): Html {
  const pool = state.userPools.get(info.userPoolId)
  const policy = pool ? robotVerifyOf(pool) : 'disable'
  const rule =
    policy === 'condition_set' && pool
      ? html`<code>condition_set</code> <span class="muted">after ${captchaThresholdOf(pool)} failed logins</span>`
      : html`<code>${policy}</code>`
  const latest = latestCaptcha(state)
  if (!latest) return html`${rule} <span class="muted">· no image served</span>`
  const status =
    latest.expiresAt > now
      ? html`<span class="muted">${duration(latest.expiresAt - now)} left</span>`
      : html`<span class="muted">expired</span>`
  return html`${rule} · latest image <code class="code">${latest.answer}</code> ${status}`
}

const strengthNames = ['any non-empty', 'at least 6 characters', '6+ characters, 2 kinds', '6+ characters, 3 kinds']

function passwordRules(state: EmulatorState, poolId: string): Html {
  const pool = state.userPools.get(poolId)
  const policy = pool?.passwordUpdatePolicy
  const weak = pool?.weakPasswords?.length ?? 0
  return html`strength <b>${strengthNames[pool?.passwordStrength ?? 1]}</b> · rotation ${
    policy?.enabled ? html`every <b>${policy.forcedCycle} ${policy.forcedCycleUnit.toLowerCase()}(s)</b>` : 'off'
  } · weak-password list ${weak ? html`<b>${weak}</b> entries` : 'empty'}`
}

/** Why the next password login of the user stops at a password step (1639, 2058), if it does. */
function passwordState(state: EmulatorState, user: UserRecord, now: number): Part {
  if (!user.password) return null
  if (user.resetPasswordOnFirstLogin) return html`<span class="bad">new one at first login</span>`
  const pool = state.userPools.get(user.userPoolId)
  if (pool && passwordExpired(pool, user, now)) return html`<span class="bad">expired</span>`
  return html`<span class="muted">set ${when(Date.parse(user.passwordLastSetAt ?? user.createdAt), now)}</span>`
}

/** A bound authenticator app shows the code it shows now, so a demo login can pass the step. */
function secondFactor(state: EmulatorState, userId: string, now: number): Part {
  const authenticator = state.totpAuthenticators.get(userId)
  if (!authenticator) return null
  if (!authenticator.enabled) return html`<span class="muted">binding an authenticator app…</span>`
  return html`authenticator app, now <code class="code">${totpCodeAt(authenticator.secret, now)}</code>`
}

/** Each passkey by name, with when it last signed a login. */
function passkeys(state: EmulatorState, user: UserRecord, now: number): Part {
  return passkeysOf(state, user).map(
    (p) =>
      html`<span class="pill" title="${p.credentialId}">${p.name}</span> <span class="muted">${p.lastUsedAt ? html`used ${when(Date.parse(p.lastUsedAt), now)}` : 'never used'}</span> `,
  )
}

function rolesSection(state: EmulatorState): Html {
  const members = new Map<string, number>()
  for (const roleKeys of state.userRoles.values()) {
    for (const key of roleKeys) members.set(key, (members.get(key) ?? 0) + 1)
  }
  const roles = [...state.roles.values()]
  const rows = roles.map((r) => [
    r.namespace,
    html`<span class="pill">${r.code}</span>`,
    r.description,
    members.get(keys.role(r.userPoolId, r.namespace, r.code)) ?? 0,
  ])
  return section('Roles', roles.length, table(['Namespace', 'Code', 'Description', 'Users'], rows, 'No roles.'))
}

function applicationsSection(state: EmulatorState, info: EmulatorInfo): Html {
  const apps = [...state.applications.values()]
  const rows = apps.map((a) => [
    html`<code>${a.id}</code>`,
    a.name,
    a.identifier,
    html`<code>${info.appHost}</code>`,
    a.mfa?.length ? a.mfa.join(', ') : null,
    completion(a),
    html`${loginForm(loginSettingsOf(a))}<div class="muted">passkeys: ${a.passkeyEnabled === false ? html`<span class="bad">off</span>` : 'on'}</div>`,
    agreementsOf(state, a.id).map(
      (g) =>
        html`<div><span class="pill">${g.lang}</span> ${['register', 'login', 'login + register'][g.availableAt]}${g.required ? html` <b>required</b>` : ''}: <code>${g.title}</code></div>`,
    ),
    socialConnectionsOf(a).map(
      (c) =>
        html`<div><a href="/connections/social/${c.identifier}?app_id=${a.id}&amp;relay_method=web_message">${c.identifier}</a> <span class="muted">as ${c.account.nickname}${socialBehaviour[c.behaviour]}</span></div>`,
    ),
  ])
  const headers = [
    'ID',
    'Name',
    'Identifier',
    'Host',
    'MFA policy',
    'Profile completion',
    'Login form',
    'Agreements',
    'Social logins',
  ]
  return section('Applications', apps.length, table(headers, rows, 'No applications.'))
}

const socialBehaviour = { login: '', refuse: ' · refuses', bind: ' · binds an account first (1641)' }

function loginForm(login: AppLoginSettings): Html {
  return html`<div>tabs ${login.loginTabs.map((t) => html`<span class="pill">${t === login.defaultLoginTab ? `${t} ★` : t}</span>`)}</div>
<div class="muted">password: ${login.passwordLoginMethods.join(', ') || 'none'} · code: ${login.verifyCodeLoginMethods.join(', ') || 'none'}</div>
<div class="muted">register: ${login.registerDisabled ? html`<span class="bad">disabled</span>` : login.registerTabs.join(', ')}</div>`
}

/** The fields a login to the app asks for (required ones marked *). */
function completion(app: ApplicationRecord): Part {
  const fields = loginCompletionFields(app)
  if (!fields.length) return null
  return html`${fields.map((f) => html`<span class="pill" title="${f.type}">${f.name}${f.required ? ' *' : ''}</span>`)}${
    app.skipComplateFileds ? html` <span class="muted">skippable</span>` : ''
  }`
}

function resourcesSection(state: EmulatorState): Html {
  const resources = [...state.resources.values()]
  const rows = resources.map((r) => [
    r.namespace,
    html`<code>${r.code}</code>`,
    r.type,
    r.actions.map((a) => a.name).join(', '),
    grantsOf(state, r.userPoolId, r.namespace, r.code),
  ])
  const headers = ['Namespace', 'Resource', 'Type', 'Actions', 'Granted']
  return section('Resources & grants', resources.length, table(headers, rows, 'No resources.'))
}

function outboxSection(state: EmulatorState, outbox: OutboxMessage[], now: number): Html {
  const pending = new Set([...state.codes.values()].filter((c) => !c.spent).map((c) => `${c.code}:${c.expiresAt}`))
  const rows = [...outbox].reverse().map((m) => [
    m.channel === 'sms' ? 'SMS' : 'Email',
    m.to,
    // An SMS sent without a scene is kept under scene '*': every flow accepts it.
    m.scene === '*' ? html`<span class="muted">any</span>` : m.scene,
    html`<code class="code">${m.code}</code>`,
    when(m.sentAt, now),
    codeStatus(m, pending.has(`${m.code}:${m.expiresAt}`), now),
  ])
  const empty = 'No codes sent yet. SMS and email codes your app sends show up here.'
  return section('Outbox', outbox.length, table(['Channel', 'To', 'Scene', 'Code', 'Sent', 'Status'], rows, empty))
}

const qrcodeStatusNames = ['expired', 'waiting', 'scanned', 'confirmed', 'cancelled', 'login step', 'error']
// Users offered as the phone that scans: enough for a demo, not a pool-sized row of buttons.
const scannersShown = 3

/**
 * Login QR codes, newest first, with buttons that play the phone: scan as one of the pool's users,
 * then confirm or cancel as the scanner, or expire it now (the refresh script posts them to
 * /__emulator/qrcode/*).
 */
function qrcodeSection(state: EmulatorState, now: number): Html {
  const codes = [...state.qrcodes.values()].reverse()
  const rows = codes.map((code) => {
    const status = qrcodeStatusAt(code, now)
    const scanner = code.scannedUserId ? state.users.get(code.scannedUserId) : undefined
    const button = (action: string, label: string, username?: string) =>
      html`<button type="button" data-qrcode="${action}" data-random="${code.random}"${username ? html` data-username="${username}"` : ''}>${label}</button> `
    const usernames = state
      .userIdsInOrder(code.userPoolId)
      .map((id) => state.users.get(id)?.username)
      .filter((name): name is string => Boolean(name))
      .slice(0, scannersShown)
    const actions =
      status === 0
        ? [...usernames.map((name) => button('scan', `Scan as ${name}`, name)), button('expire', 'Expire')]
        : status === 1
          ? [button('confirm', 'Confirm'), button('cancel', 'Cancel'), button('expire', 'Expire')]
          : []
    const left =
      status === 0 || status === 1 ? html` <span class="muted">${duration(code.expiresAt - now)} left</span>` : ''
    return [
      html`<code>${code.random}</code>`,
      code.scene,
      html`${status} <span class="muted">${qrcodeStatusNames[status + 1]}</span>${left}`,
      scanner?.username ?? scanner?.id,
      actions,
    ]
  })
  const empty = 'No QR codes yet. Codes your app generates for QR-code login show up here.'
  return section('QR-code login', codes.length, table(['Code', 'Scene', 'Status', 'Scanned by', 'Phone'], rows, empty))
}

function section(title: string, count: number, body: Html): Html {
  return html`<section><h2>${title} <span class="count">${count}</span></h2>${body}</section>`
}

function table(headers: string[], rows: Part[][], empty: string): Html {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`
  return html`<table><thead><tr>${headers.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map(
    (cells) =>
      html`<tr>${cells.map((cell) => html`<td>${isBlank(cell) ? html`<span class="muted">—</span>` : cell}</td>`)}</tr>`,
  )}</tbody></table>`
}

function isBlank(cell: Part): boolean {
  return cell === null || cell === undefined || cell === '' || (Array.isArray(cell) && cell.length === 0)
}

/** `emulator-userpool-secret-0001` → `emul…0001`: enough to tell secrets apart, not to use one. */
function maskSecret(secret: string): string {
  return secret.length > 12 ? `${secret.slice(0, 4)}…${secret.slice(-4)}` : '••••'
}

function grantsOf(state: EmulatorState, poolId: string, namespace: string, resource: string): Html[] {
  const out: Html[] = []
  for (const g of state.grants.values()) {
    if (g.userPoolId !== poolId || g.namespace !== namespace || g.resource !== resource) continue
    const target =
      g.targetType === 'ROLE'
        ? [...state.roles.values()].find((r) => r.id === g.targetId)?.code
        : state.users.get(g.targetId)?.username
    out.push(
      html`<div>${g.targetType === 'ROLE' ? 'role' : 'user'} <b>${target ?? g.targetId}</b>: ${g.actions.join(', ')}</div>`,
    )
  }
  return out
}

/** Login lockout is kept per identifier (see lockout.ts), so a user is locked out by any of theirs. */
function lockout(state: EmulatorState, user: UserRecord, now: number): Html {
  for (const id of [user.username, user.email, user.phone]) {
    const until = id ? state.failures.get(keys.failure(user.userPoolId, id))?.lockedUntil : null
    if (until && until > now)
      return html`<span class="bad">locked out</span> <span class="muted">${duration(until - now)} left</span>`
  }
  return html`<span class="muted">no</span>`
}

function codeStatus(message: OutboxMessage, pending: boolean, now: number): Html {
  if (message.expiresAt <= now) return html`<span class="muted">expired ${duration(now - message.expiresAt)} ago</span>`
  if (!pending) return html`<span class="muted">used or replaced</span>`
  return html`<span class="ok">valid</span> <span class="muted">${duration(message.expiresAt - now)} left</span>`
}

function when(ms: number, now: number): Html {
  const delta = now - ms
  const text = delta < 5_000 ? 'just now' : `${duration(delta)} ago`
  return html`<time datetime="${new Date(ms).toISOString()}" title="${new Date(ms).toISOString()}">${text}</time>`
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 && s < 600 ? ` ${s % 60} s` : ''}`
  if (s < 86_400) return `${Math.floor(s / 3600)} h`
  return `${Math.floor(s / 86_400)} d`
}

// Auto-refresh is off by default (it would reset a selection while copying a code); the choice
// lasts for the tab. The QR buttons post with the header the /__emulator writes need (no form can).
// The CSP below allows this script only, by hash: injected markup cannot run.
const refreshScript = `const box = document.getElementById('auto')
box.checked = sessionStorage.getItem('authing-emulator-refresh') === 'on'
const tick = () => { if (box.checked) setTimeout(() => { if (box.checked) location.reload() }, 5000) }
box.addEventListener('change', () => { sessionStorage.setItem('authing-emulator-refresh', box.checked ? 'on' : 'off'); tick() })
tick()
for (const button of document.querySelectorAll('button[data-qrcode]')) button.addEventListener('click', async () => {
  const { qrcode, random, username } = button.dataset
  await fetch('/__emulator/qrcode/' + qrcode, { method: 'POST', headers: { 'content-type': 'application/json', 'x-authing-emulator': 'dashboard' }, body: JSON.stringify({ random, username }) })
  location.reload()
})`
/** sha256 of `refreshScript`, base64; the dashboard test recomputes it. */
const refreshScriptHash = 'sha256-qJFlwkCEyn7iXzatvKDYpPEVCpzHQCd998fdDXPAGq0='

const css = `
:root { color-scheme: light; --line: #e4e7ec; --muted: #667085; --accent: #215ae5; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", sans-serif; color: #101828; background: #f6f7f9; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 20px 32px; }
.top { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; flex-wrap: wrap; }
h1 { font-size: 20px; margin: 0 0 12px; } h1 .muted { font-weight: 400; font-size: 16px; margin-left: 6px; }
nav { display: flex; gap: 16px; align-items: center; } nav label { color: var(--muted); }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 12px; }
dt { color: var(--muted); } dd { margin: 0; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.env { margin: 4px 0 0; padding: 10px 14px; background: #101828; color: #e4e7ec; border-radius: 6px; font-size: 13px; display: inline-block; min-width: 420px; }
.env span { user-select: all; }
header p.muted { margin: 0; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
main { padding: 8px 32px 24px; max-width: 1400px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin-top: 20px; overflow-x: auto; }
h2 { font-size: 15px; margin: 0; padding: 12px 16px; border-bottom: 1px solid var(--line); }
.count { display: inline-block; min-width: 22px; padding: 0 7px; margin-left: 4px; border-radius: 11px; background: #eef2ff; color: var(--accent); font-size: 12px; text-align: center; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-weight: 600; font-size: 12px; color: var(--muted); padding: 8px 16px; background: #fafbfc; border-bottom: 1px solid var(--line); white-space: nowrap; }
td { padding: 8px 16px; vertical-align: top; overflow-wrap: break-word; }
tbody tr:nth-child(even) { background: #f9fafb; }
tbody tr:hover { background: #f0f4ff; }
.pill { display: inline-block; white-space: nowrap; padding: 0 8px; margin: 0 4px 2px 0; border-radius: 10px; background: #eef2ff; color: #3538cd; font-size: 12px; }
.code { font-size: 15px; font-weight: 600; letter-spacing: .08em; user-select: all; }
.muted { color: var(--muted); } .ok { color: #067647; font-weight: 600; } .bad { color: #b42318; font-weight: 600; }
.empty { margin: 0; padding: 20px 16px; color: var(--muted); text-align: center; }
footer { padding: 0 32px 24px; font-size: 12px; }
`
