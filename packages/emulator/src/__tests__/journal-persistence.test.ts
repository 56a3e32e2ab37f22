import * as fsp from 'node:fs/promises'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { Store, type StoreSnapshot } from '../model/store.js'
import { Journal, type JournalFs, journalPathOf } from '../node/journal.js'
import { readDataFile } from '../node/readDataFile.js'
import { isEmulatorServerError } from '../node/serverError.js'

let dir: string
let dataFile: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-test-'))
  dataFile = join(dir, 'data.json')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Real files, but every fsync is counted and takes a little while, as on a real disk. */
function countingFs(syncDelayMs = 2): { fs: JournalFs; syncs: () => number } {
  let syncs = 0
  const fs: JournalFs = {
    ...fsp,
    open: async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args)
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        await new Promise((resolve) => setTimeout(resolve, syncDelayMs))
        await sync()
        syncs++
      }
      return handle
    },
  }
  return { fs, syncs: () => syncs }
}

async function reopen(): Promise<StoreSnapshot | undefined> {
  const { journal, state } = await Journal.open(dataFile)
  await journal.close()
  return state
}

const lines = async (): Promise<string[]> =>
  (await readFile(journalPathOf(dataFile), 'utf8')).split('\n').filter((line) => line !== '')

describe('Journal', () => {
  it('starts empty, then replays appended changes after a restart', async () => {
    const { journal, state } = await Journal.open(dataFile)
    expect(state).toBeUndefined()
    const store = new Store()
    journal.attach(store)
    store.table('users').set('u1', { name: 'bob' })
    store.table('users').set('u2', { name: 'alice' })
    store.table('users').delete('u1')
    store.table('revoked').set('t1', { at: 1 })
    await journal.flush()
    expect(await lines()).toHaveLength(4)
    // No clean close (no compaction): what is flushed must be enough.
    await journal.discard()
    expect(await reopen()).toEqual(store.snapshot())
  })

  it('group-commits concurrent flushes into far fewer fsyncs, each answered only once durable', async () => {
    const { fs, syncs } = countingFs()
    const { journal } = await Journal.open(dataFile, { fs })
    const store = new Store()
    journal.attach(store)
    const before = syncs()
    const writers = 100
    await Promise.all(
      Array.from({ length: writers }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i % 10))
        store.table('users').set(`u${i}`, { i })
        await journal.flush()
        // Answered: the change must already be on disk.
        expect(await readFile(journalPathOf(dataFile), 'utf8')).toContain(`"key":"u${i}"`)
      }),
    )
    const fsyncs = syncs() - before
    expect(fsyncs).toBeGreaterThan(0)
    expect(fsyncs).toBeLessThan(writers / 4)
    expect(await lines()).toHaveLength(writers)
    await journal.close()
    expect((await reopen())?.tables['users']).toEqual(store.snapshot().tables['users'])
  })

  it('ignores a torn last line and cuts it off, so the next append starts on a clean line', async () => {
    const { journal } = await Journal.open(dataFile)
    const store = new Store()
    journal.attach(store)
    store.table('users').set('u1', { name: 'bob' })
    await journal.flush()
    await journal.flush() // nothing pending: resolves at once
    await journal.discard()
    await fsp.appendFile(journalPathOf(dataFile), '{"op":"set","table":"users","key":"u2","val')

    const { journal: second, state } = await Journal.open(dataFile)
    expect(state?.tables['users']).toEqual({ u1: { name: 'bob' } })
    const restored = new Store()
    if (state) restored.load(state)
    second.attach(restored)
    restored.table('users').set('u3', { name: 'carol' })
    await second.flush()
    expect((await readDataFile(dataFile, fsp)).state?.tables['users']).toEqual({
      u1: { name: 'bob' },
      u3: { name: 'carol' },
    })
    await second.close()
  })

  it('lets one process at a time use a data file, taking over a lock its dead owner left', async () => {
    const { journal } = await Journal.open(dataFile)
    const error = await Journal.open(dataFile).catch((e: unknown) => e)
    expect(isEmulatorServerError(error) && error.code).toBe('DATA_LOCKED')
    await journal.close()
    // A pid that cannot be running (kill -9 leaves the lock behind).
    await writeFile(`${dataFile}.lock`, '2147483646')
    const { journal: again } = await Journal.open(dataFile)
    expect(JSON.parse(await readFile(`${dataFile}.lock`, 'utf8'))).toMatchObject({ pid: process.pid })
    await again.close()
  })

  it('refuses a corrupt complete line instead of silently dropping it', async () => {
    await writeFile(journalPathOf(dataFile), '{"op":"clear"}\nnot json\n{"op":"clear"}\n')
    const error = await Journal.open(dataFile).catch((e: unknown) => e)
    expect(isEmulatorServerError(error) && error.code).toBe('DATA_CORRUPT')
    expect(String(error)).toContain('line 2')
  })

  it('refuses a data file that is not a snapshot', async () => {
    await writeFile(dataFile, '{"users":[]}')
    const error = await Journal.open(dataFile).catch((e: unknown) => e)
    expect(isEmulatorServerError(error) && error.code).toBe('DATA_CORRUPT')
  })

  it('compacts through a temp file and rename into a valid snapshot and an empty journal', async () => {
    const renames: string[][] = []
    const fs: JournalFs = {
      ...fsp,
      rename: async (from, to) => {
        renames.push([String(from), String(to)])
        await fsp.rename(from, to)
      },
    }
    const { journal } = await Journal.open(dataFile, { fs })
    const store = new Store()
    journal.attach(store)
    store.table('users').set('u1', { name: 'bob' })
    store.table('codes').set('13800138000', { code: '123456' })
    await journal.flush()
    store.table('codes').delete('13800138000')
    await journal.compact()
    expect(renames).toEqual([[`${dataFile}.tmp`, dataFile]])
    expect(JSON.parse(await readFile(dataFile, 'utf8'))).toEqual(store.snapshot())
    expect(await lines()).toEqual([])
    // Writes after the compaction go to the (now empty) journal and replay on top of the snapshot.
    store.table('users').set('u2', { name: 'alice' })
    await journal.flush()
    expect(await lines()).toHaveLength(1)
    await journal.discard()
    expect(await reopen()).toEqual(store.snapshot())
  })

  it('journals a clear followed by new rows (what a reset does)', async () => {
    const { journal } = await Journal.open(dataFile)
    const store = new Store()
    journal.attach(store)
    store.table('users').set('old', { name: 'gone' })
    await journal.compact()
    store.clear()
    store.table('users').set('seed', { name: 'bob' })
    await journal.flush()
    await journal.discard()
    expect(await reopen()).toEqual({ version: 1, tables: { users: { seed: { name: 'bob' } } } })
  })

  it('compacts by itself once the journal holds too many records', async () => {
    const { journal } = await Journal.open(dataFile, { maxRecords: 10 })
    const store = new Store()
    journal.attach(store)
    // Concurrent writers, so compactions interleave with appends.
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i % 7))
        store.table('users').set(`u${i}`, { i })
        if (i % 3 === 0) store.table('users').delete(`u${i - 1}`)
        await journal.flush()
      }),
    )
    await journal.flush()
    expect((await lines()).length).toBeLessThan(10)
    expect(JSON.parse(await readFile(dataFile, 'utf8')).tables.users).toHaveProperty('u9')
    await journal.discard()
    expect(await reopen()).toEqual(store.snapshot())
  })

  it('compacts on close and stops recording afterwards', async () => {
    const { journal } = await Journal.open(dataFile)
    const store = new Store()
    journal.attach(store)
    store.table('users').set('u1', { name: 'bob' })
    await journal.close()
    store.table('users').set('u2', { name: 'late' })
    expect(await lines()).toEqual([])
    expect(await reopen()).toEqual({ version: 1, tables: { users: { u1: { name: 'bob' } } } })
  })
})
