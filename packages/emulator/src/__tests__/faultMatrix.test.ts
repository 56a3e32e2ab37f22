/**
 * The fault matrix of issue 7, items the emulator owns (CI prints a table from the `fault N:`
 * names; the client's and the React provider's items are in their packages). Hashing is observed
 * through WebCrypto's PBKDF2 `deriveBits`, the one place the emulator hashes passwords.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

import { base, loginByUsernameDoc, setup } from './engine-helpers.js'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Counts the PBKDF2 runs (and their iteration counts) from now on. */
function watchHashing(): { iterations: () => number[] } {
  const deriveBits = vi.spyOn(globalThis.crypto.subtle, 'deriveBits')
  return { iterations: () => deriveBits.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations) }
}

describe('fault matrix', () => {
  it('fault 14: a body over 1 MiB is 413 before anything is parsed or hashed, by Content-Length or by bytes read', async () => {
    const { emulator, encrypt } = await setup()
    const hashing = watchHashing()
    const body = JSON.stringify({
      query: loginByUsernameDoc,
      variables: { input: { username: 'bob', password: encrypt('passw0rd') } },
      padding: 'x'.repeat(1024 * 1024),
    })
    const declared = await emulator.fetch(
      new Request(`${base}/graphql/v2`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
    )
    expect(declared.status).toBe(413)
    const streamed = await emulator.fetch(
      new Request(`${base}/graphql/v2`, {
        method: 'POST',
        body: new Blob([body]).stream(),
        duplex: 'half',
      } as RequestInit),
    )
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { errors: { message: { code: number } }[] }).errors[0]?.message.code).toBe(413)
    expect(hashing.iterations()).toEqual([])
  })

  it('fault 14: a 10k-character username is refused (2231, naming the field) before any hashing', async () => {
    const { login } = await setup()
    const hashing = watchHashing()
    const result = await login('u'.repeat(10_000), 'passw0rd', { lang: 'en-US' })
    expect(result.status).toBe(200)
    expect(result.errors?.[0]?.message).toMatchObject({
      code: 2231,
      message: 'Parameter input.username is too long (at most 1000 characters)',
    })
    expect(hashing.iterations()).toEqual([])
  })

  it('fault 15: after 5 failures the right password is refused with 2005; an unknown identifier answers the same, with the same hashing', async () => {
    const { login } = await setup()
    const answers: Record<string, unknown[]> = { bob: [], ghost: [] }
    const hashing: Record<string, number[]> = {}
    for (const name of ['bob', 'ghost']) {
      const watch = watchHashing()
      for (let i = 0; i < 5; i++) answers[name]!.push((await login(name, 'nope-nope')).errors?.[0]?.message)
      answers[name]!.push((await login(name, 'passw0rd')).errors?.[0]?.message)
      hashing[name] = watch.iterations()
      vi.restoreAllMocks()
    }
    expect(answers.bob!.map((answer) => (answer as { code: number }).code)).toEqual([
      2333, 2333, 2333, 2333, 2333, 2005,
    ])
    expect(answers.ghost).toEqual(answers.bob)
    // The locked answer costs no hashing; the failures before it cost the same for both.
    expect(hashing.ghost).toEqual(hashing.bob)
    expect(hashing.bob).toHaveLength(5)
    // The lock is per identifier, whatever its case.
    expect((await login('BOB', 'passw0rd')).errors?.[0]?.message.code).toBe(2005)
  })
})
