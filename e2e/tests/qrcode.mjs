import assert from 'node:assert/strict'

import { BOB, expectLoggedIn, screenshot } from '../helpers.mjs'

/** The client's default: ms between one answer and the next check. */
const POLL_INTERVAL = 800

/**
 * Opens the demo's login page on its QR tab and records every status check it sends: when each
 * started and ended, so overlaps and the rate can be told.
 * @param {import('../helpers.mjs').TestContext} t
 */
async function openQrTab(t) {
  const page = await t.newPage()
  /** @type {{ start: number, end: number }[]} */
  const checks = []
  /** @type {Map<import('playwright-core').Request, { start: number, end: number }>} */
  const open = new Map()
  page.on('request', (request) => {
    if (!request.url().includes('/api/v2/qrcode/check')) return
    const check = { start: Date.now(), end: Infinity }
    checks.push(check)
    open.set(request, check)
  })
  const settle = (/** @type {import('playwright-core').Request} */ request) => {
    const check = open.get(request)
    if (check) check.end = Date.now()
    open.delete(request)
  }
  page.on('requestfinished', settle)
  page.on('requestfailed', settle)
  await page.goto(t.app)
  const drawn = page.waitForResponse((response) => response.url().includes('/api/v2/qrcode/gene'))
  await page.getByRole('button', { name: 'QR code' }).click()
  const random = (await (await drawn).json()).data.random
  await page.getByRole('img', { name: 'QR code to scan' }).waitFor()
  return { page, checks, random }
}

/**
 * The phone: the emulator's dashboard in a page of its own, pressing its QR buttons.
 * @param {import('playwright-core').Page} phone
 * @param {import('../helpers.mjs').TestContext} t
 * @param {string} random
 * @param {string} button
 */
async function pressOnDashboard(phone, t, random, button) {
  await phone.goto(`${t.emulator}/`)
  const row = phone.getByRole('row').filter({ has: phone.getByText(random, { exact: true }) })
  const reloaded = phone.waitForEvent('load')
  await row.getByRole('button', { name: button }).click()
  await reloaded
}

/**
 * Ends a code's life now, as its 120 s would (the emulator's test hook).
 * @param {import('../helpers.mjs').TestContext} t
 * @param {string} random
 */
async function expire(t, random) {
  const response = await fetch(`${t.emulator}/__emulator/qrcode/expire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authing-emulator': 'e2e' },
    body: JSON.stringify({ random }),
    signal: AbortSignal.timeout(5_000),
  })
  assert.equal(response.status, 200, 'the code expired')
}

/**
 * Polling as promised: never two checks at once, and one per interval at most.
 * @param {{ start: number, end: number }[]} checks
 */
function assertPolite(checks) {
  for (let i = 1; i < checks.length; i++) {
    const [before, after] = /** @type {[{ start: number, end: number }, { start: number, end: number }]} */ ([
      checks[i - 1],
      checks[i],
    ])
    assert.ok(after.start >= before.end, `check ${i} started before check ${i - 1} was answered`)
    assert.ok(
      after.start - before.start >= POLL_INTERVAL * 0.9,
      `checks ${i - 1} and ${i} came ${after.start - before.start} ms apart`,
    )
  }
}

/** @type {import('../helpers.mjs').E2eTest[]} */
export const qrcodeTests = [
  {
    name: 'qr: the phone (the dashboard, in a second page) scans and confirms; the login page is in within two polls',
    async run(t) {
      const { page, checks, random } = await openQrTab(t)
      await page.getByText('Scan the code with the app to log in.').waitFor()
      await screenshot(t, page, 'qr-ready')

      const phone = await t.newPage()
      await pressOnDashboard(phone, t, random, `Scan as ${BOB.username}`)
      await page.getByText(`Scanned by ${BOB.nickname}. Confirm the login on your phone.`).waitFor()
      await screenshot(t, page, 'qr-scanned')
      await screenshot(t, phone, 'qr-dashboard-phone')

      const confirmedAt = Date.now()
      await pressOnDashboard(phone, t, random, 'Confirm')
      await expectLoggedIn(page)
      const after = checks.filter((check) => check.start >= confirmedAt)
      assert.ok(after.length <= 2, `${after.length} checks after the confirmation before the login`)
      assertPolite(checks)
      await screenshot(t, page, 'qr-logged-in')
    },
  },
  {
    name: 'qr: an expired code is replaced by itself, three times; then a button draws the next one',
    async run(t) {
      const { page, random } = await openQrTab(t)
      let current = random
      for (let refresh = 0; refresh < 3; refresh++) {
        const drawn = page.waitForResponse((response) => response.url().includes('/api/v2/qrcode/gene'))
        await expire(t, current)
        const next = (await (await drawn).json()).data.random
        assert.notEqual(next, current, 'a new code')
        current = next
        await page.getByText('Scan the code with the app to log in.').waitFor()
      }
      await expire(t, current)
      await page.getByText('The code has expired.').waitFor()
      await screenshot(t, page, 'qr-expired')
      const drawn = page.waitForResponse((response) => response.url().includes('/api/v2/qrcode/gene'))
      await page.getByRole('button', { name: 'Get a new code' }).click()
      await drawn
      await page.getByText('Scan the code with the app to log in.').waitFor()
    },
  },
]
