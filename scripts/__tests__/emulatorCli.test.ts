// Two emulator starts at once, before any build exists: each builds its own copy, the first to rename it into
// place wins, and both come up (the package build used to empty dist/ under the other start).
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { afterAll, expect, it } from 'vitest'

const helper = new URL('../emulatorCli.mjs', import.meta.url).href
// Beside the default cache, where the built CLI finds the emulator's dependencies.
const caches = fileURLToPath(new URL('../../packages/emulator/node_modules/.cache/', import.meta.url))
mkdirSync(caches, { recursive: true })
const cacheDir = mkdtempSync(`${caches}emulator-cli-test-`)
const children: ChildProcess[] = []

/** Starts the CLI as `pnpm emulator` does, from `cacheDir`; answers the URL its banner gives. */
function start(): Promise<string> {
  const code = `const { emulatorCli } = await import(${JSON.stringify(helper)})
await import(new URL('file://' + emulatorCli({ cacheDir: ${JSON.stringify(cacheDir)} })).href)`
  // `-e` leaves no script path in argv[1], where the CLI expects one: 'emulator' stands in for it.
  const args = ['--input-type=module', '-e', code, 'emulator', '--port', '0', '--password-iterations', '1000']
  const child = spawn(process.execPath, args, { cwd: cacheDir, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += String(chunk)
      const url = /running on (http:\/\/\S+)/.exec(output)?.[1]
      if (url) resolve(url)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`the emulator exited (code ${code}) before listening:\n${output}`)))
  })
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  rmSync(cacheDir, { recursive: true, force: true })
})

it('starts twice at once from an empty cache, with one build left in it', async () => {
  const urls = await Promise.all([start(), start()])
  for (const url of urls) expect((await fetch(`${url}/api/v2/.well-known`)).ok).toBe(true)
  expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/)])
}, 120_000)
