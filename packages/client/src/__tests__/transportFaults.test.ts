import { describe, expect, it, vi } from 'vitest'
import { AuthenticationClient, AuthingError, createMemoryStore, isAuthingError } from '../index.js'
import type { FetchFunction } from '../transport/send.js'
import { startEmulator } from './testEmulator.js'

/**
 * Faults the emulator cannot produce (dead networks, proxies, hung sockets) are injected by wrapping
 * the real emulator's fetch: every answer that does arrive is still the emulator's.
 */
type Fault = (request: Request, next: () => Promise<Response>) => Promise<Response>

async function faultySetup(options: { timeout?: number } = {}) {
  const setup = await startEmulator()
  let fault: Fault | null = null
  const fetch: FetchFunction = async (input, init) => {
    const request = new Request(input, init)
    const next = () => setup.recordingFetch(request)
    return fault ? fault(request, next) : next()
  }
  const onError = vi.fn()
  const store = createMemoryStore()
  const authing = setup.client({ fetch, onError, tokenStore: store, ...options })
  return { ...setup, authing, onError, store, inject: (f: Fault | null) => void (fault = f) }
}

const offline: Fault = async () => {
  throw new TypeError('fetch failed')
}
const hang: Fault = (request) =>
  new Promise((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
const html502: Fault = async () =>
  new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'content-type': 'text/html' } })

