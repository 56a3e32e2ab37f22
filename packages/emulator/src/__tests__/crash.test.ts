/**
 * Crash safety (issue 7): the emulator CLI with `--data`, killed with SIGKILL in the middle of a
 * write load, then restarted on the same files. Every write it acknowledged must be there, and the
 * files must parse. The numbers go to `.ci-summary/crash.json` for CI's summary.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { connect, loginByUsername, registerByUsername } from './fixtures/authingHttp.js'
import { ensureBuiltCli } from './fixtures/builtCli.js'

/** CI prints these numbers in its summary (next to load.json from the client's load test). */
const summaryFile = fileURLToPath(new URL('../../../../.ci-summary/crash.json', import.meta.url))

let cli: string
let dir: string
let dataFile: string
const children: ChildProcess[] = []
beforeAll(async () => {
  cli = await ensureBuiltCli()
}, 120_000)
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-crash-'))
  dataFile = join(dir, 'data.json')
})
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  await rm(dir, { recursive: true, force: true })
})

interface Running {
  child: ChildProcess
  url: string
  appId: string
  exited: Promise<number | null>
}

/** Spawns the built CLI and waits (at most 15 s) for its banner. */
function spawnCli(): Promise<Running> {
  const child = spawn(process.execPath, [cli, '--port', '0', '--data', dataFile, '--password-iterations', '1000'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let output = ''
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 15 s:\n${output}`)), 15_000)
    void exited.then((code) => reject(new Error(`the CLI exited with ${code}:\n${output}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /Authing emulator is running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      const appId = /VITE_AUTHING_APP_ID=(\S+)/.exec(output)?.[1]
      if (url && appId) {
        clearTimeout(timer)
        resolve({ child, url, appId, exited })
      }
    })
  })
}

/** Whether the snapshot and every complete journal line parse (a torn last line, cut by the kill, is not one). */
async function readDataFiles(): Promise<{ valid: boolean; journalEntries: number }> {
  try {
    const snapshot = JSON.parse(await readFile(dataFile, 'utf8')) as { version?: unknown }
    const journal = await readFile(`${dataFile}.journal`, 'utf8')
    const lines = journal
      .slice(0, journal.lastIndexOf('\n') + 1)
      .split('\n')
      .filter((line) => line !== '')
    for (const line of lines) JSON.parse(line)
    return { valid: snapshot.version === 1, journalEntries: lines.length }
  } catch {
    return { valid: false, journalEntries: 0 }
  }
}

describe('authing-emulator --data under kill -9', () => {
  it('keeps every acknowledged write and leaves files that parse', async () => {
    const first = await spawnCli()
    const target = await connect(first.url, first.appId)
    const acknowledged: string[] = []
    const deadline = Date.now() + 20_000
    let killed = false
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      for (let i = 0; i < 300 && !killed && Date.now() < deadline; i++) {
        const username = `crash-${writer}-${i}`
        try {
          await registerByUsername(target, username, 'Passw0rd-123')
        } catch {
          return // the server is gone: this write was never acknowledged
        }
        acknowledged.push(username)
        if (acknowledged.length >= 150 && !killed) {
          // Mid-stream: the other writers still have requests in flight.
          killed = true
          first.child.kill('SIGKILL')
        }
      }
    })
    await Promise.all(writers)
    expect(killed).toBe(true)
    expect(await first.exited).toBe(null)

    const files = await readDataFiles()
    expect(files.valid).toBe(true)
    expect(files.journalEntries).toBeGreaterThan(0)

    const second = await spawnCli()
    const restarted = await connect(second.url, second.appId)
    expect(restarted.publicKeyPem).toBe(target.publicKeyPem)
    const missing: string[] = []
    for (let i = 0; i < acknowledged.length; i += 10) {
      await Promise.all(
        acknowledged
          .slice(i, i + 10)
          .map((username) => loginByUsername(restarted, username, 'Passw0rd-123').catch(() => missing.push(username))),
      )
    }
    await mkdir(dirname(summaryFile), { recursive: true })
    const summary = {
      acknowledgedWrites: acknowledged.length,
      presentAfterRestart: acknowledged.length - missing.length,
      fileValid: files.valid,
    }
    await writeFile(summaryFile, `${JSON.stringify(summary, null, 2)}\n`)
    console.log(`[crash] ${JSON.stringify(summary)}`)
    expect(missing).toEqual([])

    // A clean stop (SIGTERM) exits 0 and folds the journal into the snapshot.
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
    expect(await readFile(`${dataFile}.journal`, 'utf8')).toBe('')
    const compacted = await readFile(dataFile, 'utf8')
    for (const username of acknowledged) expect(compacted).toContain(`"${username}"`)
  }, 60_000)
})
