// Reload to an authenticated profile page, in headless Chromium: the example app (production build,
// the emulator CLI over loopback) with a remembered token, against the same page with no auth at all
// (bench/reload-pages/no-auth: the example's page as plain elements). Every page is a production build
// served as deployed (staticHost.mjs). Two pages in between say where the time goes: the auth layer
// alone (provider + useProfile, on the baseline's elements) and <UserProfile /> alone. Time = from navigation
// start to the profile's heading in the DOM, read in the page (performance.now() from a MutationObserver
// set up before any script runs). Goal: the example's ratio of medians ≤ 1.1×; the median of the
// per-round ratios (each round reloads every page once) is shown as a check on it. Needs /usr/bin/chromium
// (or CHROMIUM_PATH).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium } from 'playwright-core'

import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from '../e2e/chromium.mjs'
import { buildExample, startEmulator } from '../e2e/servers.mjs'
import { median, printTable } from './lib.mjs'
import { serveBuild } from './staticHost.mjs'

const ROUNDS = 120
const GOAL = 1.1

if (!existsSync(CHROMIUM)) {
  console.log(`\nReload timing: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium)`)
  process.exit(0)
}

/**
 * Records when the first element matching `selector` appears, as `window.__readyAt`.
 * @param {string} selector
 */
const watchFor = (selector) => `
  new MutationObserver((_, observer) => {
    if (document.querySelector(${JSON.stringify(selector)})) { window.__readyAt = performance.now(); observer.disconnect() }
  }).observe(document, { childList: true, subtree: true })`

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * A production build of bench/reload-pages/<name>, served as the example is.
 * @param {string} name
 * @param {string} outDir
 */
async function servePage(name, outDir) {
  const { build, defaultClientConditions } = await import('vite')
  const { default: react } = await import('@vitejs/plugin-react')
  await build({
    root: `${root}bench/reload-pages/${name}`,
    configFile: false,
    plugins: [react()],
    // As the example's own config does: the packages from their sources, one copy of React and React Query.
    resolve: {
      conditions: ['@authing-kit/source', ...defaultClientConditions],
      dedupe: ['react', 'react-dom', '@tanstack/react-query'],
    },
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  })
  return serveBuild(outDir)
}

/**
 * Reloads each page in turn, `ROUNDS` times (interleaved, so all see the same machine noise). Every
 * origin gets the remembered session first (each page is served on a port of its own).
 * @param {{ page: import('playwright-core').Page, url: string, selector: string }[]} pages
 * @param {[string, string][]} session localStorage's entries
 */
async function timeLoads(pages, session) {
  for (const { page, url, selector } of pages) {
    await page.addInitScript(watchFor(selector))
    await page.goto(url)
    await page.evaluate((entries) => entries.forEach(([key, value]) => localStorage.setItem(key, value)), session)
    await page.reload() // warms the HTTP cache and the compiled-code cache, as a reload would find them
  }
  const times = pages.map(() => /** @type {number[]} */ ([]))
  for (let i = 0; i < ROUNDS; i++) {
    for (const [index, { page, selector }] of pages.entries()) {
      await page.reload()
      await page.waitForSelector(selector)
      times[index]?.push(/** @type {number} */ (await page.evaluate(() => window.__readyAt)))
    }
  }
  return times
}

const workDir = mkdtempSync(join(tmpdir(), 'authing-kit-reload-'))
/** @type {{ stop: () => Promise<unknown> }[]} */
const servers = []
/** @type {import('playwright-core').Browser | undefined} */
let browser
try {
  const emulator = await startEmulator()
  servers.push(emulator)
  await buildExample(emulator, join(workDir, 'app'))
  const example = await serveBuild(join(workDir, 'app'))
  servers.push(example)
  const session = `?appId=${emulator.appId}&appHost=${encodeURIComponent(emulator.url)}`
  /** @param {string} name */
  const serve = async (name) => {
    const server = await servePage(name, join(workDir, name))
    servers.push(server)
    return server
  }
  const noAuth = await serve('no-auth')
  const authLayer = await serve('auth-layer')
  const userProfile = await serve('user-profile')
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })

  const context = await browser.newContext()
  const login = await context.newPage()
  await login.goto(`${example.url}/?lang=en-US`)
  await login.getByLabel('Username, email or phone').fill('bob')
  await login.getByLabel('Password', { exact: true }).fill('passw0rd')
  await login.getByRole('button', { name: 'Log in', exact: true }).click()
  await login.waitForSelector('section.ak-profile h2')
  const remembered = await login.evaluate(() => Object.entries(localStorage))
  await login.close()

  const pageSpecs = [
    { label: 'the same page with no auth at all', url: noAuth.url, selector: 'section.profile h2' },
    {
      label: 'auth layer alone (provider + useProfile)',
      url: `${authLayer.url}${session}`,
      selector: 'section.profile h2',
    },
    { label: '<UserProfile /> alone', url: `${userProfile.url}${session}`, selector: 'section.ak-profile h2' },
    {
      label: 'example app, authenticated profile page',
      url: `${example.url}/?lang=en-US`,
      selector: 'section.ak-profile h2',
    },
  ]
  const pages = []
  for (const spec of pageSpecs) pages.push({ ...spec, page: await context.newPage() })
  const times = await timeLoads(pages, remembered)
  const plain = /** @type {number[]} */ (times[0])
  printTable(
    `React: reload to the profile page with a remembered token, Chromium, ${ROUNDS} interleaved reloads each`,
    ['page', 'median ms', 'ratio of medians', 'median of per-round ratios', 'goal'],
    pages.map(({ label }, index) => {
      const own = /** @type {number[]} */ (times[index])
      const ratio = median(own) / median(plain)
      const goal = index === pages.length - 1 ? `≤ ${GOAL}: ${ratio <= GOAL ? 'ok' : 'MISSED'}` : '—'
      const perRound = own.map((time, round) => time / /** @type {number} */ (plain[round]))
      return [label, median(own).toFixed(1), ratio.toFixed(2), median(perRound).toFixed(2), goal]
    }),
  )
} finally {
  await Promise.allSettled([browser?.close(), ...servers.map((server) => server.stop())])
  rmSync(workDir, { recursive: true, force: true })
}
