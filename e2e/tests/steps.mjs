import assert from 'node:assert/strict'

import { totpCodeAt } from '@authing-kit/emulator'

import { BOB, expectLoggedIn, logIn, loginForm, screenshot } from '../helpers.mjs'

// The demo seed's mfa-alice: her authenticator app's secret, as an enrolment QR code would carry it.
const ALICE = { username: 'mfa-alice', password: 'passw0rd', nickname: 'Alice' }
const ALICE_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

/**
 * The step's form once the password was right (English).
 * @param {import('playwright-core').Page} page
 */
const mfaStep = (page) => page.getByRole('form', { name: 'Two-step verification' })

/** @type {import('../helpers.mjs').E2eTest[]} */
export const stepTests = [
  {
    name: 'mfa: a TOTP login stops at the code, a wrong one is refused, the right one logs in',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await logIn(page, { account: ALICE.username, password: ALICE.password })
      const step = mfaStep(page)
      const input = step.getByLabel('Authenticator code')
      await input.waitFor()
      assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'the code field has the focus')
      assert.equal(await input.getAttribute('autocomplete'), 'one-time-code')
      await page.getByRole('heading', { name: 'Two-step verification' }).waitFor()
      const announced = await page.locator('.ak-login [aria-live="polite"]').textContent()
      assert.equal(announced, 'Two-step verification: Enter the 6-digit code your authenticator app shows.')
      await screenshot(t, page, 'mfa-totp-step')

      await page.keyboard.type('000000')
      await page
        .locator('.ak-login')
        .getByRole('alert')
        .getByText('The authenticator code is incorrect.', { exact: false })
        .waitFor()
      assert.equal(await page.getByText('Signed in as').count(), 0, 'a wrong code logged in')
      assert.equal(await input.inputValue(), '', 'the wrong code stays in the field')
      await screenshot(t, page, 'mfa-totp-wrong')

      // A code as authenticator apps show it, with a space, submits itself once it is whole.
      const code = totpCodeAt(ALICE_TOTP_SECRET, Date.now())
      await input.fill(`${code.slice(0, 3)} ${code.slice(3)}`)
      await expectLoggedIn(page, ALICE.nickname)
      await screenshot(t, page, 'mfa-totp-logged-in')
    },
  },
  {
    name: 'mfa: the recovery code logs in and the next one is shown once; keyboard only',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await logIn(page, { account: ALICE.username, password: ALICE.password })
      await mfaStep(page).getByLabel('Authenticator code').waitFor()
      // Shift+Tab from the code field reaches the factor buttons; the last is the recovery code.
      await page.keyboard.press('Shift+Tab')
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Recovery code')
      await page.keyboard.press('Enter')
      const input = mfaStep(page).getByLabel('Recovery code')
      await input.waitFor()
      assert.equal(await input.evaluate((el) => el === document.activeElement), true)
      await page.keyboard.type('alice-recovery-01')
      await page.keyboard.press('Enter')
      const notice = page.getByRole('group', { name: 'Save your new recovery code' })
      await notice.waitFor()
      const next = await notice.locator('code').textContent()
      assert.match(next ?? '', /^[0-9a-f]{4}(-[0-9a-f]{4}){5}$/)
      await screenshot(t, page, 'mfa-recovery-next-code')
      await page.keyboard.press('Enter') // "Continue" has the focus
      await expectLoggedIn(page, ALICE.nickname)
    },
  },
  {
    name: 'mfa: the profile offers the authenticator app: a real QR code, the key, cancel leaves it off',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await logIn(page)
      await expectLoggedIn(page, BOB.nickname)
      const section = page.getByRole('region', { name: 'Authenticator app' })
      await section.getByText('Off: logins ask for your password only.').waitFor()
      await section.getByRole('button', { name: 'Turn on' }).click()
      const qr = section.getByRole('img', { name: 'QR code for your authenticator app' })
      await qr.waitFor()
      const size = await qr.evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth)
      assert.ok(size >= 100, `the QR image decoded to ${size} px`)
      assert.equal(await section.getByLabel('Code from the app').evaluate((el) => el === document.activeElement), true)
      await section.scrollIntoViewIfNeeded()
      await screenshot(t, page, 'mfa-profile-enrolment')
      await section.getByRole('button', { name: 'Cancel' }).click()
      await section.getByText('Off: logins ask for your password only.').waitFor()
    },
  },
  {
    name: 'password step: first-login-carol chooses her own password, the rules tick off, and she is in',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await logIn(page, { account: 'first-login-carol', password: 'passw0rd' })
      const step = page.getByRole('form', { name: 'Choose a new password' })
      const input = step.getByLabel('New password', { exact: true })
      await input.waitFor()
      assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'the new password has the focus')
      await page.keyboard.type('carol-s-own-1')
      await step.getByLabel('Repeat the new password').fill('carol-s-own-1')
      const rules = step.getByRole('list', { name: 'The new password needs' }).getByRole('listitem')
      assert.deepEqual(await rules.evaluateAll((items) => items.map((item) => item.getAttribute('data-met'))), ['true'])
      await screenshot(t, page, 'password-step-first-login')
      await step.getByRole('button', { name: 'Set the password and log in' }).click()
      await expectLoggedIn(page, 'Carol')
    },
  },
  {
    name: 'captcha: three wrong passwords, then the image; its answer and the right password log in',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      // Its own identifier (the count is per account name), so no other test meets the captcha.
      const account = 'bob@example.com'
      for (let i = 0; i < 3; i += 1) {
        await logIn(page, { account, password: 'not-the-password' })
        await page.locator('.ak-login').getByRole('alert').getByText('Incorrect account or password.').waitFor()
      }
      await logIn(page, { account, password: BOB.password })
      const image = loginForm(page).getByRole('img', { name: 'Captcha image' })
      await image.waitFor()
      await page.getByRole('status').getByText('Enter the characters in the image to continue.').waitFor()
      await page.waitForFunction(() => {
        const img = /** @type {HTMLImageElement | null} */ (document.querySelector('.ak-login__captcha'))
        return img?.complete && img.naturalWidth > 0
      })
      await screenshot(t, page, 'captcha-shown')
      const { answer } = await (await fetch(`${t.emulator}/__emulator/captcha`)).json()
      assert.match(answer, /^\w{4}$/)
      await loginForm(page).getByLabel('Characters in the image').fill(answer)
      await loginForm(page).getByLabel('Password').fill(BOB.password)
      await loginForm(page).getByRole('button', { name: 'Log in' }).click()
      await expectLoggedIn(page)
    },
  },
]
