import type * as fsp from 'node:fs/promises'

import { Store, type StoreChange, type StoreSnapshot } from '../model/store.js'
import { EmulatorServerError } from './serverError.js'

/** The file operations persistence needs; tests inject a wrapper to count or slow down fsyncs, or to fail. */
export type JournalFs = Pick<typeof fsp, 'open' | 'readFile' | 'rename' | 'copyFile'>

/** What is wrong with a row of `table`, or undefined if it is a valid row. */
export type RowCheck = (table: string, value: unknown) => string | undefined

/** The write-ahead log next to a data file. */
export const journalPathOf = (dataFile: string): string => `${dataFile}.journal`

/** A data file that is not what the emulator wrote: `file` names it, the message says where and why. */
export class DamagedFileError extends EmulatorServerError {
  readonly file: string

  constructor(file: string, message: string, cause?: unknown) {
    super('DATA_CORRUPT', message, cause === undefined ? undefined : { cause })
    this.file = file
  }
}

/**
 * Loads a data file: its snapshot, then its journal replayed on top. A final line without its
 * newline is a write that a crash cut short (and was never acknowledged), so it is dropped,
 * `journalBytes` ends before it and `tornTail` says so; any complete line that does not parse, or
 * whose row `checkRow` refuses, is corruption, reported with its file and line.
 */
export async function readDataFile(
  dataFile: string,
  fs: Pick<JournalFs, 'readFile'>,
  checkRow: RowCheck = () => undefined,
): Promise<{ state: StoreSnapshot | undefined; journalBytes: number; tornTail: boolean }> {
  const snapshotText = await readIfExists(fs, dataFile)
  const journalText = (await readIfExists(fs, journalPathOf(dataFile))) ?? ''
  const complete = journalText.slice(0, journalText.lastIndexOf('\n') + 1)
  const journalBytes = Buffer.byteLength(complete)
  const tornTail = complete.length < journalText.length
  if (snapshotText === undefined && complete === '') return { state: undefined, journalBytes, tornTail }

  const store = new Store()
  if (snapshotText !== undefined) store.load(parseSnapshot(dataFile, snapshotText, checkRow))
  const lines = complete.split('\n')
  for (const [index, line] of lines.entries()) {
    if (line !== '') store.apply(parseChange(dataFile, line, index + 1, checkRow))
  }
  return { state: store.snapshot(), journalBytes, tornTail }
}

async function readIfExists(fs: Pick<JournalFs, 'readFile'>, path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8')
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new EmulatorServerError('DATA_UNAVAILABLE', `Cannot read ${path}: ${String(cause)}`, { cause })
  }
}

function parseSnapshot(path: string, text: string, checkRow: RowCheck): StoreSnapshot {
  const value = parseJson(path, path, text)
  if (!isObject(value) || value['version'] !== 1 || !isObject(value['tables'])) {
    throw new DamagedFileError(path, `${path} is not an emulator data file (expected {"version":1,"tables":{…}})`)
  }
  for (const [name, rows] of Object.entries(value['tables'])) {
    if (!isObject(rows)) throw new DamagedFileError(path, `${path}: table "${name}" is not an object`)
    for (const [key, row] of Object.entries(rows)) {
      const problem = checkRow(name, row)
      if (problem) throw new DamagedFileError(path, `${path}: table "${name}", row "${key}": ${problem}`)
    }
  }
  return value as unknown as StoreSnapshot
}

function parseChange(dataFile: string, line: string, lineNumber: number, checkRow: RowCheck): StoreChange {
  const path = journalPathOf(dataFile)
  const where = `${path} line ${lineNumber}`
  const value = parseJson(path, where, line)
  if (isObject(value)) {
    const { op, table, key } = value
    if (op === 'clear') return { op }
    if (op === 'delete' && typeof table === 'string' && typeof key === 'string') return { op, table, key }
    if (op === 'set' && typeof table === 'string' && typeof key === 'string' && 'value' in value) {
      const problem = checkRow(table, value['value'])
      if (problem) throw new DamagedFileError(path, `${where}: table "${table}", row "${key}": ${problem}`)
      return { op, table, key, value: value['value'] }
    }
  }
  throw new DamagedFileError(path, `${where} is not a store change`)
}

function parseJson(path: string, where: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (cause) {
    throw new DamagedFileError(path, `${where} is not JSON: ${(cause as Error).message}`, cause)
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
