import type { FileHandle } from 'node:fs/promises'
import * as fsp from 'node:fs/promises'
import { dirname } from 'node:path'

import type { Store, StoreChange, StoreSnapshot } from '../model/store.js'
import { lockDataFile } from './dataFileLock.js'
import { DamagedFileError, type JournalFs, journalPathOf, readDataFile, type RowCheck } from './readDataFile.js'
import { EmulatorServerError } from './serverError.js'

export { type JournalFs, journalPathOf }

export interface JournalOptions {
  fs?: JournalFs
  /** What a row of each table must look like; a row read back that does not is corruption. */
  checkRow?: RowCheck
  /** Told about a damaged file that was set aside, or a torn final line that was dropped. */
  warn?: (line: string) => void
  /** Fold the journal into the snapshot once it holds this many records… */
  maxRecords?: number
  /** …or this many bytes. */
  maxBytes?: number
  /** Where failures of background compactions go (nobody awaits those), and the one that made the journal read-only. */
  onError?: (error: unknown) => void
}

/** A recorded change, and how to take it back if it cannot be saved. */
interface Entry {
  line: string
  undo: () => StoreChange[]
  undone: boolean
}

const settled = (work: Promise<void> | undefined): Promise<void> => (work ? work.then(noop, noop) : Promise.resolve())
function noop(): void {}

/**
 * Durable persistence for `--data FILE`: the snapshot FILE (`StoreSnapshot` JSON) plus FILE.journal,
 * one `StoreChange` per line. `record` queues a change; `flush` resolves once every change recorded
 * before it is written and fsynced. Flushes group-commit: while one write+fsync is in flight, newly
 * recorded changes wait and the next single write+fsync takes all of them, so N concurrent requests
 * cost far fewer than N fsyncs. Compaction writes a fresh snapshot (temp file, fsync, rename) and then
 * empties the journal; it runs in the same queue as appends, so no change is lost or applied twice.
 * An append that fails makes the journal read-only (`failure`): the writes it could not save are
 * undone in the store, and so is every later one, whose flush is refused.
 */
export class Journal {
  readonly #dataFile: string
  readonly #fs: JournalFs
  readonly #file: FileHandle
  readonly #maxRecords: number
  readonly #maxBytes: number
  readonly #onError: (error: unknown) => void
  readonly #unlock: () => Promise<void>
  #store: Store | undefined
  #unsubscribe = noop
  #pending: Entry[] = []
  #compactRequested = false
  #current: Promise<void> | undefined
  #next: Promise<void> | undefined
  #records = 0
  #bytes: number
  #failure: EmulatorServerError | undefined
  #undoing = false
  #closed = false

  private constructor(
    dataFile: string,
    file: FileHandle,
    bytes: number,
    unlock: () => Promise<void>,
    fs: JournalFs,
    options: JournalOptions,
  ) {
    this.#dataFile = dataFile
    this.#file = file
    this.#unlock = unlock
    this.#bytes = bytes
    this.#fs = fs
    this.#maxRecords = options.maxRecords ?? 10_000
    this.#maxBytes = options.maxBytes ?? 8 * 1024 * 1024
    this.#onError = options.onError ?? noop
  }

  /**
   * Locks the data file, reads the snapshot and replays the journal (a torn final line left by a
   * crash is dropped and cut off the file, once the file is copied aside). A damaged file is copied
   * aside and refused. `state` is undefined when neither file exists yet.
   */
  static async open(
    dataFile: string,
    options: JournalOptions = {},
  ): Promise<{ journal: Journal; state: StoreSnapshot | undefined }> {
    const fs = options.fs ?? fsp
    const unlock = await lockDataFile(dataFile)
    try {
      const { state, journalBytes, tornTail } = await readDataFile(dataFile, fs, options.checkRow).catch(
        async (error: unknown) => {
          if (!(error instanceof DamagedFileError)) throw error
          const copy = await keepAside(fs, error.file)
          throw new EmulatorServerError(
            'DATA_CORRUPT',
            `${error.message}. The emulator did not start and changed nothing; a copy of ${error.file} is kept at ${copy}.`,
            { cause: error },
          )
        },
      )
      if (tornTail) {
        // Cutting the line off (below) and compacting would leave no trace of it: keep the file as it was.
        const copy = await keepAside(fs, journalPathOf(dataFile))
        options.warn?.(
          `emulator: ${journalPathOf(dataFile)} ends in a torn line (a write a crash cut short, never acknowledged); ` +
            `dropped it, the file as it was is kept at ${copy}`,
        )
      }
      const file = await openJournal(fs, dataFile, journalBytes)
      return { journal: new Journal(dataFile, file, journalBytes, unlock, fs, options), state }
    } catch (error) {
      await unlock()
      throw error
    }
  }

  /** Records every change of `store` from now on; compaction snapshots it. */
  attach(store: Store): void {
    this.#unsubscribe()
    this.#store = store
    this.#unsubscribe = store.subscribe((change, undo) => this.record(change, undo))
  }

  record(change: StoreChange, undo: () => StoreChange[]): void {
    // Serialised now: the value is captured as it was when written.
    if (!this.#closed && !this.#undoing)
      this.#pending.push({ line: `${JSON.stringify(change)}\n`, undo, undone: false })
  }

  /**
   * Set once an append failed (disk full, I/O error): from then on the journal is read-only. Every
   * write that was not saved has been taken back, and every later one is taken back and refused.
   */
  get failure(): EmulatorServerError | undefined {
    return this.#failure
  }

