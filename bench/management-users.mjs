// ManagementClient users.list over 10,000 seeded users: page 100 against page 1 measured in the
// same run (goal: flat, ≤ 1.5×), and users.create throughput (default password cost) next to the
// hash-bound limit (cores ÷ one password hash), in-process against the emulator.
import { availableParallelism } from 'node:os'
import { performance } from 'node:perf_hooks'

import { ManagementClient } from '@authing-kit/client/management'
import { createEmulator } from '@authing-kit/emulator'

import { compare, printTable } from './lib.mjs'

const USERS = 10_000
const seed = {
  users: Array.from({ length: USERS }, (_, i) => ({
    username: `user${String(i).padStart(5, '0')}`,
    email: `user${i}@example.com`,
  })),
}
const started = performance.now()
const emulator = createEmulator({ seed })
await emulator.ready()
const seededMs = performance.now() - started
const { userPoolId, userPoolSecret, appHost } = emulator.info()
const management = new ManagementClient({ userPoolId, secret: userPoolSecret, host: appHost, fetch: emulator.fetch })

const first = await management.users.list(1, 10)
const deep = await management.users.list(100, 10)
if (first.totalCount !== USERS || deep.list.length !== 10)
  throw new Error(`unexpected pages: ${first.totalCount} users, ${deep.list.length} on page 100`)

const pages = await compare({
  baseline: () => management.users.list(1, 10),
  subject: () => management.users.list(100, 10),
  iterations: 50,
})

const CREATES = 40
const createStarted = performance.now()
await Promise.all(
  Array.from({ length: CREATES }, (_, i) =>
    management.users.create({ username: `bench${i}`, password: `bench-pass-${i}` }),
  ),
)
const createsPerSecond = CREATES / ((performance.now() - createStarted) / 1000)
const hashStarted = performance.now()
const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('passw0rd'), 'PBKDF2', false, ['deriveBits'])
for (let i = 0; i < 5; i++) {
  await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations: 100_000 },
    key,
    256,
  )
}
const hashMs = (performance.now() - hashStarted) / 5
const limit = availableParallelism() / (hashMs / 1000)

printTable(
  `ManagementClient users, ${USERS.toLocaleString('en')} seeded users (seeded in ${(seededMs / 1000).toFixed(1)} s)`,
  ['measure', 'value', 'goal'],
  [
    ['users.list page 1 (ms/call)', pages.baselineMs.toFixed(3), ''],
    ['users.list page 100 (ms/call)', pages.subjectMs.toFixed(3), ''],
    ['page 100 ÷ page 1', `${pages.ratio.toFixed(2)}×`, pages.ratio <= 1.5 ? 'ok (≤ 1.5×)' : 'OVER (≤ 1.5×)'],
    ['users.create (creates/s, 40 concurrent)', createsPerSecond.toFixed(1), ''],
    ['hash-bound limit (cores ÷ hash time)', limit.toFixed(1), ''],
    ['create ÷ limit', (createsPerSecond / limit).toFixed(2), ''],
  ],
)
