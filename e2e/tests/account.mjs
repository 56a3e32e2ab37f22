import assert from 'node:assert/strict'

import { BOB, expectLoggedIn, latestCode, logIn, loginForm } from '../helpers.mjs'

/** @type {import('../helpers.mjs').E2eTest[]} */
export const accountTests = [
  {
    name: 'signs up with an SMS code from the outbox, then logs in with the new phone',
    async run(t) {
      const phone = `139${String(Date.now()).slice(-8)}`
      const page = await t.newPage()
      await page.goto(t.app)
      await page.getByRole('button', { name: 'Create an account' }).click()
      const form = page.getByRole('form', { name: 'Create an account' })
      await form.getByRole('radio', { name: 'With a phone number' }).check()
      await form.getByLabel('Phone number', { exact: true }).fill(phone)
      await form.getByRole('button', { name: 'Send code' }).click()
      await page.getByRole('status').getByText('A code was sent.').waitFor()
      // The form moves the focus to the code field once the code is on its way.
      assert.equal(
        await form.getByLabel('Verification code').evaluate((input) => input === document.activeElement),
        true,
      )
      await form.getByLabel('Verification code').fill(await latestCode(t.emulator, phone))
      await form.getByLabel('Password').fill('n3w-passw0rd')
      await form.getByRole('button', { name: 'Sign up' }).click()
      await page.getByRole('status').getByText('Your account was created. You can log in now.').waitFor()

      await logIn(page, { account: phone, password: 'n3w-passw0rd' })
      await expectLoggedIn(page, phone)
    },
  },
  {
    name: 'a new nickname is saved and still there after a reload',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await logIn(page)
      await expectLoggedIn(page)
      await page.getByLabel('Nickname').fill('Bobby Tables')
      await page.getByRole('button', { name: /save/i }).click()
      await page.getByRole('status').getByText(/saved/i).waitFor()
      await expectLoggedIn(page, 'Bobby Tables') // the header follows the profile

      await page.reload()
      await expectLoggedIn(page, 'Bobby Tables')
      assert.equal(await page.getByLabel('Nickname').inputValue(), 'Bobby Tables')
    },
  },
  {
    name: 'logs in with the keyboard only',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      const account = loginForm(page).getByLabel('Username, email or phone')
      await account.waitFor()
      // Tab from the top of the page until the account field has the focus, as a keyboard user would.
      for (let presses = 0; !(await account.evaluate((input) => input === document.activeElement)); presses++) {
        assert.ok(presses < 15, 'Tab never reached the account field')
        await page.keyboard.press('Tab')
      }
      await page.keyboard.type(BOB.username)
      await page.keyboard.press('Tab')
      await page.keyboard.type(BOB.password)
      await page.keyboard.press('Enter')
      await expectLoggedIn(page)
    },
  },
]