describe('transport faults', () => {
  it('a dead network is network_error, reported once', async () => {
    const { authing, inject, onError } = await faultySetup()
    inject(offline)
    const error = await authing.loginByUsername('bob', 'passw0rd').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthingError)
    expect(error).toMatchObject({ code: 'network_error', cause: expect.any(TypeError) })
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith('network_error', expect.any(String), undefined)
  })

  it('a hung server is a timeout after `timeout` ms, not a hang', async () => {
    const { authing, inject } = await faultySetup({ timeout: 50 })
    inject(hang)
    await expect(authing.checkPasswordStrength('abcdef1')).rejects.toMatchObject({ code: 'timeout' })
  })

  it("the caller's AbortSignal cancels with code aborted, and onError stays quiet", async () => {
    const { authing, inject, onError } = await faultySetup()
    inject(hang)
    const controller = new AbortController()
    const pending = authing.checkPasswordStrength('abcdef1', { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
    await expect(authing.sendSmsCode('13800138000', undefined, undefined, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'aborted',
    })
    expect(onError).not.toHaveBeenCalled()
  })

  it('an HTML 502 page from a proxy is bad_response with the status and a snippet', async () => {
    const { authing, inject } = await faultySetup()
    inject(html502)
    const error = (await authing.loginByUsername('bob', 'passw0rd').catch((e: unknown) => e)) as AuthingError
    expect(error).toMatchObject({ code: 'bad_response', status: 502 })
    expect(String(error.data)).toContain('502 Bad Gateway')
  })

  it('HTTP 429 is rate_limited with retryAfter in seconds', async () => {
    const { authing, inject } = await faultySetup()
    inject(async () => new Response('slow down', { status: 429, headers: { 'retry-after': '7' } }))
    await expect(authing.sendEmail('bob@example.com', 'VERIFY_EMAIL')).rejects.toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 7 })
  })

  it('garbage JSON, and JSON that is not Authing, are bad_response', async () => {
    const { authing, inject } = await faultySetup()
    inject(async () => new Response('{"data": {', { status: 200, headers: { 'content-type': 'application/json' } }))
    await expect(authing.checkPasswordStrength('abcdef1')).rejects.toMatchObject({ code: 'bad_response' })
    await expect(authing.sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'bad_response' })
    inject(async () => Response.json({ hello: 'world' }))
    await expect(authing.checkPasswordStrength('abcdef1')).rejects.toMatchObject({ code: 'bad_response' })
    await expect(authing.sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'bad_response' })
  })

  it('an answer that breaks off half-way is network_error', async () => {
    const { authing, inject } = await faultySetup()
    inject(async () => {
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

  it('a password too long for the RSA key is invalid_argument, and nothing is sent', async () => {
    const { authing, requests } = await faultySetup()
    await expect(authing.loginByUsername('bob', 'x'.repeat(200))).rejects.toMatchObject({ code: 'invalid_argument' })
    expect(requests.filter((r) => r.url.endsWith('/graphql/v2'))).toHaveLength(0)
  })

  it('a failed public-key fetch is not cached: the next login fetches it again and works', async () => {
    const { authing, inject, requests } = await faultySetup()
    inject(offline)
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'network_error' })
    inject(null)
    await expect(authing.loginByUsername('bob', 'passw0rd')).resolves.toMatchObject({ username: 'bob' })
    expect(requests.filter((r) => r.url.endsWith('/api/v2/.well-known'))).toHaveLength(1)
  })

  it('concurrent first logins share one public-key fetch', async () => {
    const { authing, requests } = await faultySetup()
    await Promise.all([authing.loginByUsername('bob', 'passw0rd'), authing.loginByEmail('bob@example.com', 'passw0rd')])
    expect(requests.filter((r) => r.url.endsWith('/api/v2/.well-known'))).toHaveLength(1)
  })

  it('a network blip never clears the stored session', async () => {
    const { authing, inject, store, info } = await faultySetup()
    const user = await authing.loginByUsername('bob', 'passw0rd')
    inject(offline)
    await expect(authing.getCurrentUser()).rejects.toMatchObject({ code: 'network_error' })
    inject(html502)
    await expect(authing.refreshToken()).rejects.toMatchObject({ code: 'bad_response' })
    expect(authing.getSnapshot().token).toBe(user.token)
    expect(store.getItem(`authing-kit:${info.appId}:token`)).toBe(user.token)
  })

  it('logout while offline still clears the local session, and says the server was not reached', async () => {
    const { authing, inject, store, info } = await faultySetup()
    await authing.loginByUsername('bob', 'passw0rd')
    inject(offline)
    await expect(authing.logout()).rejects.toMatchObject({ code: 'network_error' })
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
    expect(store.getItem(`authing-kit:${info.appId}:token`)).toBeNull()
  })

  it('getCurrentUser after the token was revoked elsewhere: null, and the session is cleared', async () => {
    const { authing, client } = await faultySetup()
    await authing.loginByUsername('bob', 'passw0rd')
    await client({ token: authing.getSnapshot().token ?? '' }).logout()
    await expect(authing.getCurrentUser()).resolves.toBeNull()
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
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
    expect(() => new AuthenticationClient({ appId: 'x', appHost: 'not a url' })).toThrow(expect.objectContaining({ code: 'config' }))
    expect(() => new AuthenticationClient({ appId: 'x', appHost: 'ftp://example.com' })).toThrow(expect.objectContaining({ code: 'config' }))
  })

  it('an unusable encPublicKey is config', async () => {
    const { client } = await startEmulator()
    await expect(client({ encPublicKey: 'not a key' }).loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'config' })
  })

  it('encPublicKey is used instead of fetching one', async () => {
    const { client, requests, emulator } = await startEmulator()
    const response = await emulator.fetch(new Request(`${emulator.info().appHost}/api/v2/.well-known`))
    const { data } = (await response.json()) as { data: { publicKey: string } }
    await client({ encPublicKey: data.publicKey }).loginByUsername('bob', 'passw0rd')
    expect(requests.filter((r) => r.url.endsWith('/.well-known'))).toHaveLength(0)
  })

  it('non-string arguments from untyped callers are invalid_argument, not a crash', async () => {
    const { bob } = await startEmulator()
    const authing = await bob()
    for (const call of [
      () => authing.loginByUsername(42 as never, 'passw0rd'),
      () => authing.registerByEmail('', 'passw0rd'),
      () => authing.loginByUsername('bob', null as never),
      () => authing.loginByPhoneCode('13800138000', undefined as never),
      () => authing.sendSmsCode({} as never),
      () => authing.bindPhone(undefined as never, '1234'),
      () => authing.resetPasswordByEmailCode(7 as never, '1234', 'new-pass-1'),
    ]) {
      const error = await call().catch((e: unknown) => e)
      expect(isAuthingError(error) && error.code).toBe('invalid_argument')
    }
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
