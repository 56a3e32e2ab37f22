import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { renderDashboard } from '../engine/ui/dashboard.js'
import { defaultSeed, type EmulatorOptions, totpCodeAt } from '../index.js'
import { EmulatorState } from '../model/state.js'
import { createSoftAuthenticator } from '../node/softAuthenticator.js'
import { base, setup } from './engine-helpers.js'

const loginByPhoneCode = `mutation loginByPhoneCode($input: LoginByPhoneCodeInput!) { loginByPhoneCode(input: $input) { id } }`
const registerByUsername = `mutation registerByUsername($input: RegisterByUsernameInput!) { registerByUsername(input: $input) { id } }`

/** A ready emulator on a clock the test moves, and its dashboard as the router renders it. */
async function dashboardSetup(options: EmulatorOptions = {}) {
  const clock = { now: Date.parse('2024-05-01T10:00:00Z') }
  const harness = await setup({ now: () => clock.now, ...options })
  const state = new EmulatorState(harness.emulator.store)
  const page = (): string =>
    renderDashboard({ state, info: harness.emulator.info(), outbox: harness.emulator.outbox(), now: clock.now })
  return { ...harness, clock, page }
}

/** The text of the `<tr>` whose cells contain `needle`. */
function rowWith(html: string, needle: string): string {
  const row = html.match(/<tr>.*?<\/tr>/gs)?.find((r) => r.includes(needle))
  if (!row) throw new Error(`no table row contains ${needle}`)
  return row
}

