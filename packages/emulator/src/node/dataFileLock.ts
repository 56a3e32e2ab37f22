import { randomUUID } from 'node:crypto'
import { link, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'

import { EmulatorServerError } from './serverError.js'

/** Who holds a lock: a pid alone is not unique (a restarted container's PID 1, a recycled pid). */
interface LockOwner {
  pid: number
  token: string
  host: string
  /** The process's start time (/proc/<pid>/stat field 22) where the system tells it, else null. */
  processStart: string | null
}

/** Tokens of the locks this process holds: another lock naming our pid is a previous process's. */
const heldTokens = new Set<string>()

/** Filesystems without hard links answer `link()` with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])

/**
 * One process per data file: two emulators appending to one journal would corrupt it. The lock is
 * taken by hard-linking a complete lock file into place, which fails if one exists, so exactly one
 * of two starters wins and nobody ever reads a half-written lock. A stale lock (its owner is gone, a
 * zombie, or another process that reuses its pid) is broken under a guard file, so two starters
 * cannot both delete it and then both take it. Returns the function that releases the lock.
 */
export async function lockDataFile(dataFile: string): Promise<() => Promise<void>> {
  const lockFile = `${dataFile}.lock`
  const guardFile = `${lockFile}.break`
  const self: LockOwner = {
    pid: process.pid,
    token: randomUUID(),
    host: hostname(),
    processStart: (await processStatus(process.pid))?.start ?? null,
  }
  const content = JSON.stringify(self)
  const temp = `${lockFile}.${self.token}`
  await writeFile(temp, content, { flag: 'wx' }).catch((cause: unknown) => {
    throw new EmulatorServerError('DATA_UNAVAILABLE', `Cannot create ${temp}: ${String(cause)}`, { cause })
  })
  heldTokens.add(self.token)
  try {
    // Each round either takes the lock, refuses (a live owner), or removes a stale lock: a bound,
    // not a retry budget, for starters that keep replacing it.
    for (let round = 0; round < 50; round++) {
      if (await claim(temp, lockFile)) {
        return async () => {
          if ((await readFile(lockFile, 'utf8').catch(() => '')) === content) await rm(lockFile, { force: true })
          heldTokens.delete(self.token)
        }
      }
      const seen = await readFile(lockFile, 'utf8').catch(() => undefined)
      if (seen === undefined) continue
      const holder = parseOwner(seen)
      if (holder && !(await isStale(holder))) throw lockedBy(dataFile, lockFile, holder)
      await breakStaleLock(temp, guardFile, lockFile, seen)
    }
    throw new EmulatorServerError('DATA_LOCKED', `Cannot take the lock ${lockFile}: other processes keep replacing it`)
  } catch (error) {
    heldTokens.delete(self.token)
    throw error
  } finally {
    await rm(temp, { force: true })
  }
}

/** Removes the lock if it still holds `seen`; the guard makes the check and the removal one step. */
async function breakStaleLock(temp: string, guardFile: string, lockFile: string, seen: string): Promise<void> {
  if (await claim(temp, guardFile)) {
    try {
      // Re-checked under the guard: another starter may have broken it and taken it since.
      if ((await readFile(lockFile, 'utf8').catch(() => undefined)) === seen) await rm(lockFile, { force: true })
    } finally {
      await rm(guardFile, { force: true })
    }
    return
  }
  const breaker = parseOwner(await readFile(guardFile, 'utf8').catch(() => ''))
  // A starter killed while breaking leaves its guard behind; a live one finishes within milliseconds.
  if (breaker && (await isStale(breaker))) await rm(guardFile, { force: true })
  else await new Promise((resolve) => setTimeout(resolve, 5))
}

/** Hard-links the complete file `from` to `to`: false if `to` exists. */
async function claim(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to)
    return true
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? ''
    if (code === 'EEXIST') return false
    const problem = NO_HARD_LINKS.has(code)
      ? `the filesystem has no hard links, which the lock needs (${code}); keep the data file on a local disk`
      : String(cause)
    throw new EmulatorServerError('DATA_UNAVAILABLE', `Cannot create ${to}: ${problem}`, { cause })
  }
}

/** A lock that names no owner (garbage, or an older emulator's bare pid) cannot belong to a live one. */
function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null
    if (
      typeof value?.pid === 'number' &&
      typeof value.token === 'string' &&
      typeof value.host === 'string' &&
      (typeof value.processStart === 'string' || value.processStart === null)
    ) {
      return value as LockOwner
    }
  } catch {
    // not JSON: no owner
  }
  return undefined
}

async function isStale(owner: LockOwner): Promise<boolean> {
  // Another machine's process (a shared filesystem) cannot be checked from here: assume it runs.
  if (owner.host !== hostname()) return false
  if (owner.pid === process.pid) return !heldTokens.has(owner.token)
  if (!isRunning(owner.pid)) return true
  const status = await processStatus(owner.pid)
  if (!status) return false
  return status.state === 'Z' || (owner.processStart !== null && status.start !== owner.processStart)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** State (field 3) and start time (field 22) from /proc/<pid>/stat; undefined where there is no /proc. */
async function processStatus(pid: number): Promise<{ state: string; start: string } | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined)
  // The command name (field 2) is in parentheses and may hold spaces and parentheses itself.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')
  const state = fields?.[0]
  const start = fields?.[19]
  return state && start ? { state, start } : undefined
}

function lockedBy(dataFile: string, lockFile: string, owner: LockOwner): EmulatorServerError {
  return new EmulatorServerError(
    'DATA_LOCKED',
    `${dataFile} is in use by another emulator (pid ${owner.pid} on ${owner.host}). Stop it, or delete ${lockFile} if that process is not an emulator.`,
  )
}
