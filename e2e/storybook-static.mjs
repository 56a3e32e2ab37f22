#!/usr/bin/env node
// `pnpm e2e:storybook`: the static Storybook build works offline with no server of ours. Builds it
// into e2e/out/storybook-static, serves the files from a bare static server, opens every story in
// headless Chromium with every request to anywhere else refused, and waits for the preview to report
// the story's play function finished. Prints `✔ id` / `✘ id: why` and `N passed, N failed`, writes
// e2e/out/storybook-static.json ({ passed, failed, refused, tests }), exits 1 on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium } from 'playwright-core'

import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from './chromium.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = `${root}e2e/out`
const staticDir = `${outDir}/storybook-static`
const STORY_TIMEOUT_MS = 30_000
/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

mkdirSync(outDir, { recursive: true })
if (!existsSync(CHROMIUM)) {
  console.log(`Chromium not found at ${CHROMIUM}: skipped the static Storybook check (apt-get install -y chromium)`)
  process.exit(0)
}

const build = spawnSync(
  `${root}node_modules/.bin/storybook`,
  ['build', '--quiet', '-c', '.storybook', '-o', staticDir],
  { cwd: root, encoding: 'utf8' },
)
if (build.status !== 0) {
  console.log(`storybook build failed:\n${build.stdout}${build.stderr}`)
  finish([{ id: 'storybook build', ok: false, why: 'the build failed' }], [])
}

const server = createServer(async (request, response) => {
  const path =
    normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(
      /^(\.\.[/\\])+|^\/+/,
      '',
    ) || 'index.html'
  try {
    const body = await readFile(join(staticDir, path))
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body)
  } catch {
    response.writeHead(404).end()
  }
})
await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)))
const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })
/** @typedef {{ id: string, ok: boolean, why: string | undefined }} Result */
/** @type {string[]} */
const refused = []
/** @type {Result[]} */
const results = []
try {
  const context = await browser.newContext()
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue()
    refused.push(url)
    return route.abort()
  })
  // The preview's channel exists only once its script ran: wait for it, then record how the story ends.
  await context.addInitScript(() => {
    const timer = setInterval(() => {
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__
      if (!channel) return
      clearInterval(timer)
      channel.on('storyFinished', (event) => (window.__storyOutcome ??= `finished: ${event?.status}`))
      channel.on('playFunctionThrewException', (error) => (window.__storyOutcome ??= `play threw: ${error?.message}`))
      channel.on('storyErrored', (error) => (window.__storyOutcome ??= `errored: ${error?.title}`))
    }, 5)
  })
  const index = JSON.parse(readFileSync(`${staticDir}/index.json`, 'utf8'))
  /** @type {{ type: string, id: string }[]} */
  const entries = Object.values(index.entries)
  const ids = entries.filter((entry) => entry.type === 'story').map((entry) => entry.id)
  for (const id of ids) {
    const page = await context.newPage()
    /** @type {string[]} */
    const errors = []
    page.on('pageerror', (error) => errors.push(String(error)))
    try {
      await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`)
      await page.waitForFunction(() => window.__storyOutcome !== undefined, null, { timeout: STORY_TIMEOUT_MS })
      const outcome = await page.evaluate(() => window.__storyOutcome)
      const ok = outcome === 'finished: success' && errors.length === 0
      results.push({ id, ok, why: ok ? undefined : `${outcome}${errors.length ? `; ${errors.join(' | ')}` : ''}` })
    } catch (error) {
      results.push({ id, ok: false, why: String(error).split('\n')[0] })
    } finally {
      await page.close()
    }
    const last = /** @type {Result} */ (results.at(-1))
    console.log(last.ok ? `✔ ${id}` : `✘ ${id}: ${last.why}`)
  }
} finally {
  await browser.close()
  server.close()
}
if (refused.length)
  results.push({ id: 'offline: no request left this machine', ok: false, why: refused.slice(0, 3).join(', ') })
finish(results, refused)

/**
 * @param {Result[]} tests
 * @param {string[]} refusedUrls
 * @returns {never}
 */
function finish(tests, refusedUrls) {
  const passed = tests.filter((test) => test.ok).length
  const failed = tests.length - passed
  writeFileSync(
    `${outDir}/storybook-static.json`,
    JSON.stringify({ passed, failed, refused: refusedUrls.length, tests }, null, 2),
  )
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}
