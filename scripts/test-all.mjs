#!/usr/bin/env node
// The one command that runs every check a change must pass: build, typecheck, every vitest suite.
// It prints vitest's own report, then a plain `N passed, N failed` closing line, because CI reads only that.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const reportFile = '.vitest-report.json'

function run(title, command, args) {
  const started = Date.now()
  console.log(`\n▶ ${title}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  console.log(`${ok ? '✔' : '✘'} ${title} (${seconds} s)`)
  return ok
}

const pnpm = ['pnpm']
const steps = [
  ['build packages', ...pnpm, 'build'],
  ['typecheck', ...pnpm, 'typecheck'],
]
for (const [title, command, ...args] of steps) {
  if (!run(title, command, args)) {
    console.log('0 passed, 1 failed')
    process.exit(1)
  }
}

rmSync(`${root}/${reportFile}`, { force: true })
const testsOk = run('vitest (every project)', `${root}/node_modules/.bin/vitest`, [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportFile}`,
])
if (!existsSync(`${root}/${reportFile}`)) {
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const report = JSON.parse(readFileSync(`${root}/${reportFile}`, 'utf8'))
const failed = report.numFailedTests + (testsOk || report.numFailedTests > 0 ? 0 : 1)
console.log(`\n${report.numPassedTests} passed, ${failed} failed`)
process.exit(testsOk ? 0 : 1)
