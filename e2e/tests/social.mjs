import { expectLoggedIn, screenshot } from '../helpers.mjs'

// The default seed's GitHub connection signs in as the emulator's stand-in user.
const OCTOCAT = 'octocat'
const CONTINUE = `Continue as ${OCTOCAT} on GitHub (emulated)`

/** @type {import('../helpers.mjs').E2eTest[]} */
export const socialTests = [
  {
    name: 'social: GitHub in a popup (the emulated provider page), its answer logs the form in',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      const github = page.getByRole('button', { name: 'Continue with GitHub' })
      await github.waitFor()
      await screenshot(t, page, 'social-buttons')
      const [popup] = await Promise.all([page.waitForEvent('popup'), github.click()])
      await popup.getByRole('button', { name: CONTINUE }).waitFor()
      await screenshot(t, popup, 'social-provider-page')
      await popup.getByRole('button', { name: CONTINUE }).click()
      await popup.waitForEvent('close')
      await expectLoggedIn(page, OCTOCAT)
      await screenshot(t, page, 'social-logged-in')
    },
  },
  {
    name: 'social: a blocked popup continues in the page; the redirect back logs in',
    async run(t) {
      const page = await t.newPage()
      // As a popup blocker answers: no window.
      await page.addInitScript(() => {
        window.open = () => null
      })
      await page.goto(t.app)
      await page.getByRole('button', { name: 'Continue with GitHub' }).click()
      await page.getByRole('button', { name: CONTINUE }).waitFor()
      await page.getByRole('button', { name: CONTINUE }).click()
      await expectLoggedIn(page, OCTOCAT)
      // The result is taken out of the address bar.
      const url = new URL(page.url())
      for (const name of ['code', 'data', 'authing_social_state'])
        if (url.searchParams.has(name)) throw new Error(`${name} is still in the address: ${url}`)
    },
  },
]
