/**
 * Load (issue 7): 200 AuthenticationClients, each its own session, against the emulator CLI over
 * loopback HTTP, 20 rounds of login + profile update each. No errors allowed; throughput and
 * latency percentiles go to `.ci-summary/load.json` for CI's summary (reported, not asserted: the
 * machine is shared and noisy). It lives here rather than in the emulator package because it drives
 * the real client, which the emulator does not depend on.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { type AddressInfo, createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { defaultSeed } from '@authing-kit/emulator'
import { afterAll, describe, expect, it } from 'vitest'

import { AuthenticationClient, createMemoryStore } from '../index.js'

const CLIENTS = 200
const LOGINS_PER_CLIENT = 20
const PASSWORD = 'Load-test-1'

const emulatorDir = dirname(createRequire(import.meta.url).resolve('@authing-kit/emulator/package.json'))
const cli = join(emulatorDir, 'dist', 'cli.js')
const summaryFile = fileURLToPath(new URL('../../../../.ci-summary/load.json', import.meta.url))

const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

/** A port nothing listens on right now (the CLI takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** Starts the CLI (demo seed, cheap hashing) and waits, 15 s at most, until it serves its public key. */
async function startCli(): Promise<string> {
  const url = `http://127.0.0.1:${await freePort()}`
  const child = spawn(process.execPath, [cli, '--port', new URL(url).port, '--password-iterations', '1000'], {
    stdio: 'ignore',
  })
  children.push(child)
  for (
    const deadline = Date.now() + 15_000;
    Date.now() < deadline;
    await new Promise((resolve) => setTimeout(resolve, 100))
  ) {
    if (child.exitCode !== null) throw new Error(`the emulator CLI exited with ${child.exitCode}`)
    const ready = await fetch(`${url}/api/v2/.well-known`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return url
  }
  throw new Error(`the emulator CLI did not answer on ${url} within 15 s`)
}

function percentile(sorted: number[], p: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
  return Math.round(value * 10) / 10
}

/** Runs `operation`, adding its duration to `latencies` and any failure to `errors`. */
async function timed(latencies: number[], errors: unknown[], operation: () => Promise<unknown>): Promise<boolean> {
  const start = performance.now()
  try {
    await operation()
    latencies.push(performance.now() - start)
    return true
  } catch (error) {
    errors.push(error)
    return false
  }
}

describe('load over loopback HTTP', () => {
  // The test command builds every package first; run on its own, build the emulator before.
  const unbuilt = existsSync(cli) ? '' : ` (skipped: ${cli} is missing — build @authing-kit/emulator first)`
  it.skipIf(unbuilt !== '')(
    `${CLIENTS} concurrent clients × ${LOGINS_PER_CLIENT} logins + profile updates: 0 errors${unbuilt}`,
    async () => {
      const url = await startCli()
      const appId = defaultSeed.applications![0]!.id!
      const clients = Array.from(
        { length: CLIENTS },
        // A generous deadline: a queue of 200 logins on 2 busy cores is slow, not broken.
        () => new AuthenticationClient({ appId, appHost: url, tokenStore: createMemoryStore(), timeout: 60_000 }),
      )
      const errors: unknown[] = []
      await Promise.all(
        clients.map((client, i) =>
          client.registerByUsername(`load-${i}`, PASSWORD).catch((error: unknown) => errors.push(error)),
        ),
      )
      expect(errors).toEqual([])

      const loginLatencies: number[] = []
      const updateLatencies: number[] = []
      const started = performance.now()
      await Promise.all(
        clients.map(async (client, i) => {
          for (let round = 0; round < LOGINS_PER_CLIENT; round++) {
            if (!(await timed(loginLatencies, errors, () => client.loginByUsername(`load-${i}`, PASSWORD)))) continue
            await timed(updateLatencies, errors, () => client.updateProfile({ nickname: `load ${i} round ${round}` }))
          }
        }),
      )
      const seconds = (performance.now() - started) / 1000
      loginLatencies.sort((a, b) => a - b)
      updateLatencies.sort((a, b) => a - b)
      const logins = loginLatencies.length
      const updates = updateLatencies.length
      const summary = {
        clients: CLIENTS,
        loginsPerClient: LOGINS_PER_CLIENT,
        logins,
        updates,
        errors: errors.length,
        seconds: Math.round(seconds * 100) / 100,
        throughputPerSec: Math.round((logins + updates) / seconds),
        loginsPerSec: Math.round(logins / seconds),
        p50Ms: percentile(loginLatencies, 50),
        p99Ms: percentile(loginLatencies, 99),
        updateP50Ms: percentile(updateLatencies, 50),
        updateP99Ms: percentile(updateLatencies, 99),
      }
      await mkdir(dirname(summaryFile), { recursive: true })
      await writeFile(summaryFile, `${JSON.stringify(summary, null, 2)}\n`)
      console.log(`[load] ${JSON.stringify(summary)}`)

      expect(errors.slice(0, 3)).toEqual([])
      expect({ logins, updates }).toEqual({ logins: CLIENTS * LOGINS_PER_CLIENT, updates: CLIENTS * LOGINS_PER_CLIENT })
      // Every client ends on its own session: the last update it made is what the server holds.
      const last = await clients[CLIENTS - 1]!.getCurrentUser()
      expect(last).toMatchObject({
        username: `load-${CLIENTS - 1}`,
        nickname: `load ${CLIENTS - 1} round ${LOGINS_PER_CLIENT - 1}`,
      })
    },
    120_000,
  )
})
