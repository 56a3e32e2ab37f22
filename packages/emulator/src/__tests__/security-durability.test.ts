/**
 * Issue 14, durability (items 15–18): the data-file lock, a journal that cannot be written, and
 * damaged data files.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { recordShapeProblem } from '../model/recordShapes.js'
import { Store } from '../model/store.js'
import { lockDataFile } from '../node/dataFileLock.js'
import { Journal, type JournalFs, journalPathOf } from '../node/journal.js'
import { isEmulatorServerError } from '../node/serverError.js'
import { checkLoginStatus, loginByUsername, registerByUsername, tryRegisterByUsername } from './fixtures/authingHttp.js'
import { useDataServers } from './fixtures/dataServers.js'

const data = useDataServers('durability-')
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

const hasProc = existsSync('/proc/self/stat')

/** A lock as a process that is gone left it (taken, never released), its pid replaced by `pid`. */
async function lockLeftBy(pid: number): Promise<void> {
  await lockDataFile(data.dataFile)
  const lockFile = `${data.dataFile}.lock`
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
  const unlock = await lock(data.dataFile)
  await unlock()
}

describe('security 15: a stale lock never blocks a restart', () => {
  it("security 15: a new process with the dead owner's pid (PID 1 of a restarted container) takes the lock", async () => {
    await lockDataFile(data.dataFile)
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
    const unlock = await lockDataFile(data.dataFile)
    const error = await lockDataFile(data.dataFile).catch((e: unknown) => e)
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
      const results = await Promise.allSettled([lockDataFile(data.dataFile), lockDataFile(data.dataFile)])
      const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
      const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []))
      expect({ trial, won: won.length }).toEqual({ trial, won: 1 })
      expect(isEmulatorServerError(lost[0]) && lost[0].code).toBe('DATA_LOCKED')
      expect(String(lost[0])).toContain(`pid ${process.pid} on ${hostname()}`)
      await won[0]?.()
    }
  })
})

/** Real files, but appends to the journal fail with ENOSPC while `full` is set, once `slow` (if any) settles. */
function diskThatFills(): { fs: JournalFs; full: boolean; slow?: Promise<void> } {
  const disk: { fs: JournalFs; full: boolean; slow?: Promise<void> } = {
    full: false,
    fs: {
      ...fsp,
      open: async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args)
        if (String(args[0]).endsWith('.journal')) {
          const append = handle.appendFile.bind(handle)
          handle.appendFile = async (...appended: Parameters<typeof handle.appendFile>) => {
            await disk.slow
            if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
            await append(...appended)
          }
        }
        return handle
      },
    },
  }
  return disk
}

const usernames = (store: { table<T>(name: string): { values(): Iterable<T> } }): (string | null)[] =>
  [...store.table<{ username: string | null }>('users').values()].map((user) => user.username)

describe('security 17: a write the disk refuses leaves no trace', () => {
  it('security 17: it is undone, and every later write answers 503 DATA_READ_ONLY saying why; reads still work', async () => {
    const disk = diskThatFills()
    const { server, target } = await data.start({ fs: disk.fs })
    await registerByUsername(target, 'erin', 'erin-pass1')
    const { token } = await loginByUsername(target, 'erin', 'erin-pass1')
    if (!token) throw new Error('no token')

    disk.full = true
    const refused = await tryRegisterByUsername(target, 'frank', 'frank-pass1')
    expect(refused).toMatchObject({ status: 503, error: 'DATA_READ_ONLY' })
    expect(JSON.stringify(refused)).toContain('ENOSPC')
    expect(JSON.stringify(refused)).toContain(journalPathOf(data.dataFile))
    expect(usernames(server.emulator.store)).not.toContain('frank')

    // Freeing the disk does not make the server trust it again: a retry is refused the same way.
    disk.full = false
    expect(await tryRegisterByUsername(target, 'frank', 'frank-pass1')).toMatchObject({
      status: 503,
      error: 'DATA_READ_ONLY',
    })
    expect((await checkLoginStatus(target, token)).status).toBe(true)

    await data.stop(server)
    const restarted = await data.start()
    expect(usernames(restarted.server.emulator.store)).toContain('erin')
    expect(usernames(restarted.server.emulator.store)).not.toContain('frank')
    expect((await registerByUsername(restarted.target, 'frank', 'frank-pass1')).username).toBe('frank')
  })
})

