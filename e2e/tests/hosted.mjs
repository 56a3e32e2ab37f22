import assert from 'node:assert/strict'

import { BOB, expectLoggedIn, screenshot } from '../helpers.mjs'

/** @type {import('../helpers.mjs').E2eTest[]} */
export const hostedTests = [
  {
    name: 'hosted login: the redirect round trip, then a reload of the callback URL',
    async run(t) {
      const page = await t.newPage()
      await page.goto(`${t.app}/?lang=en-US`)
      await page.getByRole('button', { name: 'Sign in with the hosted page' }).click()

      // The emulator's hosted login page, on its own origin.
      await page.waitForURL((url) => url.href.startsWith(`${t.emulator}/oidc/auth`))
      const authorize = new URL(page.url()).searchParams
      assert.equal(authorize.get('code_challenge_method'), 'S256')
      assert.equal(authorize.get('redirect_uri'), `${t.app}/`)
      await screenshot(t, page, 'hosted-login')
      await page.getByLabel('Username, email or phone').fill(BOB.username)
      await page.getByLabel('Password').fill(BOB.password)
      let callbackUrl = ''
      const backWithCode = page.waitForURL(
        (url) => url.href.startsWith(t.app) && url.searchParams.has('code') && Boolean((callbackUrl = url.href)),
      )
      const refused = page
        .getByRole('alert')
        .waitFor()
        .then(async () => {
          throw new Error(`the hosted login page refused the login: ${await page.getByRole('alert').textContent()}`)
        })
      for (const pending of [backWithCode, refused]) pending.catch(() => {}) // the loser settles when the page closes
      await page.getByRole('button', { name: 'Log in' }).click()
      await Promise.race([backWithCode, refused])
      assert.ok(new URL(callbackUrl).searchParams.has('state'), `the callback has no state: ${callbackUrl}`)

      await expectLoggedIn(page)
      // The code and state leave the address bar; the page the login started from comes back.
      await page.waitForURL((url) => !url.searchParams.has('code') && !url.searchParams.has('state'))
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'en-US')

      // Reloading the callback URL (its code is spent) is recognised: no second exchange, no error.
      /** @type {string[]} */
      const exchanges = []
      page.on('request', (request) => request.url().includes('/oidc/token') && exchanges.push(request.url()))
      await page.goto(callbackUrl)
      await expectLoggedIn(page)
      await page.waitForURL((url) => !url.searchParams.has('code'))
      await page.waitForLoadState('networkidle')
      assert.deepEqual(exchanges, [])
      assert.equal(await page.locator('.app').getByRole('alert').count(), 0, 'an error is shown')
    },
  },
]
