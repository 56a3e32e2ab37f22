// What the tests do to the example app, in the words a user would use: by role, label and text.
import assert from 'node:assert/strict'

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').BrowserContextOptions} ContextOptions */
/**
 * @typedef {object} TestContext what run.mjs hands each test
 * @property {string} app the example app's URL
 * @property {string} emulator the emulator's URL
 * @property {string} outDir where screenshots go, ending in '/'
 * @property {(options?: ContextOptions) => Promise<import('playwright-core').BrowserContext>} newContext
 * @property {(options?: ContextOptions) => Promise<Page>} newPage
 */
/** @typedef {{ name: string, run: (t: TestContext) => Promise<void> }} E2eTest */

export const BOB = { username: 'bob', password: 'passw0rd', nickname: 'Bob' }

/**
 * The password form of the LoginForm (English).
 * @param {Page} page
 */
export function loginForm(page) {
  return page.getByRole('form', { name: 'Log in' })
}

/**
 * Fills and submits the password form; `rememberMe: false` unchecks the box first.
 * @param {Page} page
 * @param {{ account?: string, password?: string, rememberMe?: boolean }} [options]
 */
export async function logIn(page, { account = BOB.username, password = BOB.password, rememberMe = true } = {}) {
  const form = loginForm(page)
  await form.getByLabel('Username, email or phone').fill(account)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('checkbox', { name: 'Remember me' }).setChecked(rememberMe)
  await form.getByRole('button', { name: 'Log in' }).click()
}

/**
 * Waits for the logged-in app: the header names the user and the profile page offers to log out.
 * @param {Page} page
 */
export async function expectLoggedIn(page, name = BOB.nickname) {
  await page.getByText(`Signed in as ${name}`).waitFor()
  await page.getByRole('button', { name: /log out/i }).waitFor()
}

/**
 * Waits for the logged-out app: the login form, and nobody named in the header.
 * @param {Page} page
 */
export async function expectLoggedOut(page) {
  await loginForm(page).waitFor()
  assert.equal(await page.getByText('Signed in as').count(), 0, 'the header still names a user')
}

/**
 * The latest code the emulator "sent" to `to` (GET /__emulator/outbox?to=).
 * @param {string} emulatorUrl
 * @param {string} to
 * @returns {Promise<string>}
 */
export async function latestCode(emulatorUrl, to) {
  const response = await fetch(`${emulatorUrl}/__emulator/outbox?to=${encodeURIComponent(to)}`, {
    signal: AbortSignal.timeout(5_000),
  })
  assert.equal(response.status, 200, 'outbox answered')
  const messages = await response.json()
  assert.ok(messages.length > 0, `no code in the outbox for ${to}: ${JSON.stringify(messages)}`)
  return messages.at(-1).code
}

/**
 * @param {TestContext} t
 * @param {Page} page
 * @param {string} name the file name, without '.png'
 */
export function screenshot(t, page, name) {
  return page.screenshot({ path: `${t.outDir}${name}.png`, fullPage: true })
}
