import { open, readFile, rm } from 'node:fs/promises'

import { EmulatorServerError } from './serverError.js'

/**
 * One process per data file: two emulators appending to one journal would corrupt it. The lock file
 * holds the owner's pid; a lock left by a process that no longer runs (a kill -9) is taken over.
 * Returns the function that releases it.
 */
export async function lockDataFile(dataFile: string): Promise<() => Promise<void>> {
  const lockFile = `${dataFile}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return () => rm(lockFile, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new EmulatorServerError('DATA_UNAVAILABLE', `Cannot create ${lockFile}: ${String(error)}`, {
          cause: error,
        })
      }
    }
    const owner = Number(await readFile(lockFile, 'utf8').catch(() => ''))
    if (owner > 0 && isRunning(owner)) {
      throw new EmulatorServerError(
        'DATA_LOCKED',
        `${dataFile} is in use by another emulator (pid ${owner}). Stop it, or delete ${lockFile} if that process is not an emulator.`,
      )
    }
    await rm(lockFile, { force: true })
  }
  throw new EmulatorServerError('DATA_LOCKED', `Cannot take the lock ${lockFile}: another process keeps creating it`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
