/**
 * Issue 14, durability (items 15–18): the data-file lock, a journal that cannot be written, and
 * damaged data files.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { lockDataFile } from '../node/dataFileLock.js'
import { isEmulatorServerError } from '../node/serverError.js'

let dir: string
let dataFile: string
const children: ChildProcess[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'durability-'))
  dataFile = join(dir, 'data.json')
})
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await rm(dir, { recursive: true, force: true })
})

const hasProc = existsSync('/proc/self/stat')

/** A lock as a process that is gone left it (taken, never released), its pid replaced by `pid`. */
async function lockLeftBy(pid: number): Promise<void> {
  await lockDataFile(dataFile)
  const lockFile = `${dataFile}.lock`
  await writeFile(lockFile, (await readFile(lockFile, 'utf8')).replace(String(process.pid), String(pid)))
}

/** A shell that keeps running, and the pid of its child, which exited and is never reaped (a zombie). */
async function spawnZombie(): Promise<number> {
  const child = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] })
  children.push(child)
  const zombie = await new Promise<number>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))),
  )
  const isZombie = async (): Promise<boolean> => /\) Z /.test(await readFile(`/proc/${zombie}/stat`, 'utf8'))
  for (let i = 0; i < 200 && !(await isZombie()); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  expect(await isZombie()).toBe(true)
  return zombie
}

async function expectLockTaken(lock: typeof lockDataFile = lockDataFile): Promise<void> {
  const unlock = await lock(dataFile)
  await unlock()
}

describe('security 15: a stale lock never blocks a restart', () => {
  it("security 15: a new process with the dead owner's pid (PID 1 of a restarted container) takes the lock", async () => {
    await lockDataFile(dataFile)
    // A fresh copy of the module is a fresh process that happens to have the same pid.
    vi.resetModules()
    const restarted = await import('../node/dataFileLock.js')
    await expectLockTaken(restarted.lockDataFile)
  })

  it.skipIf(!hasProc)('security 15: a zombie (killed, not yet reaped by its parent) holds no lock', async () => {
    await lockLeftBy(await spawnZombie())
    await expectLockTaken()
  })

  it.skipIf(!hasProc)("security 15: another live process that reuses the dead owner's pid holds no lock", async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' })
    children.push(other)
    if (other.pid === undefined) throw new Error('sleep did not start')
    await lockLeftBy(other.pid)
    await expectLockTaken()
  })

  it('security 15: a live owner keeps the lock, and the refusal names it (pid and host)', async () => {
    const unlock = await lockDataFile(dataFile)
    const error = await lockDataFile(dataFile).catch((e: unknown) => e)
    expect(isEmulatorServerError(error) && error.code).toBe('DATA_LOCKED')
    expect(String(error)).toContain(`pid ${process.pid} on ${hostname()}`)
    await unlock()
  })
})

describe('security 16: the lock is taken atomically', () => {
  it('security 16: of two starters over a stale lock exactly one wins, 30 times out of 30; the other names it', async () => {
    for (let trial = 0; trial < 30; trial++) {
      // A pid above any pid_max: its owner is gone.
      await lockLeftBy(2_147_483_646)
      const results = await Promise.allSettled([lockDataFile(dataFile), lockDataFile(dataFile)])
      const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
      const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []))
      expect({ trial, won: won.length }).toEqual({ trial, won: 1 })
      expect(isEmulatorServerError(lost[0]) && lost[0].code).toBe('DATA_LOCKED')
      expect(String(lost[0])).toContain(`pid ${process.pid} on ${hostname()}`)
      await won[0]?.()
    }
  })
})
