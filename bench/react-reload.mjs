// Reload to an authenticated profile page, in headless Chromium: the example app (production build,
// `vite preview`, the emulator CLI over loopback) with a remembered token, against a React page with no
// auth at all, served the same way. Time = from navigation start to the profile's heading in the DOM,
// read in the page (performance.now() from a MutationObserver set up before any script runs).
// Goal: ratio of medians ≤ 1.1×. Needs /usr/bin/chromium (or CHROMIUM_PATH).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { ensureEmulatorBuilt, serveExample, startEmulator } from '../e2e/servers.mjs'
import { printTable } from './lib.mjs'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const ROUNDS = 40
const GOAL = 1.1

if (!existsSync(CHROMIUM)) {
  console.log(`\nReload timing: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium)`)
  process.exit(0)
}

/** Records when the first element matching `selector` appears, as `window.__readyAt`. */
const watchFor = (selector) => `
  new MutationObserver((_, observer) => {
    if (document.querySelector(${JSON.stringify(selector)})) { window.__readyAt = performance.now(); observer.disconnect() }
  }).observe(document, { childList: true, subtree: true })`

async function serveBaseline(outDir) {
  const { build, preview } = await import('vite')
  const root = fileURLToPath(new URL('./reload-baseline/', import.meta.url))
  const { default: react } = await import('@vitejs/plugin-react')
  const shared = { root, configFile: false, plugins: [react()], logLevel: 'error', build: { outDir, emptyOutDir: true } }
  await build(shared)
  const server = await preview({ ...shared, preview: { host: '127.0.0.1', port: 0 } })
  return { url: server.resolvedUrls.local[0], stop: () => server.close() }
}

/** Reloads each page in turn, `ROUNDS` times (interleaved, so both see the same machine noise). */
async function timeLoads(pages) {
  for (const { page, url, selector } of pages) {
    await page.addInitScript(watchFor(selector))
    await page.goto(url) // warm the HTTP cache and the compiled-code cache, as a reload would find them
  }
  const times = pages.map(() => [])
  for (let i = 0; i < ROUNDS; i++) {
    for (const [index, { page, selector }] of pages.entries()) {
      await page.reload()
      await page.waitForSelector(selector)
      times[index].push(await page.evaluate(() => window.__readyAt))
    }
  }
  return times
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const workDir = mkdtempSync(join(tmpdir(), 'authing-kit-reload-'))
let emulator, example, baseline, browser
try {
  ensureEmulatorBuilt()
  emulator = await startEmulator()
  example = await serveExample(emulator, join(workDir, 'app'))
  baseline = await serveBaseline(join(workDir, 'baseline'))
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })

  const context = await browser.newContext()
  const authPage = await context.newPage()
  await authPage.goto(`${example.url}/?lang=en-US`)
  await authPage.getByLabel('Username, email or phone').fill('bob')
  await authPage.getByLabel('Password', { exact: true }).fill('passw0rd')
  await authPage.getByRole('button', { name: 'Log in', exact: true }).click()
  await authPage.waitForSelector('section.ak-profile h2')

  const basePage = await context.newPage()
  const [auth, plain] = await timeLoads([
    { page: authPage, url: `${example.url}/?lang=en-US`, selector: 'section.ak-profile h2' },
    { page: basePage, url: baseline.url, selector: 'section.profile h2' },
  ])
  const ratio = median(auth) / median(plain)
  printTable(`React: reload to the profile page with a remembered token, Chromium, ${ROUNDS} interleaved reloads each`, ['page', 'median ms', 'min ms', 'ratio of medians', 'ratio of minimums', 'goal'], [
    ['the same page with no auth at all', median(plain).toFixed(1), Math.min(...plain).toFixed(1), '1.00', '1.00', '—'],
    ['example app, authenticated profile', median(auth).toFixed(1), Math.min(...auth).toFixed(1), ratio.toFixed(2), (Math.min(...auth) / Math.min(...plain)).toFixed(2), `≤ ${GOAL}: ${ratio <= GOAL ? 'ok' : 'MISSED'}`],
  ])
} finally {
  await Promise.allSettled([browser?.close(), example?.stop(), baseline?.stop(), emulator?.stop()])
  rmSync(workDir, { recursive: true, force: true })
}
