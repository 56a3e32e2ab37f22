import assert from 'node:assert/strict'

import { BOB, expectLoggedIn, expectLoggedOut, logIn, screenshot } from '../helpers.mjs'

/**
 * A page whose browser has a platform authenticator that says yes by itself: Chromium's virtual
 * authenticator (DevTools protocol), standing in for the fingerprint or face prompt.
 * @param {import('../helpers.mjs').TestContext} t
 */
async function pageWithAuthenticator(t) {
  const page = await t.newPage()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  const credentials = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials
  return { page, credentials }
}

/** @type {import('../helpers.mjs').E2eTest[]} */
export const passkeyTests = [
  {
    name: 'passkey: added in the profile, then "Sign in with a passkey" and the autofill log in; removed, it is gone',
    async run(t) {
      const { page, credentials } = await pageWithAuthenticator(t)
      await page.goto(t.app)
      await logIn(page)
      await expectLoggedIn(page)
      const section = page.getByRole('region', { name: 'Passkeys' })
      await section.getByText('No passkeys yet', { exact: false }).waitFor()
      await section.getByRole('button', { name: 'Add a passkey' }).click()
      await page.getByText('Passkey added.').waitFor()
      await section.getByRole('button', { name: /^Remove the passkey/ }).waitFor()
      assert.equal((await credentials()).length, 1, 'the authenticator holds one passkey')
      await screenshot(t, page, 'passkey-profile')

      // The button: with no autofill (conditional mediation) in this browser, only a click asks.
      await page.evaluate(() => {
        const saved = PublicKeyCredential.isConditionalMediationAvailable
        Object.assign(window, { savedConditional: saved })
        PublicKeyCredential.isConditionalMediationAvailable = async () => false
      })
      await page.getByRole('button', { name: /log out/i }).click()
      await expectLoggedOut(page)
      const button = page.getByRole('button', { name: 'Sign in with a passkey' })
      await button.waitFor()
      assert.equal(await page.getByLabel('Username, email or phone').getAttribute('autocomplete'), 'username webauthn')
      await screenshot(t, page, 'passkey-button')
      await button.click()
      await expectLoggedIn(page, BOB.nickname)

      // Autofill: the form's standing request is answered by the passkey the user picks (the
      // virtual authenticator picks at once), with no click on the button.
      await page.evaluate(() => {
        PublicKeyCredential.isConditionalMediationAvailable = Reflect.get(window, 'savedConditional')
      })
      const finalized = page.waitForResponse((response) => response.url().endsWith('/api/v3/webauthn/login/finalize'))
      await page.getByRole('button', { name: /log out/i }).click()
      assert.equal((await finalized).status(), 200, 'the autofill request logged in')
      await expectLoggedIn(page, BOB.nickname)

      await section.getByRole('button', { name: /^Remove the passkey/ }).click()
      await page.getByText('Passkey removed.').waitFor()
      await section.getByText('No passkeys yet', { exact: false }).waitFor()
    },
  },
]
