/**
 * The built package, as npm users get it (`pnpm build` runs before the tests in CI): graphql-request
 * is bundled in on a stub of `graphql` (see tsdown.config.ts), so the package imports neither, and a
 * login and a refusal still travel through it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { createEmulator } from '@authing-kit/emulator'
import { describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../../dist/', import.meta.url))
const built = existsSync(`${dist}index.js`)

describe.skipIf(!built)('the built @authing-kit/client', () => {
  it('imports neither graphql nor graphql-request (they are bundled, on a stub of graphql)', () => {
    const files = readdirSync(dist).filter((file) => /\.c?js$/.test(file))
    for (const file of files) {
      const source = readFileSync(`${dist}${file}`, 'utf8')
      expect(source, file).not.toMatch(/(?:from|require\()\s*["']graphql(?:-request)?["']/)
      expect(source, file).not.toContain('graphql/language/parser')
    }
  })

  it('logs in and reads a refusal over GraphQL', async () => {
    const { AuthenticationClient } = (await import(
      /* @vite-ignore */ `${dist}index.js`
    )) as typeof import('../index.js')
    const emulator = createEmulator({ passwordIterations: 1000 })
    await emulator.ready()
    const { appId, appHost } = emulator.info()
    const client = new AuthenticationClient({ appId, appHost, fetch: emulator.fetch })
    expect((await client.loginByUsername('bob', 'passw0rd')).username).toBe('bob')
    expect((await client.getCurrentUser())?.nickname).toBe('Bob')
    await expect(client.loginByUsername('bob', 'wrong-password')).rejects.toMatchObject({ code: 2333 })
  })
})
