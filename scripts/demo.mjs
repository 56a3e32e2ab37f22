#!/usr/bin/env node
// `pnpm demo`: the emulator and the example app side by side, behind one banner and one Ctrl-C.
// The children run in process groups of their own, so a Ctrl-C reaches them once, through us, whether
// it came from the terminal (to the whole foreground group) or from `kill -INT` (to this process only).
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { emulatorCli } from './emulatorCli.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
// `localhost`, not 127.0.0.1: browsers refuse an IP address as a passkey's relying party, and the
// page and the emulator share a site (the captcha's cookie) only under one host name.
const EMULATOR_URL = 'http://localhost:5556'
const APP_URL = 'http://localhost:5173'
const READY_TIMEOUT_MS = 60_000
const STOP_GRACE_MS = 5_000
const KEPT_LINES = 200

let cli = ''
try {
  cli = emulatorCli()
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  console.error('demo: building the emulator failed (output above).')
  process.exit(1)
}

const children = [
  // The emulator's own output goes through: its banner (user pool id and secret, app id and host,
  // .env lines) and then every SMS / email code "sent".
  start('emulator', [cli, '--port', '5556', '--app-host', EMULATOR_URL], root, (line) => console.log(line)),
  start('example app', [`${root}/examples/vite-react/node_modules/vite/bin/vite.js`], `${root}/examples/vite-react`),
]
let stopping = false

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopAll(0))
// Last resort when we leave by another way (an exception): never leave a server behind holding its port.
process.on('exit', () => children.forEach((child) => kill(child, 'SIGKILL')))

try {
  await Promise.all([waitUntilAnswering(`${EMULATOR_URL}/api/v2/.well-known`), waitUntilAnswering(`${APP_URL}/`)])
} catch (error) {
  if (!stopping) {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`)
    children.forEach(printOutput)
    await stopAll(1)
  }
}
if (!stopping) {
  console.log(
    [
      '',
      '  authing-kit demo is running',
      '',
      `    Open        ${APP_URL}   (the example app)`,
      '    Log in as   bob / passw0rd',
      '                mfa-alice / passw0rd   (asks for an authenticator code: the dashboard shows it)',
      '                first-login-carol / passw0rd   (chooses her own password at the first login)',
      '    Also try    the social buttons (an emulated GitHub, WeChat…; QQ refuses, Weibo links to an account)',
      '                the QR code tab (the dashboard scans it as your phone would)',
      "                a passkey (add one in bob's profile, log out, then 'Sign in with a passkey')",
      `    Dashboard   ${EMULATOR_URL}/   (users, roles, resources, and the codes sent)`,
      '',
      '  SMS and email codes are printed below as they are sent. Ctrl-C stops both servers.',
      '',
    ].join('\n'),
  )
}

/** @typedef {import('node:stream').Readable} Readable */
/**
 * @typedef {object} Child
 * @property {string} name
 * @property {import('node:child_process').ChildProcessByStdio<null, Readable, Readable>} process
 * @property {string[]} lines its last output lines
 * @property {boolean} exited
 */

/**
 * Spawns `node args…`, keeping its last lines for a failure report and passing each stdout line to `onLine`.
 * @param {string} name
 * @param {string[]} args
 * @param {string} cwd
 * @param {(line: string) => void} [onLine]
 * @returns {Child}
 */
function start(name, args, cwd, onLine = () => {}) {
  const subprocess = spawn(process.execPath, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  })
  /** @type {Child} */
  const child = { name, process: subprocess, lines: [], exited: false }
  /** @param {string} line @param {(line: string) => void} forward */
  const keep = (line, forward) => {
    child.lines.push(line)
    if (child.lines.length > KEPT_LINES) child.lines.shift()
    forward(line)
  }
  splitLines(subprocess.stdout, (line) => keep(line, onLine))
  splitLines(subprocess.stderr, (line) => keep(line, () => {}))
  subprocess.on('error', (error) => keep(`${error.message}`, () => {}))
  subprocess.on('exit', (code, signal) => {
    child.exited = true
    if (stopping) return
    console.error(`\ndemo: the ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}). Its output:`)
    printOutput(child)
    void stopAll(1)
  })
  return child
}

/** @param {import('node:stream').Readable} stream @param {(line: string) => void} onLine */
function splitLines(stream, onLine) {
  let rest = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split(/\r?\n/)
    rest = lines.pop() ?? ''
    lines.forEach(onLine)
  })
  stream.on('end', () => rest && onLine(rest))
}

/** @param {Child} child */
function printOutput(child) {
  console.error(`----- ${child.name} -----\n${child.lines.join('\n')}\n-----`)
}

/** @param {string} url */
async function waitUntilAnswering(url) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (!stopping) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${READY_TIMEOUT_MS / 1000} s.`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/**
 * Stops every child still running (SIGTERM, then SIGKILL after a grace period) and exits with `code`.
 * @param {number} code
 */
async function stopAll(code) {
  if (stopping) return
  stopping = true
  const running = children.filter((child) => !child.exited)
  if (code === 0) console.log('\n  Stopping the emulator and the example app…')
  await Promise.all(
    running.map(
      (child) =>
        /** @type {Promise<void>} */ (
          new Promise((resolve) => {
            const timer = setTimeout(() => kill(child, 'SIGKILL'), STOP_GRACE_MS)
            child.process.once('exit', () => {
              clearTimeout(timer)
              resolve()
            })
            kill(child, 'SIGTERM')
          })
        ),
    ),
  )
  process.exit(code)
}

/**
 * Signals the child's whole process group (it may have helpers of its own).
 * @param {Child} child
 * @param {NodeJS.Signals} signal
 */
function kill(child, signal) {
  if (child.exited || child.process.pid === undefined) return
  try {
    process.kill(-child.process.pid, signal)
  } catch {
    // Already gone.
  }
}
