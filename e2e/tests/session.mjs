import assert from 'node:assert/strict'

import { expectLoggedIn, expectLoggedOut, logIn } from '../helpers.mjs'

/**
 * Runs before the app's scripts on every load: records whether the login form or a "Loading…" text (the app's or the profile's)
 * was ever in the document, even for one frame (a MutationObserver sees every node added).
 */
function recordFlashes() {
  /** @type {string[]} */
  const seen = (window.__flashes = [])
  const loginForm = '.ak-login:not(.ak-profile)' // the profile reuses the form's base class
  /** @param {Node} added */
  const check = (added) => {
    if (added.nodeType !== Node.ELEMENT_NODE) return
    const node = /** @type {Element} */ (added)
    if (node.matches(loginForm) || node.querySelector(loginForm))
      seen.push(`login form: ${node.outerHTML.slice(0, 80)}`)
    if (/Loading|加载中/.test(node.textContent ?? '')) seen.push(`loading text: ${node.outerHTML.slice(0, 80)}`)
  }
  new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(check))).observe(document, {
    childList: true,
    subtree: true,
  })
}

/** @type {import('../helpers.mjs').E2eTest[]} */
export const sessionTests = [
  {
    name: 'a reload stays logged in with no login form or loading flash',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await logIn(page)
      await expectLoggedIn(page)
      await page.addInitScript(recordFlashes)
      await page.reload()
      await expectLoggedIn(page)
      // The profile is confirmed with the server in the background: let that finish before looking.
      await page.waitForLoadState('networkidle')
      assert.deepEqual(await page.evaluate(() => window.__flashes), [])
    },
  },
  {
    name: 'logging out in one page logs out the other page of the same browser',
    async run(t) {
      const context = await t.newContext()
      const first = await context.newPage()
      await first.goto(t.app)
      await logIn(first)
      await expectLoggedIn(first)
      const second = await context.newPage()
      await second.goto(t.app)
      await expectLoggedIn(second)

      await first.getByRole('button', { name: /log out/i }).click()
      await expectLoggedOut(first)
      await expectLoggedOut(second) // no reload: the storage event reached it
    },
  },
  {
    name: 'remember me unchecked: a new browser session is logged out, a reload is not',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await logIn(page, { rememberMe: false })
      await expectLoggedIn(page)
      await page.reload()
      await expectLoggedIn(page) // sessionStorage lives as long as the tab

      // A new browser session gets cookies and localStorage, never sessionStorage.
      const later = await t.newPage({ storageState: await page.context().storageState() })
      await later.goto(t.app)
      await expectLoggedOut(later)
    },
  },
  {
    name: 'remember me checked: a new browser session is still logged in',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await logIn(page, { rememberMe: true })
      await expectLoggedIn(page)

      const later = await t.newPage({ storageState: await page.context().storageState() })
      await later.goto(t.app)
      await expectLoggedIn(later)
    },
  },
]
