/** Transport behaviour beyond the numbered faults of faultMatrix.test.ts: aborts, broken streams, key caching, configuration. */
import { describe, expect, it, vi } from 'vitest'

import { AuthenticationClient, createMemoryStore } from '../index.js'
import { faultySetup, GRAPHQL, hang, offline, WELL_KNOWN } from './faultyEmulator.js'
import { startEmulator } from './testEmulator.js'

describe('transport faults', () => {
  it("the caller's AbortSignal cancels with code aborted, and onError stays quiet", async () => {
    const { client, setFault, onError } = await faultySetup()
    const authing = client()
    setFault(hang)
    const controller = new AbortController()
    const pending = authing.checkPasswordStrength('abcdef1', { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
    await expect(
      authing.sendSmsCode('13800138000', undefined, undefined, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      code: 'aborted',
    })
    expect(onError).not.toHaveBeenCalled()
  })

  it('an answer that breaks off half-way is network_error', async () => {
    const { client, setFault } = await faultySetup()
    const authing = client()
    setFault(async () => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":'))
          controller.error(new TypeError('terminated'))
        },
      })
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
    })
    await expect(authing.checkPasswordStrength('abcdef1')).rejects.toMatchObject({ code: 'network_error' })
    await expect(authing.sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'network_error' })
  })

  it('a failed public-key fetch is not cached: the next login fetches it again and works', async () => {
    const { client, setFault, paths } = await faultySetup()
    const authing = client()
    setFault(offline)
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'network_error' })
    setFault(undefined)
    await expect(authing.loginByUsername('bob', 'passw0rd')).resolves.toMatchObject({ username: 'bob' })
    expect(paths).toEqual([WELL_KNOWN, WELL_KNOWN, GRAPHQL])
  })

  it('concurrent first logins share one public-key fetch', async () => {
    const { client, paths } = await faultySetup()
    const authing = client()
    await Promise.all([authing.loginByUsername('bob', 'passw0rd'), authing.loginByEmail('bob@example.com', 'passw0rd')])
    expect(paths.filter((path) => path === WELL_KNOWN)).toHaveLength(1)
  })

  it('a throwing onError does not replace the error', async () => {
    const { client } = await startEmulator()
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const authing = client({
      onError: () => {
        throw new Error('boom')
      },
    })
    await expect(authing.loginByUsername('bob', 'wrong-pw')).rejects.toMatchObject({ code: 2333 })
    expect(spy).toHaveBeenCalled()
    spy.mockRestore()
  })
})

describe('configuration and arguments', () => {
  it('a missing appId or a bad appHost throws config at construction', () => {
    expect(() => new AuthenticationClient({} as never)).toThrow(expect.objectContaining({ code: 'config' }))
    expect(() => new AuthenticationClient({ appId: 'x', appHost: 'not a url' })).toThrow(
      expect.objectContaining({ code: 'config' }),
    )
    expect(() => new AuthenticationClient({ appId: 'x', appHost: 'ftp://example.com' })).toThrow(
      expect.objectContaining({ code: 'config' }),
    )
  })

  it('an unusable encPublicKey is config', async () => {
    const { client } = await startEmulator()
    await expect(client({ encPublicKey: 'not a key' }).loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({
      code: 'config',
    })
  })

  it('encPublicKey is used instead of fetching one', async () => {
    const { client, requests, emulator } = await startEmulator()
    const response = await emulator.fetch(new Request(`${emulator.info().appHost}/api/v2/.well-known`))
    const { data } = (await response.json()) as { data: { publicKey: string } }
    await client({ encPublicKey: data.publicKey }).loginByUsername('bob', 'passw0rd')
    expect(requests.filter((r) => r.url.endsWith('/.well-known'))).toHaveLength(0)
  })

  it('appHost may carry a path and a trailing slash (private deployments)', async () => {
    const { emulator, info } = await startEmulator()
    const seen: string[] = []
    const authing = new AuthenticationClient({
      appId: info.appId,
      appHost: `${info.appHost}/authing/`,
      tokenStore: createMemoryStore(),
      fetch: async (input, init) => {
        const request = new Request(input, init)
        seen.push(new URL(request.url).pathname)
        return emulator.fetch(new Request(request.url.replace('/authing', ''), request))
      },
    })
    await authing.loginByUsername('bob', 'passw0rd')
    expect(seen).toEqual(['/authing/api/v2/.well-known', '/authing/graphql/v2'])
  })
})
