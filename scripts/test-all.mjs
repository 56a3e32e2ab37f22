#!/usr/bin/env node
// The one command that runs every check a change must pass: build, typecheck, lint, formatting, import
// boundaries, package checks, size budgets, every vitest project (unit, React 18, Storybook stories in Chromium), the browser e2e and
// the static Storybook build opened offline.
// It ends with a summary (fault matrix, load and crash numbers, budgets, suites) and a plain
// `N passed, N failed` closing line over every suite, because CI reads only that.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { CHROMIUM_PATH as chromiumPath } from '../e2e/chromium.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const summaryDir = `${root}/.ci-summary`

/**
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(title, command, args, env = {}) {
  const started = Date.now()
  console.log(`\n▶ ${title}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  console.log(`${ok ? '✔' : '✘'} ${title} (${seconds} s)`)
  return ok
}

/**
 * @template T
 * @param {string} name
 * @returns {T | null}
 */
const readSummary = (name) => {
  const path = `${summaryDir}/${name}`
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
}

/** Chromium for the stories and the e2e: installed with apt when missing and we may (root, Debian). */
function ensureChromium() {
  if (existsSync(chromiumPath)) return true
  const isRoot = process.getuid?.() === 0
  if (isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    run('install Chromium (apt-get, about 30 s)', 'sh', [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null',
    ])
  }
  if (existsSync(chromiumPath)) return true
  console.log(
    `\nChromium not found at ${chromiumPath}. Install it with \`sudo apt-get install -y chromium fonts-wqy-microhei\`` +
      ' (or point CHROMIUM_PATH at a Chromium); until then the three browser suites are skipped.',
  )
  return false
}

rmSync(summaryDir, { recursive: true, force: true })
/** @type {string[]} */
const failures = []
const withChromium = ensureChromium()

for (const [title, command, ...args] of /** @type {[string, string, ...string[]][]} */ ([
  ['build packages', 'pnpm', 'build'],
  ['typecheck', 'pnpm', 'typecheck'],
])) {
  if (!run(title, command, args)) {
    console.log('0 passed, 1 failed')
    process.exit(1)
  }
}
/** @type {{ title: string, ok: boolean }[]} */
const codeChecks = /** @type {[string, string][]} */ ([
  ['lint (ESLint)', 'lint'],
  ['formatting (Prettier)', 'format:check'],
  ['import boundaries (dependency-cruiser)', 'boundaries'],
]).map(([title, script]) => ({ title, ok: run(title, 'pnpm', [script]) }))
for (const check of codeChecks) if (!check.ok) failures.push(check.title)
if (!run('package checks: publint, attw, changesets', process.execPath, ['scripts/package-checks.mjs']))
  failures.push('package checks')
if (!run('bundle size budgets', process.execPath, ['scripts/budgets.mjs'])) failures.push('bundle size budgets')

const projects = withChromium ? ['unit', 'react18', 'storybook'] : ['unit', 'react18']
const vitestOk = run(`vitest (${projects.join(', ')})`, `${root}/node_modules/.bin/vitest`, [
  'run',
  ...projects.flatMap((project) => ['--project', project]),
  '--reporter=default',
  '--reporter=./scripts/summaryReporter.mjs',
])
/** @type {import('./summaryReporter.mjs').SummaryTest[]} */
const vitest = readSummary('vitest.json') ?? []
if (!vitestOk && !vitest.some((test) => test.state === 'failed')) failures.push('vitest (exited with an error)')

/**
 * @typedef {{ name?: string, id?: string, ok: boolean, skipped?: boolean, why?: string }} BrowserTest
 * @typedef {{ passed: number, failed: number, tests: BrowserTest[] }} BrowserResults
 */

/**
 * Runs a browser suite that writes `{ passed, failed, tests }` to `resultsFile`; its counts join the total.
 * @param {string} title
 * @param {string} script
 * @param {string} resultsFile
 * @returns {BrowserResults}
 */
