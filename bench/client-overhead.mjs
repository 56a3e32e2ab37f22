// Client overhead per call: AuthenticationClient vs a raw fetch of the very same GraphQL request
// (same body, same headers) to the same in-process emulator. Goal: ratio ≤ 1.2×.
import { AuthenticationClient } from '@authing-kit/client'
import { createEmulator } from '@authing-kit/emulator'

import { compare, printTable } from './lib.mjs'

const emulator = createEmulator()
await emulator.ready()
const { appId, appHost, demoUser } = emulator.info()
if (!demoUser) throw new Error('the default seed has no demo user')

// The client's first request of each kind is recorded, then replayed verbatim as the raw-fetch
// baseline; while measuring, the client gets the emulator's fetch with nothing in between.
let recording = false
/** @typedef {{ url: string, headers: [string, string][], body: string }} Sample */
/** @type {Sample | null} */
let recorded = null
/** @type {typeof fetch} */
const recordingFetch = async (input, init) => {
  if (!recording) return emulator.fetch(input, init)
  const request = new Request(input, init)
  recorded = { url: request.url, headers: [...request.headers], body: await request.clone().text() }
  return emulator.fetch(request)
}
const client = new AuthenticationClient({ appId, appHost, fetch: recordingFetch })

/** @param {Sample} sample */
async function rawReplay(sample) {
  const response = await emulator.fetch(
    new Request(sample.url, { method: 'POST', headers: sample.headers, body: sample.body }),
  )
  return response.json()
}

/**
 * @param {string} name
 * @param {() => Promise<unknown>} call
 * @param {number} iterations
 */
async function measure(name, call, iterations) {
  recording = true
  await call()
  recording = false
  const sample = /** @type {Sample} */ (recorded) // the call above sent one
  const result = await compare({
    baseline: () => rawReplay(sample),
    subject: call,
    iterations,
  })
  return [
    name,
    result.baselineMs.toFixed(3),
    result.subjectMs.toFixed(3),
    `${result.ratio.toFixed(2)}×`,
    result.ratio <= 1.2 ? 'ok' : 'OVER',
  ]
}

const rows = []
rows.push(await measure('loginByUsername', () => client.loginByUsername(demoUser.username, demoUser.password), 10))
rows.push(await measure('getCurrentUser', () => client.getCurrentUser(), 300))
printTable(
  'Client overhead vs raw fetch (in-process emulator, default password cost)',
  ['call', 'raw ms', 'client ms', 'ratio', 'goal ≤1.2×'],
  rows,
)