  /** Resolves when every change recorded so far is durable (or rejects if it could not be). */
  flush(): Promise<void> {
    if (this.#pending.length === 0 && !this.#compactRequested) return this.#current ?? Promise.resolve()
    return this.#schedule()
  }

  /** Writes the attached store as the new snapshot and empties the journal. */
  compact(): Promise<void> {
    if (!this.#store) return Promise.reject(new Error('Journal.compact needs an attached store'))
    this.#compactRequested = true
    return this.#schedule()
  }

  /** Compacts (when a store is attached) and releases the file; later writes are not recorded. */
  async close(): Promise<void> {
    if (this.#closed) return
    try {
      // Read-only: the state holds exactly what is on disk already, and the disk refuses writes.
      if (!this.#failure) await (this.#store ? this.compact() : this.flush())
    } finally {
      this.#closed = true
      this.#unsubscribe()
      await this.#file.close()
      await this.#unlock()
    }
  }

  /** Releases the file without writing anything more (a start that failed half-way). */
  async discard(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#unsubscribe()
    await settled(this.#current)
    await this.#file.close()
    await this.#unlock()
  }

  #schedule(): Promise<void> {
    if (this.#closed) return Promise.reject(new EmulatorServerError('JOURNAL_CLOSED', 'The journal is closed'))
    this.#next ??= settled(this.#current).then(() => this.#runBatch())
    return this.#next
  }

  async #runBatch(): Promise<void> {
    this.#next = undefined
    const batch = this.#pending
    this.#pending = []
    const compacting = this.#compactRequested
    this.#compactRequested = false
    // Taken synchronously, so the snapshot holds exactly the changes of this batch and before.
    const snapshot = compacting ? this.#store?.snapshot() : undefined
    const work = snapshot ? this.#compactOrAppend(snapshot, batch) : this.#append(batch)
    this.#current = work
    try {
      await work
    } catch (error) {
      // Newest first: later writes were made on top of the failed ones.
      this.#undo([...batch, ...this.#pending].reverse())
      throw this.#failure ?? error
    } finally {
      if (this.#current === work) this.#current = undefined
    }
    const large = this.#records >= this.#maxRecords || this.#bytes >= this.#maxBytes
    if (large && this.#store && !this.#closed && !this.#failure) {
      this.compact().catch(this.#onError)
    }
  }

  /** Takes back writes that will never be saved (as writes, so that what follows the store follows). */
  #undo(entries: Entry[]): void {
    if (!this.#store) return
    this.#undoing = true
    try {
      for (const entry of entries) {
        if (entry.undone) continue
        entry.undone = true
        for (const change of entry.undo()) this.#store.write(change)
      }
    } finally {
      this.#undoing = false
    }
  }

  async #append(batch: Entry[]): Promise<void> {
    if (this.#failure) throw this.#failure
    if (batch.length === 0) return
    const data = batch.map((entry) => entry.line).join('')
    try {
      await this.#file.appendFile(data)
      await this.#file.sync()
    } catch (cause) {
      // A half-written line must not glue onto a later record (or be replayed after a restart).
      await this.#file.truncate(this.#bytes).catch(noop)
      this.#failure = new EmulatorServerError(
        'DATA_READ_ONLY',
        `The emulator is read-only: saving a write to ${journalPathOf(this.#dataFile)} failed (${describe(cause)}). ` +
          'That write was undone and every further write is refused; reads still work. Free the disk, then restart the emulator.',
        { cause },
      )
      this.#onError(this.#failure)
      throw this.#failure
    }
    this.#records += batch.length
    this.#bytes += Buffer.byteLength(data)
  }

  /** Compaction is only an optimisation: if it fails, the batch still becomes durable in the journal. */
  async #compactOrAppend(snapshot: StoreSnapshot, batch: Entry[]): Promise<void> {
    try {
      await this.#writeSnapshot(snapshot)
    } catch (error) {
      this.#onError(error)
      await this.#append(batch)
    }
  }

  async #writeSnapshot(snapshot: StoreSnapshot): Promise<void> {
    if (this.#failure) throw this.#failure
    const temp = `${this.#dataFile}.tmp`
    const file = await this.#fs.open(temp, 'w')
    try {
      await file.writeFile(JSON.stringify(snapshot))
      await file.sync()
    } finally {
      await file.close()
    }
    await this.#fs.rename(temp, this.#dataFile)
    await syncDirectory(this.#fs, dirname(this.#dataFile))
    // A crash before this truncate replays the journal onto a snapshot that already holds it:
    // harmless, since replaying set/delete/clear in order is idempotent.
    await this.#file.truncate(0)
    await this.#file.sync()
    this.#records = 0
    this.#bytes = 0
  }
}

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

/** Copies a damaged data file beside itself, as evidence nothing will rewrite; returns the copy's path. */
async function keepAside(fs: JournalFs, path: string): Promise<string> {
  // Colons are not allowed in Windows file names.
  const copy = `${path}.damaged-${new Date().toISOString().replace(/:/g, '-')}`
  await fs.copyFile(path, copy)
  return copy
}

async function openJournal(fs: JournalFs, dataFile: string, validBytes: number): Promise<FileHandle> {
  let file: FileHandle | undefined
  try {
    file = await fs.open(journalPathOf(dataFile), 'a')
    await file.truncate(validBytes)
    await file.sync()
    await syncDirectory(fs, dirname(dataFile))
    return file
  } catch (cause) {
    await file?.close().catch(noop)
    throw new EmulatorServerError('DATA_UNAVAILABLE', `Cannot open ${journalPathOf(dataFile)}: ${String(cause)}`, {
      cause,
    })
  }
}

/** Makes a rename or a file creation durable (a no-op where directories cannot be fsynced). */
async function syncDirectory(fs: JournalFs, directory: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await fs.open(directory, 'r')
    await handle.sync()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error
  } finally {
    await handle?.close()
  }
}
