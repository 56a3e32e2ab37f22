// Switches an admin turns on in the console, through the management API, and what a user then meets
// in the example app. Each test turns its switch off again, so the demo app is as before for the next.
import assert from 'node:assert/strict'

import { ManagementClient } from '@authing-kit/client/management'

import { BOB, expectLoggedIn, latestCode, logIn, loginForm, screenshot } from '../helpers.mjs'

// The demo seed's pool and app (fixed ids, printed by the CLI's banner).
const POOL = { userPoolId: '62a0f0a9c6b1c2a3d4e5f601', secret: 'emulator-userpool-secret-0001' }
const APP_ID = '62a0f0a9c6b1c2a3d4e5f602'

/** @param {import('../helpers.mjs').TestContext} t */
const adminOf = (t) => new ManagementClient({ ...POOL, host: t.emulator })

/** @type {import('../helpers.mjs').E2eTest[]} */
export const consoleSwitchTests = [
  {
    name: "console: the app's MFA policy asks bob for a text-message code, read from the outbox",
    async run(t) {
      const admin = adminOf(t)
      await admin.applications.update(APP_ID, { applicationMfa: [{ mfaPolicy: 'SMS' }] })
      try {
        const page = await t.newPage()
        await page.goto(t.app)
        await logIn(page)
        const step = page.getByRole('form', { name: 'Two-step verification' })
        await step.getByText('We send a code to 138****8000.').waitFor()
        await step.getByRole('button', { name: 'Send code' }).click()
        await step.getByRole('button', { name: /^Resend in \d+s$/ }).waitFor()
        await screenshot(t, page, 'mfa-sms-step')
        await step.getByLabel('Verification code').fill(await latestCode(t.emulator, '13800138000'))
        await step.getByRole('button', { name: 'Verify' }).click()
        await expectLoggedIn(page)
      } finally {
        await admin.applications.update(APP_ID, { applicationMfa: [] })
      }
    },
  },
  {
    name: 'console: a required agreement blocks the login until it is ticked',
    async run(t) {
      const admin = adminOf(t)
      const terms = await admin.applications.createAgreement(APP_ID, {
        title: 'I accept the <a href="https://example.com/terms">terms of service</a>',
        required: true,
        lang: 'en-US',
        availableAt: 2,
      })
      try {
        const page = await t.newPage()
        await page.goto(t.app)
        const agreements = loginForm(page).getByRole('group', { name: 'Agreements' })
        await agreements.waitFor()
        await logIn(page)
        await page.locator('.ak-login').getByRole('alert').getByText('Please accept the agreements marked *.').waitFor()
        assert.equal(await page.getByText('Signed in as').count(), 0, 'logged in without the agreement')
        await screenshot(t, page, 'agreement-required')
        await agreements.getByRole('checkbox').check()
        await loginForm(page).getByRole('button', { name: 'Log in' }).click()
        await expectLoggedIn(page)
      } finally {
        await admin.applications.deleteAgreement(APP_ID, terms.id)
      }
    },
  },
  {
    name: 'console: profile completion asks a new user for a nickname before the login completes',
    async run(t) {
      const admin = adminOf(t)
      await admin.users.create({ username: 'nick-e2e', password: BOB.password })
      await admin.applications.update(APP_ID, {
        extendsFieldsEnabled: true,
        extendsFields: [{ type: 'internal', name: 'nickname', label: 'Nickname', required: true }],
      })
      try {
        const page = await t.newPage()
        await page.goto(t.app)
        await logIn(page, { account: 'nick-e2e' })
        const step = page.getByRole('form', { name: 'Complete your profile' })
        const nickname = step.getByLabel('Nickname *')
        await nickname.waitFor()
        assert.equal(
          await nickname.evaluate((el) => el === document.activeElement),
          true,
          'the first field has the focus',
        )
        await screenshot(t, page, 'complete-profile')
        await nickname.fill('Nick')
        await step.getByRole('button', { name: 'Continue' }).click()
        await expectLoggedIn(page, 'Nick')
      } finally {
        await admin.applications.update(APP_ID, { extendsFieldsEnabled: false })
      }
    },
  },
]