describe('security 17: the journal takes back what it could not save', () => {
  it('security 17: writes made while the failing append was under way are undone too, newest first', async () => {
    const disk = diskThatFills()
    const { journal } = await Journal.open(data.dataFile, { fs: disk.fs })
    const store = new Store()
    journal.attach(store)
    store.table('users').set('kept', { v: 0 })
    await journal.flush()

    let resume = (): void => {}
    disk.slow = new Promise((resolve) => (resume = resolve))
    disk.full = true
    store.table('users').set('u1', { v: 1 })
    const first = journal.flush()
    await new Promise((resolve) => setTimeout(resolve, 10)) // the append of u1 is under way
    store.table('users').set('u1', { v: 2 })
    store.table('users').delete('kept')
    const second = journal.flush()
    resume()
    await expect(first).rejects.toMatchObject({ code: 'DATA_READ_ONLY' })
    await expect(second).rejects.toMatchObject({ code: 'DATA_READ_ONLY' })
    expect(store.snapshot().tables['users']).toEqual({ kept: { v: 0 } })
    expect(journal.failure?.code).toBe('DATA_READ_ONLY')
    await journal.close()
  })
})

describe('security 18: a damaged data file stops the start, and is kept', () => {
  /** A data file written by a server that registered erin and stopped cleanly (an empty journal). */
  async function savedState(): Promise<{ id: string; user: object }> {
    const { server, target } = await data.start()
    const { id } = await registerByUsername(target, 'erin', 'erin-pass1')
    const user = server.emulator.store.table<object>('users').get(id)
    if (!user) throw new Error('erin is not stored')
    for (const [table, rows] of Object.entries(server.emulator.store.snapshot().tables)) {
      for (const row of Object.values(rows)) expect(recordShapeProblem(table, row)).toBeUndefined()
    }
    await data.stop(server)
    return { id, user }
  }

  /** The copies of `path` set aside, with their contents. */
  async function copiesOf(path: string): Promise<string[]> {
    const names = (await readdir(dirname(path))).filter((name) => name.startsWith(`${basename(path)}.damaged-`))
    return Promise.all(names.map((name) => readFile(join(dirname(path), name), 'utf8')))
  }

  async function expectCorrupt(...parts: string[]): Promise<void> {
    const error = await data.start().catch((e: unknown) => e)
    expect(isEmulatorServerError(error) && error.code).toBe('DATA_CORRUPT')
    for (const part of parts) expect(String(error)).toContain(part)
  }

  const revoked = (key: string): string => `${JSON.stringify({ op: 'set', table: 'revokedTokens', key, value: 1 })}\n`

  it('security 18: a journal row that parses but is not a record is refused with its file and line, and kept', async () => {
    const { id, user } = await savedState()
    const journal = journalPathOf(data.dataFile)
    const renamed = { op: 'set', table: 'users', key: id, value: { ...user, username: 42 } }
    const text = `${revoked('a')}${JSON.stringify(renamed)}\n`
    await writeFile(journal, text)
    await expectCorrupt(`${journal} line 2`, 'username')
    expect(await readFile(journal, 'utf8')).toBe(text)
    expect(await copiesOf(journal)).toEqual([text])
  })

  it('security 18: a snapshot row that is not a record is refused with its file and row, and kept', async () => {
    const { id, user } = await savedState()
    const snapshot = JSON.parse(await readFile(data.dataFile, 'utf8')) as {
      tables: Record<string, Record<string, object>>
    }
    snapshot.tables['users'] = { ...snapshot.tables['users'], [id]: { ...user, loginsCount: 'many' } }
    const text = JSON.stringify(snapshot)
    await writeFile(data.dataFile, text)
    await expectCorrupt(data.dataFile, `"users", row "${id}"`, 'loginsCount')
    expect(await copiesOf(data.dataFile)).toEqual([text])
  })

  it('security 18: a torn line in the middle of the journal is corruption, and the journal is kept', async () => {
    await savedState()
    const journal = journalPathOf(data.dataFile)
    const text = `${revoked('a').slice(0, 30)}\n${revoked('b')}`
    await writeFile(journal, text)
    await expectCorrupt(`${journal} line 1`)
    expect(await copiesOf(journal)).toEqual([text])
  })

  it('security 18: a torn last line is dropped with a warning, and the journal as it was is kept before compaction', async () => {
    await savedState()
    const journal = journalPathOf(data.dataFile)
    const text = `${revoked('a')}${revoked('b').slice(0, 30)}`
    await appendFile(journal, text)
    const warnings: string[] = []
    const { server } = await data.start({ log: (line) => warnings.push(line) })
    expect(warnings.join('\n')).toMatch(/torn line/)
    expect(server.emulator.store.table('revokedTokens').has('a')).toBe(true)
    expect(server.emulator.store.table('revokedTokens').has('b')).toBe(false)
    expect(await readFile(journal, 'utf8')).toBe('')
    expect(await copiesOf(journal)).toEqual([text])
  })
})
