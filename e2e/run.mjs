#!/usr/bin/env node
// `pnpm e2e`: the example app in headless Chromium against the emulator's HTTP server.
// Prints `✔ name (ms)` / `✘ name: error` per test and `N passed, N failed`, writes e2e/out/results.json,
// exits 1 on any failure. The servers and the browser are stopped on every way out.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { chromium } from 'playwright-core'

import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from './chromium.mjs'
import { serveExample, startEmulator } from './servers.mjs'
import { tests } from './tests/index.mjs'

const TEST_TIMEOUT_MS = 45_000
const ACTION_TIMEOUT_MS = 10_000
const outDir = fileURLToPath(new URL('./out/', import.meta.url))
const only = process.argv.slice(2) // optional name filters: `node e2e/run.mjs hosted reload`
const selected = only.length ? tests.filter((test) => only.some((word) => test.name.includes(word))) : tests

mkdirSync(outDir, { recursive: true })
/** @type {{ name: string, ok: boolean, ms: number, skipped?: true, error?: string }[]} */
const results = []

if (!existsSync(CHROMIUM)) {
  console.log(
    `Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\`; skipped ${selected.length} browser tests: ${selected.map((t) => t.name).join('; ')}`,
  )
  results.push(...selected.map((test) => ({ name: test.name, ok: false, ms: 0, skipped: /** @type {const} */ (true) })))
  finish()
}

/** @type {import('./servers.mjs').Emulator | null} */
let emulator = null
/** @type {{ url: string, stop: () => Promise<void> } | null} */
let example = null
/** @type {import('playwright-core').Browser | null} */
let browser = null
/** @type {Promise<unknown> | null} */
let cleaning = null
const cleanup = () => (cleaning ??= Promise.allSettled([browser?.close(), example?.stop(), emulator?.stop()]))

let interrupted = false
/** @param {number} exitCode */
const interrupt = (exitCode) => {
  if (interrupted) return
  interrupted = true
  console.log('e2e: interrupted; stopping the browser and the servers')
  void cleanup().then(() => finish(exitCode))
}
process.on('SIGINT', () => interrupt(130))
process.on('SIGTERM', () => interrupt(143))
process.on('exit', () => emulator?.killNow()) // an uncaught throw: never leave the emulator behind

try {
  const setupStart = Date.now()
  emulator = await startEmulator()
  example = await serveExample(emulator, `${outDir}app`)
  // Our own signal handlers close the browser, the servers, and write the results.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
    handleSIGINT: false,
    handleSIGTERM: false,
  })
  console.log(
    `e2e: emulator ${emulator.url}, example ${example.url}, Chromium ${browser.version()} (setup ${Date.now() - setupStart} ms)`,
  )

  if (!spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim()) {
    console.log('e2e: no Chinese font, so the zh-CN screenshot shows boxes (apt-get install -y fonts-wqy-microhei)')
  }

  for (const test of selected) {
    const result = await runOne(test, { browser, app: example.url, emulator: emulator.url })
    if (interrupted) break // its failure is the shutdown's doing
    results.push(result)
  }
} catch (error) {
  if (!interrupted) {
    console.error(`e2e: setup failed: ${error instanceof Error ? error.stack : String(error)}`)
    results.push({ name: 'setup', ok: false, ms: 0, error: String(error instanceof Error ? error.message : error) })
  }
}
if (!interrupted) {
  await cleanup()
  finish()
}

/**
 * One test with a fresh emulator state and its own browser contexts, closed whatever happens.
 * @param {import('./helpers.mjs').E2eTest} test
 * @param {{ browser: import('playwright-core').Browser, app: string, emulator: string }} setup
 */
async function runOne(test, { browser, app, emulator }) {
  /** @type {import('playwright-core').BrowserContext[]} */
  const contexts = []
  /** @type {import('./helpers.mjs').TestContext} */
  const t = {
    app,
    emulator,
    outDir,
    async newContext(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, ...options })
      context.setDefaultTimeout(ACTION_TIMEOUT_MS)
      context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS)
      contexts.push(context)
      return context
    },
    async newPage(options) {
      return (await t.newContext(options)).newPage()
    },
  }
  const start = Date.now()
  let timer
  try {
    const reset = await fetch(`${emulator}/__emulator/reset`, {
      method: 'POST',
      headers: { 'x-authing-emulator': '1' },
      signal: AbortSignal.timeout(ACTION_TIMEOUT_MS),
    })
    if (!reset.ok) throw new Error(`emulator reset answered ${reset.status}`)
    const timeout = new Promise(
      (_, reject) =>
        (timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS / 1000} s`)), TEST_TIMEOUT_MS)),
    )
    await Promise.race([test.run(t), timeout])
    const ms = Date.now() - start
    console.log(`✔ ${test.name} (${ms} ms)`)
    return { name: test.name, ok: true, ms }
  } catch (error) {
    const ms = Date.now() - start
    if (interrupted) return { name: test.name, ok: false, ms, error: 'interrupted' }
    const message = error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error)
    console.log(`✘ ${test.name}: ${message}`)
    return { name: test.name, ok: false, ms, error: message }
  } finally {
    clearTimeout(timer)
    await Promise.allSettled(contexts.map((context) => context.close()))
  }
}

/**
 * @param {number} [exitCode] the test results' when not given
 * @returns {never}
 */
function finish(exitCode) {
  const skipped = results.filter((r) => r.skipped).length
  const passed = results.filter((r) => r.ok).length
  const failed = results.length - passed - skipped
  writeFileSync(`${outDir}results.json`, `${JSON.stringify({ passed, failed, skipped, tests: results }, null, 2)}\n`)
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
  process.exit(exitCode ?? (failed > 0 ? 1 : 0))
}
