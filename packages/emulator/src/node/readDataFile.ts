import type * as fsp from 'node:fs/promises'

import { Store, type StoreChange, type StoreSnapshot } from '../model/store.js'
import { EmulatorServerError } from './serverError.js'

/** The file operations persistence needs; tests inject a wrapper to count or slow down fsyncs. */
export type JournalFs = Pick<typeof fsp, 'open' | 'readFile' | 'rename'>

/** The write-ahead log next to a data file. */
export const journalPathOf = (dataFile: string): string => `${dataFile}.journal`

/**
 * Loads a data file: its snapshot, then its journal replayed on top. A final line without its
 * newline is a write that a crash cut short (and was never acknowledged), so it is dropped and
 * `journalBytes` ends before it; any complete line that does not parse is corruption, reported.
 */
export async function readDataFile(
  dataFile: string,
  fs: JournalFs,
): Promise<{ state: StoreSnapshot | undefined; journalBytes: number }> {
  const snapshotText = await readIfExists(fs, dataFile)
  const journalText = (await readIfExists(fs, journalPathOf(dataFile))) ?? ''
  const complete = journalText.slice(0, journalText.lastIndexOf('\n') + 1)
  const journalBytes = Buffer.byteLength(complete)
  if (snapshotText === undefined && complete === '') return { state: undefined, journalBytes }

  const store = new Store()
  if (snapshotText !== undefined) store.load(parseSnapshot(dataFile, snapshotText))
  const lines = complete.split('\n')
  for (const [index, line] of lines.entries()) {
    if (line !== '') store.apply(parseChange(dataFile, line, index + 1))
  }
  return { state: store.snapshot(), journalBytes }
}

async function readIfExists(fs: JournalFs, path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8')
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new EmulatorServerError('DATA_UNAVAILABLE', `Cannot read ${path}: ${String(cause)}`, { cause })
  }
}

function parseSnapshot(path: string, text: string): StoreSnapshot {
  const value = parseJson(path, text, 'is not JSON')
  if (!isObject(value) || value['version'] !== 1 || !isObject(value['tables'])) {
    throw corrupt(`${path} is not an emulator data file (expected {"version":1,"tables":{…}})`)
  }
  for (const [name, rows] of Object.entries(value['tables'])) {
    if (!isObject(rows)) throw corrupt(`${path}: table "${name}" is not an object`)
  }
  return value as unknown as StoreSnapshot
}

function parseChange(dataFile: string, line: string, lineNumber: number): StoreChange {
  const where = `${journalPathOf(dataFile)} line ${lineNumber}`
  const value = parseJson(where, line, 'is not JSON')
  if (isObject(value)) {
    const { op, table, key } = value
    if (op === 'clear') return { op }
    if (op === 'delete' && typeof table === 'string' && typeof key === 'string') return { op, table, key }
    if (op === 'set' && typeof table === 'string' && typeof key === 'string' && 'value' in value) {
      return { op, table, key, value: value['value'] }
    }
  }
  throw corrupt(`${where} is not a store change`)
}

function parseJson(where: string, text: string, problem: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (cause) {
    throw corrupt(`${where} ${problem}: ${(cause as Error).message}`, cause)
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const corrupt = (message: string, cause?: unknown): EmulatorServerError =>
  new EmulatorServerError('DATA_CORRUPT', message, cause === undefined ? undefined : { cause })
