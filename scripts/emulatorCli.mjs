// The emulator's CLI for local runs (`pnpm emulator`, `pnpm demo`, the e2e tests): built from the current
// sources into a folder of its own, named by their hash, and never rebuilt in place. The package build
// empties packages/emulator/dist first, so a CLI run from there fails with MODULE_NOT_FOUND whenever another
// process builds at the same time; a folder here is complete before it has its name, and stays as it is.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const packageDir = join(root, 'packages/emulator')
// Inside the package's node_modules: the built CLI imports the package's dependencies (graphql, jose, …).
const DEFAULT_CACHE = join(packageDir, 'node_modules/.cache/authing-emulator-cli')
// Builds not handed out for this long are removed: a process handed one has long loaded it (the CLI
// imports nothing lazily).
const PRUNE_AFTER_MS = 60 * 60 * 1000

/**
 * The path of a built `cli.js` for the emulator's current sources, building it first when there is none.
 * Safe to call from several processes at once: each builds into a temporary folder and renames it into
 * place; when two race, the first rename wins and the other discards its copy.
 * @param {{ cacheDir?: string }} [options] where the builds live (tests use a fresh one): a folder under
 *   packages/emulator, so that the built CLI finds the package's dependencies
 * @returns {string}
 */
export function emulatorCli({ cacheDir = DEFAULT_CACHE } = {}) {
  const dir = join(cacheDir, sourceHash())
  const cli = join(dir, 'cli.js')
  if (existsSync(cli)) {
    const now = new Date()
    utimesSync(dir, now, now) // handed out now: not pruned for a while
    return cli
  }
  mkdirSync(cacheDir, { recursive: true })
  const fresh = mkdtempSync(join(cacheDir, 'building-'))
  try {
    const tsdown = join(root, 'node_modules/.bin/tsdown')
    const args = ['--out-dir', fresh, '--no-dts', '--logLevel', 'warn']
    const build = spawnSync(tsdown, args, { cwd: packageDir, encoding: 'utf8' })
    if (build.status !== 0) {
      throw new Error(`building the emulator failed:\n${build.stdout}${build.stderr}${build.error ?? ''}`)
    }
    try {
      renameSync(fresh, dir)
    } catch (error) {
      if (!existsSync(cli)) throw error
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true })
  }
  pruneOlderBuilds(cacheDir, dir)
  return cli
}

/** A hash of everything the build reads from the package: its sources (tests aside), package.json and tsdown config. */
function sourceHash() {
  const hash = createHash('sha256')
  const config = ['package.json', 'tsdown.config.ts'].map((name) => join(packageDir, name))
  const files = [...listFiles(join(packageDir, 'src')), ...config]
  for (const file of files)
    hash
      .update(`${relative(packageDir, file)}\0`)
      .update(readFileSync(file))
      .update('\0')
  return hash.digest('hex').slice(0, 16)
}

/**
 * @param {string} dir
 * @returns {string[]} the files under `dir`, `__tests__` folders left out, in a stable order
 */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name !== '__tests__')
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
}

/**
 * @param {string} cacheDir
 * @param {string} current the build just handed out, always kept
 */
function pruneOlderBuilds(cacheDir, current) {
  for (const name of readdirSync(cacheDir)) {
    const dir = join(cacheDir, name)
    if (dir === current || Date.now() - statSync(dir).mtimeMs <= PRUNE_AFTER_MS) continue
    rmSync(dir, { recursive: true, force: true })
  }
}