describe('dashboard', () => {
  it('lists the seed user, role, application and grant, and the .env lines', async () => {
    const { page, info, loginBob } = await dashboardSetup()
    await loginBob()
    const html = page()

    expect(html).toMatch(/^<!doctype html>/)
    const bob = rowWith(html, 'bob@example.com')
    for (const cell of ['<td>bob</td>', '<td>13800138000</td>', '<td>Bob</td>', '>admin</span>', '<td>1</td>']) {
      expect(bob).toContain(cell)
    }
    expect(rowWith(html, 'Administrator')).toContain('<td>1</td>') // admin has one member
    expect(rowWith(html, 'emulator-app')).toContain('Emulator App')
    expect(rowWith(html, 'book')).toContain('role <b>admin</b>: read')
    expect(html).toContain(`VITE_AUTHING_APP_ID=${info.appId}`)
    expect(html).toContain(`VITE_AUTHING_APP_HOST=${info.appHost}`)
    expect(html).toContain('<code>bob</code> / <code>passw0rd</code>')
  })

  it("shows each app's MFA policy, and the code a user's authenticator app shows now", async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
    const seed = structuredClone(defaultSeed)
    seed.applications = [...(seed.applications ?? []), { name: 'Strict', identifier: 'strict', mfa: ['OTP', 'SMS'] }]
    seed.users = [...(seed.users ?? []), { username: 'alice', password: 'passw0rd', totpSecret: secret }]
    const { page, clock } = await dashboardSetup({ seed })
    const html = page()
    expect(rowWith(html, 'strict')).toContain('<td>OTP, SMS</td>')
    expect(rowWith(html, '<td>alice</td>')).toContain(`now <code class="code">${totpCodeAt(secret, clock.now)}</code>`)
  })

  it("shows the robot-verify policy and the live captcha answer, each app's login form and its agreements (escaped)", async () => {
    const seed = structuredClone(defaultSeed)
    seed.userPool = { ...seed.userPool, robotVerify: 'condition_set', captchaAfterFailures: 2 }
    seed.applications = [
      ...(seed.applications ?? []),
      {
        name: 'Closed',
        identifier: 'closed',
        loginTabs: ['phone-code'],
        passwordLoginMethods: [],
        registerDisabled: true,
        agreements: [{ title: '<a href="https://example.com/t">Terms</a>', lang: 'en-US', availableAt: 1 }],
      },
    ]
    const { page, emulator } = await dashboardSetup({ seed })
    expect(page()).toContain('<code>condition_set</code> <span class="muted">after 2 failed logins</span>')
    expect(page()).toContain('no image served')
    await emulator.fetch(new Request(`${base}/api/v2/security/captcha?r=1`))
    expect(page()).toContain(`latest image <code class="code">${emulator.captchaAnswer()}</code>`)
    const closed = rowWith(page(), 'closed')
    expect(closed).toContain('<span class="pill">phone-code ★</span>')
    expect(closed).toContain('password: none')
    expect(closed).toContain('<span class="bad">disabled</span>')
    expect(closed).toContain(
      'login <b>required</b>: <code>&#60;a href=&#34;https://example.com/t&#34;&#62;Terms&#60;/a&#62;</code>',
    )
    expect(rowWith(page(), 'emulator-app')).toContain('register: email, phone')
  })

  it("shows the pool's password rules, who must change a password at login, and each app's completion fields", async () => {
    const seed = structuredClone(defaultSeed)
    seed.userPool = {
      ...seed.userPool,
      passwordStrength: 2,
      weakPasswords: ['123456'],
      passwordUpdatePolicy: { forcedCycle: 30 },
    }
    seed.applications = [
      ...(seed.applications ?? []),
      {
        name: 'Profile',
        identifier: 'profile',
        extendsFields: [
          { type: 'internal', name: 'email', required: true },
          { type: 'user', name: 'school' },
        ],
        skipComplateFileds: true,
      },
    ]
    seed.users = [
      ...(seed.users ?? []),
      { username: 'newbie', password: 'initial-1', resetPasswordOnFirstLogin: true },
      { username: 'olda', password: 'old-password-1', passwordLastSetAt: '2024-01-01T00:00:00Z' },
    ]
    const { page } = await dashboardSetup({ seed })
    const html = page()
    expect(html).toContain(
      'strength <b>6+ characters, 2 kinds</b> · rotation every <b>30 day(s)</b> · weak-password list <b>1</b> entries',
    )
    expect(rowWith(html, '<td>newbie</td>')).toContain('new one at first login')
    expect(rowWith(html, '<td>olda</td>')).toContain('expired')
    expect(rowWith(html, '<td>bob</td>')).toContain('set ')
    const app = rowWith(html, '<td>profile</td>')
    expect(app).toContain('email *</span>')
    expect(app).toContain('school</span>')
    expect(app).toContain('skippable')
  })

  it('masks the user pool secret', async () => {
    const { page, info } = await dashboardSetup()
    const html = page()
    expect(html).not.toContain(info.userPoolSecret)
    expect(html).not.toContain(info.appSecret)
    expect(html).toContain('emul…0001')
  })

  it('shows codes newest first, and whether each is valid, used or expired', async () => {
    const { page, rest, gql, clock, emulator } = await dashboardSetup()
    expect(page()).toContain('No codes sent yet')
    await rest('POST', '/api/v2/sms/send', { phone: '13800138000', scene: 'login' })
    clock.now += 1000
    await rest('POST', '/api/v2/sms/send', { phone: '13900139000' })
    const [first, second] = emulator.outbox()
    if (!first || !second) throw new Error('two codes expected in the outbox')

    let html = page()
    expect(html.indexOf(second.code)).toBeLessThan(html.indexOf(first.code))
    expect(rowWith(html, first.code)).toContain('valid')
    expect(rowWith(html, first.code)).toContain('<td>login</td>')

    await gql(loginByPhoneCode, { input: { phone: '13800138000', code: first.code } })
    html = page()
    expect(rowWith(html, first.code)).toContain('used or replaced')
    expect(rowWith(html, second.code)).toContain('valid')

    clock.now += 10 * 60_000
    expect(rowWith(page(), second.code)).toContain('expired')
  })

  it('escapes a username registered over the wire, and lets no other script run', async () => {
    const { page, gql, encrypt } = await dashboardSetup()
    const username = '<script>alert(1)</script>'
    const res = await gql(registerByUsername, { input: { username, password: encrypt('Passw0rd-123') } })
    expect(res.data.registerByUsername.id).toBeTruthy()
    const html = page()

    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(html).not.toContain('alert(1)</script>')
    const scripts = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1] ?? '')
    expect(scripts).toHaveLength(1)
    const hash = createHash('sha256')
      .update(scripts[0] ?? '')
      .digest('base64')
    expect(html).toContain(`script-src 'sha256-${hash}'`)
  })

  it("lists a user's passkeys by name, with when each last signed a login", async () => {
    const { page, rest, loginBob } = await dashboardSetup()
    const token = await loginBob()
    const authenticator = createSoftAuthenticator({ origin: base })
    const options = (await rest('GET', '/api/v3/webauthn/registration', undefined, { token })).body as any
    const registrationCredential = await authenticator.create(options.data.registrationOptions)
    const body = { ticket: options.data.ticket, registrationCredential, name: 'Laptop <1>' }
    await rest('POST', '/api/v3/webauthn/registration', body, { token })
    expect(rowWith(page(), '<td>bob</td>')).toContain('Laptop &#60;1&#62;</span> <span class="muted">never used')
    const login = (await rest('POST', '/api/v3/webauthn/login/initialize', {})).body as any
    const credential = await authenticator.get(login.data.publicKey)
    await rest('POST', '/api/v3/webauthn/login/finalize', { ticket: login.data.ticket, credential })
    expect(rowWith(page(), '<td>bob</td>')).toMatch(/used <time[^>]*>just now<\/time>/)
    expect(page()).toContain('passkeys: on')
  })

  it('lists QR codes with the buttons that play the phone: scan as a user, then confirm or cancel', async () => {
    const { page, rest, emulator, clock } = await dashboardSetup()
    const gene = await rest('POST', '/api/v2/qrcode/gene', { scene: 'APP_AUTH' })
    const random = gene.body.data.random as string
    const waiting = rowWith(page(), random)
    expect(waiting).toContain('<td>APP_AUTH</td>')
    expect(waiting).toContain('waiting')
    expect(waiting).toContain('2 min left')
    expect(waiting).toContain(`data-qrcode="scan" data-random="${random}" data-username="bob">Scan as bob</button>`)

    const scan = await emulator.fetch(
      new Request(`${base}/__emulator/qrcode/scan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-authing-emulator': 'dashboard' },
        body: JSON.stringify({ random, username: 'bob' }),
      }),
    )
    expect(scan.status).toBe(200)
    const scanned = rowWith(page(), random)
    expect(scanned).toContain('<td>bob</td>')
    expect(scanned).toContain('data-qrcode="confirm"')
    expect(scanned).toContain('data-qrcode="cancel"')
    expect(scanned).not.toContain('Scan as')

    clock.now += 120_000
    const expired = rowWith(page(), random)
    expect(expired).toContain('expired')
    expect(expired).not.toContain('<button')
  })

  it('shows a locked-out user', async () => {
    const { page, login } = await dashboardSetup({ lockout: { maxFailures: 2 } })
    expect(rowWith(page(), 'bob@example.com')).not.toContain('locked out')
    await login('bob', 'wrong-1')
    await login('bob', 'wrong-2')
    expect(rowWith(page(), 'bob@example.com')).toContain('locked out')
  })

  it('says so when a seed has no users, roles or resources', async () => {
    const { page } = await dashboardSetup({ seed: {} })
    const html = page()
    for (const empty of ['No users yet.', 'No roles.', 'No resources.', 'No codes sent yet'])
      expect(html).toContain(empty)
    expect(html).toContain('none in this seed')
  })
})

describe('the dashboard route', () => {
  it('GET / serves the page as HTML, no-store', async () => {
    const { emulator } = await setup()
    for (const path of ['/', '/__emulator']) {
      const response = await emulator.fetch(`${base}${path}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.text()).toContain('bob@example.com')
    }
  })

  it('shows the apps’ social logins and the identities users linked', async () => {
    const { page, emulator, info } = await dashboardSetup()
    const answer = await emulator.social.continue(`${base}/connections/social/github?app_id=${info.appId}`, {
      referer: 'http://localhost:3000/',
    })
    if (answer.relay !== 'web_message') throw new Error('expected the popup relay')
    const html = page()
    const app = rowWith(html, info.appId)
    expect(app).toContain(`href="/connections/social/github?app_id=${info.appId}&amp;relay_method=web_message"`)
    expect(app).toContain('as octocat')
    expect(app).toContain('wechatwork:corp:qrconnect')
    expect(rowWith(html, '>github</span>')).toContain('<code>583231</code>')
  })
})
