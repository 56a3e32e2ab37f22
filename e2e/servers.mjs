// The two servers the browser talks to: the emulator CLI (a child process on a free port) and the
// example app, built against that emulator and served by `vite preview` in this process.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

import { emulatorCli } from '../scripts/emulatorCli.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const exampleRoot = `${root}examples/vite-react`
const START_TIMEOUT_MS = 30_000
const STOP_GRACE_MS = 3_000

/**
 * @typedef {object} Emulator a running emulator CLI
 * @property {string} url
 * @property {string} appId the seed's app id
 * @property {() => Promise<void>} stop SIGTERM, then SIGKILL after a grace period
 * @property {() => void} killNow
 */

/**
 * Starts the emulator CLI (built first when its sources changed) on a free port (low PBKDF2 iterations:
 * logins stay fast), its app host on `localhost`, and answers `{ url, appId, stop, killNow }` once its banner says where it listens
 * (and the seed's app id).
 * @returns {Promise<Emulator>}
 */
export async function startEmulator() {
  // On `localhost` as the demo runs it (passkeys need a host name, not an IP address).
  const port = await freePort()
  const appHost = `http://localhost:${port}`
  const args = ['--port', String(port), '--app-host', appHost, '--password-iterations', '1000']
  const child = spawn(process.execPath, [emulatorCli(), ...args], {
    cwd: root,
    detached: true, // its own process group: stop() reaches it and anything it starts
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let exited = false
  child.on('exit', () => (exited = true))
  const stop = () => stopChild(child, () => exited)
  /** @type {{ appId: string }} */
  const { appId } = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the emulator did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)),
      START_TIMEOUT_MS,
    )
    /** @param {string} chunk */
    const onData = (chunk) => {
      output += chunk
      const url = /running on (http:\/\/\S+)/.exec(output)?.[1]
      const appId = /App id\s+(\S+)/.exec(output)?.[1]
      if (url && appId) {
        clearTimeout(timer)
        resolve({ appId })
      }
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the emulator exited (code ${code}) before listening:\n${output}`))
    })
  }).catch(async (error) => {
    await stop()
    throw error
  })
  // From now on its output (a line per code sent) is drained unread: a full pipe would block it.
  for (const stream of [child.stdout, child.stderr]) stream.removeAllListeners('data').resume()
  return { url: appHost, appId, stop, killNow: () => signal(child, 'SIGKILL') }
}

/**
 * Builds the example with the emulator's URL baked in (as a user would with `.env`) into `outDir`:
 * the production build a deployment would serve.
 * @param {{ url: string, appId: string }} emulator
 * @param {string} outDir
 */
export async function buildExample(emulator, outDir) {
  const { build } = await import('vite')
  // These win over any .env.local of the example (a developer's own Authing app).
  process.env.VITE_AUTHING_APP_HOST = emulator.url
  process.env.VITE_AUTHING_APP_ID = emulator.appId
  // The example's chunk warnings (node-forge is large) are not this run's business.
  await build({ ...exampleConfig(outDir), logLevel: 'error' })
}

/**
 * Builds the example (see buildExample) and serves it with `vite preview` on a free port.
 * @param {{ url: string, appId: string }} emulator
 * @param {string} outDir
 */
export async function serveExample(emulator, outDir) {
  const { preview } = await import('vite')
  await buildExample(emulator, outDir)
  const port = await freePort()
  const server = await preview({ ...exampleConfig(outDir), preview: { host: '127.0.0.1', port, strictPort: true } })
  return { url: `http://localhost:${port}`, stop: () => server.close() }
}

/**
 * @param {string} outDir
 * @returns {import('vite').InlineConfig}
 */
function exampleConfig(outDir) {
  return {
    root: exampleRoot,
    configFile: `${exampleRoot}/vite.config.ts`,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
      server.close(() => resolve(port))
    })
  })
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {() => boolean} hasExited
 * @returns {Promise<void>}
 */
function stopChild(child, hasExited) {
  if (hasExited() || child.pid === undefined) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal(child, 'SIGKILL')
      resolve()
    }, STOP_GRACE_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    signal(child, 'SIGTERM')
  })
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} name
 */
function signal(child, name) {
  try {
    process.kill(-(/** @type {number} */ (child.pid)), name) // no pid: it never started, and this throws
  } catch {
    // Already gone.
  }
}
