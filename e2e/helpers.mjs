// What the tests do to the example app, in the words a user would use: by role, label and text.
import assert from 'node:assert/strict'

export const BOB = { username: 'bob', password: 'passw0rd', nickname: 'Bob' }

/** The password form of the LoginForm (English). */
export function loginForm(page) {
  return page.getByRole('form', { name: 'Log in' })
}

/** Fills and submits the password form; `rememberMe: false` unchecks the box first. */
export async function logIn(page, { account = BOB.username, password = BOB.password, rememberMe = true } = {}) {
  const form = loginForm(page)
  await form.getByLabel('Username, email or phone').fill(account)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('checkbox', { name: 'Remember me' }).setChecked(rememberMe)
  await form.getByRole('button', { name: 'Log in' }).click()
}

/** Waits for the logged-in app: the header names the user and the profile page offers to log out. */
export async function expectLoggedIn(page, name = BOB.nickname) {
  await page.getByText(`Signed in as ${name}`).waitFor()
  await page.getByRole('button', { name: /log out/i }).waitFor()
}

/** Waits for the logged-out app: the login form, and nobody named in the header. */
export async function expectLoggedOut(page) {
  await loginForm(page).waitFor()
  assert.equal(await page.getByText('Signed in as').count(), 0, 'the header still names a user')
}

/** The latest code the emulator "sent" to `to` (GET /__emulator/outbox?to=). */
export async function latestCode(emulatorUrl, to) {
  const response = await fetch(`${emulatorUrl}/__emulator/outbox?to=${encodeURIComponent(to)}`, { signal: AbortSignal.timeout(5_000) })
  assert.equal(response.status, 200, 'outbox answered')
  const messages = await response.json()
  assert.ok(messages.length > 0, `no code in the outbox for ${to}: ${JSON.stringify(messages)}`)
  return messages.at(-1).code
}

export function screenshot(t, page, name) {
  return page.screenshot({ path: `${t.outDir}${name}.png`, fullPage: true })
}
