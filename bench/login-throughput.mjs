// Login throughput of the emulator's HTTP server over loopback at 50 concurrent clients, next to the
// hash-bound limit measured in the same run: cores ÷ the time of one password hash at the default cost.
// Goal: ≥ 0.7 of that limit and 0 errors — which holds only if hashing never blocks the event loop.
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

import forge from 'node-forge'

import { median, percentile, printTable } from './lib.mjs'

const CONCURRENCY = 50
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 8000)
const ITERATIONS = 100_000

async function hashOnce() {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('passw0rd'), 'PBKDF2', false, [
    'deriveBits',
  ])
  const salt = crypto.getRandomValues(new Uint8Array(16))
  await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITERATIONS }, key, 256)
}

async function startServer() {
  const cli = fileURLToPath(new URL('../packages/emulator/dist/cli.js', import.meta.url))
  const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${output}`)))
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = output.match(/https?:\/\/127\.0\.0\.1:\d+/)
      if (match) resolve(match[0])
    })
  })
  return { url, output, stop: () => child.kill('SIGTERM') }
}

const cores = availableParallelism()
const hashTimes = []
for (let i = 0; i < 10; i++) {
  const started = performance.now()
  await hashOnce()
  hashTimes.push(performance.now() - started)
}
const hashMs = median(hashTimes)
const limit = cores / (hashMs / 1000)

const server = await startServer()
const appId = /** @type {RegExpMatchArray} */ (server.output.match(/VITE_AUTHING_APP_ID=(\S+)/))[1]
const publicKeyPem = (await (await fetch(`${server.url}/api/v2/.well-known`)).json()).data.publicKey
const publicKey = forge.pki.publicKeyFromPem(publicKeyPem)
const password = forge.util.encode64(publicKey.encrypt('passw0rd', 'RSAES-PKCS1-V1_5'))
const body = JSON.stringify({
  query: 'mutation loginByUsername($input: LoginByUsernameInput!) { loginByUsername(input: $input) { id token } }',
  variables: { input: { username: 'bob', password } },
})
/** @type {Record<string, string>} */
const headers = { 'content-type': 'application/json', 'x-authing-app-id': /** @type {string} */ (appId) }

/** @type {number[]} */
const latencies = []
let errors = 0
const deadline = performance.now() + DURATION_MS
async function worker() {
  while (performance.now() < deadline) {
    const started = performance.now()
    try {
      const response = await fetch(`${server.url}/graphql/v2`, { method: 'POST', headers, body })
      const json = await response.json()
      if (!json.data?.loginByUsername?.token) errors++
    } catch {
      errors++
    }
    latencies.push(performance.now() - started)
  }
}
const started = performance.now()
await Promise.all(Array.from({ length: CONCURRENCY }, worker))
const seconds = (performance.now() - started) / 1000
server.stop()

const throughput = latencies.length / seconds
printTable(
  `Login throughput, ${CONCURRENCY} concurrent clients over loopback, ${(DURATION_MS / 1000).toFixed(0)} s`,
  ['measure', 'value'],
  [
    ['cores', cores],
    [`one PBKDF2-SHA256 hash (${ITERATIONS} it.)`, `${hashMs.toFixed(1)} ms`],
    ['hash-bound limit (cores ÷ hash time)', `${limit.toFixed(1)} logins/s`],
    ['measured throughput', `${throughput.toFixed(1)} logins/s`],
    ['ratio to the limit (goal ≥ 0.7)', `${(throughput / limit).toFixed(2)}`],
    ['p50 latency', `${percentile(latencies, 50).toFixed(0)} ms`],
    ['p99 latency', `${percentile(latencies, 99).toFixed(0)} ms`],
    ['requests', latencies.length],
    ['errors (goal 0)', errors],
  ],
)