function browserSuite(title, script, resultsFile) {
  /** @type {BrowserResults} */
  const none = { passed: 0, failed: 0, tests: [] }
  if (!withChromium) return none
  rmSync(resultsFile, { force: true })
  const ok = run(title, process.execPath, [script])
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : none
  if (!ok && results.failed === 0) failures.push(`${title} (exited with an error)`)
  return results
}
const e2e = browserSuite(
  'browser e2e (example app + emulator in Chromium)',
  'e2e/run.mjs',
  `${root}/e2e/out/results.json`,
)
const storybookStatic = browserSuite(
  'static Storybook build, offline (Chromium)',
  'e2e/storybook-static.mjs',
  `${root}/e2e/out/storybook-static.json`,
)

printSummary()

const passed = vitest.filter((test) => test.state === 'passed').length + e2e.passed + storybookStatic.passed
const failed =
  vitest.filter((test) => test.state === 'failed').length + e2e.failed + storybookStatic.failed + failures.length
if (failures.length) console.log(`\nAlso failed: ${failures.join('; ')}`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)

function printSummary() {
  console.log('\n══════════ Summary ══════════')

  // Issue 7's fault matrix: every item is a set of tests named `fault N: …`, in whichever package owns it.
  const items = [
    'remembered token expired beyond the leeway',
    'token payload edited, signature kept',
    "token with a wrong aud or iss, or alg 'none'",
    'malformed tokens (segments, base64url, JSON, 1 MB)',
    'localStorage throws on read or write',
    'logout while offline or on a 500',
    'fetch rejects (network down)',
    'server never answers',
    '502/503 with an HTML page or JSON error',
    '200 with empty, malformed or wrong-shape JSON',
    '429 with Retry-After',
    'public key fails or garbage; server says 2016',
    'password longer than the RSA block',
    '10k-character username, body over 1 MiB',
    'lockout, the same for unknown identifiers',
    'double submit / concurrent useLogin',
  ]
  printItems('Fault matrix', 'fault', items)

  // Issue 14's security review: every item is a set of tests named `security N: …`.
  printItems('Security review', 'security', [
    'lockout bypass by spelling (one normalisation)',
    'lockout race (nothing evaluated after the limit)',
    'verification codes: wrong tries, one live code, rate',
    'GraphQL amplification (fields, password fields, depth)',
    'unbounded state growth (codes pruned, capped)',
    'usernames: trimmed, normalised, no invisible chars',
    'CAS 1.0 impersonation by a newline',
    'sessions end with a password change',
    'app secret mints any session (HS256 only if set)',
    'token kinds accepted only where Authing does',
    'OAuth: refresh family, code replay, PKCE S256',
    'DNS rebinding (Host checked)',
    'cross-site reset of the test helpers',
    'hosted login on localhost',
    'restart after kill -9 (lock owner unique)',
    'lock race (exactly one wins)',
    'disk full (nothing visible unsaved)',
    'damaged data files (refused, kept aside)',
    'logout after a storage failure',
    'open redirect in returnTo',
    'id_token verification (alg pinned, typ, aud)',
    'restore checks (aud, iss, nbf/iat, alg)',
    'plain http appHost / management host',
  ])

  /** @type {Record<string, number> | null} */
  const load = readSummary('load.json')
  /** @type {Record<string, number | boolean> | null} */
  const crash = readSummary('crash.json')
  console.log('\nLoad and crash (emulator CLI over loopback)')
  console.log(
    load
      ? `  load: ${load.clients} clients × ${load.loginsPerClient} logins + profile updates: ${load.logins} logins, ${load.updates} updates, ` +
          `${load.errors} errors, ${load.throughputPerSec} operations/s; login p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms`
      : '  load: no numbers (the test did not run)',
  )
  console.log(
    crash
      ? `  crash: kill -9 during writes, restart: ${crash.presentAfterRestart} of ${crash.acknowledgedWrites} acknowledged writes present, file ${crash.fileValid ? 'valid' : 'INVALID'}`
      : '  crash: no numbers (the test did not run)',
  )

  console.log('\nBundle budgets (gzip, react and react-dom not counted)')
  /** @type {{ name: string, kib: number, limitKiB: number, ok: boolean }[]} */
  const budgets = readSummary('budgets.json') ?? []
  for (const budget of budgets) {
    console.log(
      `  ${budget.ok ? '✔' : '✘'} ${budget.name.padEnd(52)} ${String(budget.kib).padStart(5)} KiB ≤ ${budget.limitKiB}`,
    )
  }
  console.log('\nCode checks')
  for (const check of codeChecks) console.log(`  ${check.ok ? '✔' : '✘'} ${check.title}`)

  console.log('\nPackage checks')
  /** @type {{ title: string, ok: boolean }[]} */
  const checks = readSummary('packages.json') ?? []
  for (const check of checks) console.log(`  ${check.ok ? '✔' : '✘'} ${check.title}`)

  console.log('\nSuites')
  /** @param {import('./summaryReporter.mjs').SummaryTest[]} tests */
  const count = (tests) => {
    const ok = tests.filter((test) => test.state === 'passed').length
    const bad = tests.filter((test) => test.state === 'failed').length
    const skipped = tests.length - ok - bad
    return `${ok} passed, ${bad} failed${skipped ? `, ${skipped} skipped` : ''}`
  }
  for (const project of ['unit', 'react18', 'storybook']) {
    const label = {
      unit: 'unit (node + jsdom, React 19)',
      react18: 'React tests on React 18',
      storybook: 'Storybook stories (Chromium)',
    }[/** @type {'unit' | 'react18' | 'storybook'} */ (project)]
    console.log(
      `  ${label.padEnd(36)} ${projects.includes(project) ? count(vitest.filter((test) => test.project === project)) : 'skipped: no Chromium'}`,
    )
  }
  /** @type {[string, BrowserResults][]} */
  const browserSuites = [
    ['browser e2e (Chromium)', e2e],
    ['static Storybook, offline (Chromium)', storybookStatic],
  ]
  for (const [label, suite] of browserSuites) {
    console.log(
      `  ${label.padEnd(36)} ${withChromium ? `${suite.passed} passed, ${suite.failed} failed` : 'skipped: no Chromium'}`,
    )
  }
  for (const test of vitest.filter((test) => test.state === 'failed'))
    console.log(`  ✘ [${test.project}] ${test.file}: ${test.name}`)
  for (const test of e2e.tests.filter((test) => !test.ok && !test.skipped)) console.log(`  ✘ [e2e] ${test.name}`)
  for (const test of storybookStatic.tests.filter((test) => !test.ok))
    console.log(`  ✘ [static Storybook] ${test.id}: ${test.why}`)
}

/**
 * One line per numbered item of a review: how many of its `<prefix> N: …` tests ran and passed, and where.
 * @param {string} heading
 * @param {string} prefix
 * @param {string[]} items
 */
function printItems(heading, prefix, items) {
  console.log(`\n${heading}`)
  items.forEach((title, index) => {
    const tests = vitest.filter((test) => new RegExp(`\\b${prefix} ${index + 1}:`).test(test.name))
    const failedCount = tests.filter((test) => test.state === 'failed').length
    const layers = [
      ...new Set(tests.map((test) => (test.project === 'unit' ? test.file.split('/')[1] : test.project))),
    ].join(', ')
    const mark =
      tests.length === 0
        ? '✘ no test ran'
        : failedCount
          ? `✘ ${failedCount} of ${tests.length} failed`
          : `✔ ${tests.length} passed`
    console.log(`  ${String(index + 1).padStart(2)}  ${title.padEnd(54)} ${mark.padEnd(16)} ${layers}`)
  })
}
