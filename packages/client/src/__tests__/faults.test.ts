/**
 * What the client does when the network or the server misbehaves. Every fault is injected through
 * the `fetch` option around the real in-process emulator, so the happy path is always Authing's protocol.
 */
import { describe, expect, it, vi } from 'vitest'
import { AuthenticationClient, AuthingError, createMemoryStore, isAuthingError, type AuthenticationClientOptions } from '../index.js'
import type { FetchFunction } from '../transport/send.js'
import { startEmulator } from './testEmulator.js'

/** A fault decides, per request, whether to answer itself (a Response, a rejection) or let the emulator answer. */
type Fault = (request: Request) => Promise<Response> | undefined

/** The emulator behind a switchable fault; `requests` records every path asked for, faulty or not. */
async function faultySetup() {
  const setup = await startEmulator()
  const paths: string[] = []
  let fault: Fault | undefined
  const fetch: FetchFunction = (input, init) => {
    const request = new Request(input, init)
    paths.push(new URL(request.url).pathname)
    return fault?.(request) ?? setup.emulator.fetch(request)
  }
  const onError = vi.fn<NonNullable<AuthenticationClientOptions['onError']>>()
  const store = createMemoryStore()
  const client = (options: Partial<AuthenticationClientOptions> = {}) => setup.client({ fetch, onError, tokenStore: store, ...options })
  return {
    ...setup,
    paths,
    onError,
    store,
    client,
    setFault: (next: Fault | undefined) => void (fault = next),
    tokenKey: `authing-kit:${setup.info.appId}:token`,
    userKey: `authing-kit:${setup.info.appId}:user`,
  }
}

/** Faults keyed by the request path they hit; other paths reach the emulator. */
const on =
  (path: string, fault: (request: Request) => Promise<Response>): Fault =>
  (request) =>
    new URL(request.url).pathname === path ? fault(request) : undefined

const GRAPHQL = '/graphql/v2'
const WELL_KNOWN = '/api/v2/.well-known'

const offline = () => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') }))

/** A server that never answers, but lets go when the request's signal fires, as fetch does. */
const hang = (request: Request) =>
  new Promise<Response>((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true })
  })

/** Headers arrive, then the body stalls until the request is aborted. */
const hangAfterHeaders = (request: Request) =>
  Promise.resolve(
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":'))
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason), { once: true })
        },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    ),
  )

const answer = (body: string, init: ResponseInit) => () => Promise.resolve(new Response(body, init))

const BAD_GATEWAY_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'

async function failure(promise: Promise<unknown>): Promise<AuthingError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`)
  if (!isAuthingError(outcome.error)) throw new Error(`expected an AuthingError, got ${String(outcome.error)}`)
  return outcome.error
}

describe('network failures', () => {
  it('a fetch that rejects is network_error, reported once to onError', async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(on(GRAPHQL, offline))
    const error = await failure(client().loginByUsername('bob', 'passw0rd'))
    expect(error).toMatchObject({ name: 'AuthingError', code: 'network_error', status: undefined })
    expect(error.cause).toBeInstanceOf(TypeError)
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith('network_error', error.message, undefined)
  })

  it('REST calls fail the same way', async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(offline)
    await expect(client().sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'network_error' })
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('a failed public-key fetch is network_error, and is not cached: the next login fetches it again and succeeds', async () => {
    const { client, setFault, paths, onError } = await faultySetup()
    const authing = client()
    setFault(on(WELL_KNOWN, offline))
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'network_error' })
    expect(paths).toEqual([WELL_KNOWN])
    setFault(undefined)
    await expect(authing.loginByUsername('bob', 'passw0rd')).resolves.toMatchObject({ username: 'bob' })
    expect(paths.filter((path) => path === WELL_KNOWN)).toHaveLength(2)
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('concurrent first logins fetch the public key only once', async () => {
    const { client, paths } = await faultySetup()
    const authing = client()
    const users = await Promise.all([
      authing.loginByUsername('bob', 'passw0rd'),
      authing.loginByEmail('bob@example.com', 'passw0rd'),
      authing.loginByPhonePassword('13800138000', 'passw0rd'),
    ])
    expect(users.map((user) => user.username)).toEqual(['bob', 'bob', 'bob'])
    expect(paths.filter((path) => path === WELL_KNOWN)).toHaveLength(1)
  })
})

describe('timeouts and aborts', () => {
  it('a server that never answers is a timeout after `timeout` ms, not a hang', async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(on(GRAPHQL, hang))
    const error = await failure(client({ timeout: 50 }).loginByUsername('bob', 'passw0rd'))
    expect(error.code).toBe('timeout')
    expect(onError).toHaveBeenCalledOnce()
    expect(onError).toHaveBeenCalledWith('timeout', error.message, undefined)
  })

  it('the timeout covers a REST call and the body read, not only the headers', async () => {
    const { client, setFault } = await faultySetup()
    setFault(hangAfterHeaders)
    await expect(client({ timeout: 50 }).sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'timeout' })
    setFault(on(GRAPHQL, hangAfterHeaders))
    await expect(client({ timeout: 50 }).loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'timeout' })
  })

  it("the caller's AbortSignal rejects with aborted, and onError is not called", async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(on(GRAPHQL, hang))
    const controller = new AbortController()
    const login = client().loginByUsername('bob', 'passw0rd', { signal: controller.signal })
    setTimeout(() => controller.abort(), 10)
    await expect(login).rejects.toMatchObject({ code: 'aborted' })
    expect(onError).not.toHaveBeenCalled()
  })

  it('aborting while the shared public-key fetch hangs rejects that caller at once with aborted', async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(on(WELL_KNOWN, hang))
    const controller = new AbortController()
    const login = client({ timeout: 60_000 }).loginByUsername('bob', 'passw0rd', { signal: controller.signal })
    setTimeout(() => controller.abort(), 10)
    await expect(login).rejects.toMatchObject({ code: 'aborted' })
    expect(onError).not.toHaveBeenCalled()
  })

  it('a signal aborted before the call sends nothing', async () => {
    const { client, paths, onError } = await faultySetup()
    const signal = AbortSignal.abort()
    await expect(client().sendSmsCode('13800138000', undefined, undefined, { signal })).rejects.toMatchObject({
      code: 'aborted',
    })
    expect(paths).toEqual([])
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('answers that are not Authing', () => {
  it('an HTML 502 page from a proxy is bad_response with the status and a snippet of the page', async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(on(GRAPHQL, answer(BAD_GATEWAY_PAGE, { status: 502, headers: { 'content-type': 'text/html' } })))
    const error = await failure(client().loginByUsername('bob', 'passw0rd'))
    expect(error).toMatchObject({ code: 'bad_response', status: 502 })
    expect(error.data).toEqual(expect.stringContaining('<h1>502 Bad Gateway</h1>'))
    expect(onError).toHaveBeenCalledWith('bad_response', error.message, error.data)
    setFault(answer(BAD_GATEWAY_PAGE, { status: 502, headers: { 'content-type': 'text/html' } }))
    await expect(client().sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'bad_response', status: 502 })
  })

  it('a long page is cut to a snippet', async () => {
    const { client, setFault } = await faultySetup()
    setFault(answer(`<html>${'x'.repeat(100_000)}</html>`, { status: 503, headers: { 'content-type': 'text/html' } }))
    const error = await failure(client().sendSmsCode('13800138000'))
    expect(error).toMatchObject({ code: 'bad_response', status: 503 })
    expect(String(error.data).length).toBeLessThan(1000)
  })

  it('HTTP 429 is rate_limited with Retry-After in seconds', async () => {
    const { client, setFault } = await faultySetup()
    const tooMany = answer('{"code":429,"message":"slow down"}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '7' } })
    setFault(on(GRAPHQL, tooMany))
    await expect(client().loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 7 })
    setFault(tooMany)
    await expect(client().sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 7 })
  })

  it('HTTP 200 with malformed JSON is bad_response, never a SyntaxError', async () => {
    const { client, setFault } = await faultySetup()
    const garbage = answer('{"data": {"loginByUsername": ', { status: 200, headers: { 'content-type': 'application/json' } })
    setFault(on(GRAPHQL, garbage))
    const error = await failure(client().loginByUsername('bob', 'passw0rd'))
    expect(error).toMatchObject({ code: 'bad_response', data: expect.stringContaining('loginByUsername') })
    setFault(garbage)
    await expect(client().sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'bad_response', status: 200 })
  })

  it("JSON that is not Authing's shape is bad_response", async () => {
    const { client, setFault } = await faultySetup()
    const stranger = answer('{"hello":"world"}', { status: 200, headers: { 'content-type': 'application/json' } })
    setFault(on(GRAPHQL, stranger))
    await expect(client().loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'bad_response' })
    setFault(stranger)
    await expect(client().sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'bad_response' })
    await expect(client().loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'bad_response' })
  })

  it('a login answered with data but no user is bad_response, and no session starts', async () => {
    const { client, setFault } = await faultySetup()
    setFault(on(GRAPHQL, answer('{"data":{"loginByUsername":null}}', { status: 200, headers: { 'content-type': 'application/json' } })))
    const authing = client()
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'bad_response' })
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
  })
})

describe('arguments and configuration', () => {
  it('a password longer than RSA-1024 can carry (117 bytes) is invalid_argument, and nothing is sent', async () => {
    const { client, paths, onError } = await faultySetup()
    const authing = client()
    await expect(authing.loginByUsername('bob', 'p'.repeat(118))).rejects.toMatchObject({ code: 'invalid_argument' })
    // Bytes count, not characters: 40 CJK characters are 120 UTF-8 bytes.
    await expect(authing.loginByUsername('bob', '密'.repeat(40))).rejects.toMatchObject({ code: 'invalid_argument' })
    expect(paths).not.toContain(GRAPHQL)
    expect(onError).toHaveBeenCalledTimes(2)
    // The longest password that fits is sent (and simply is the wrong one).
    await expect(authing.loginByUsername('bob', 'p'.repeat(117))).rejects.toMatchObject({ code: 2333 })
  })

  it('an encPublicKey that is not a PEM key is config, and no login is sent', async () => {
    const { client, paths } = await faultySetup()
    await expect(client({ encPublicKey: 'not-a-key' }).loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'config' })
    const truncated = '-----BEGIN PUBLIC KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ\n-----END PUBLIC KEY-----'
    await expect(client({ encPublicKey: truncated }).loginByEmail('bob@example.com', 'passw0rd')).rejects.toMatchObject({ code: 'config' })
    expect(paths).toEqual([])
  })

  it('a public key from the server that is not a key is bad_response', async () => {
    const { client, setFault } = await faultySetup()
    setFault(on(WELL_KNOWN, answer('{"code":200,"message":"ok","data":{"publicKey":"-----BEGIN nonsense"}}', { status: 200, headers: { 'content-type': 'application/json' } })))
    await expect(client().loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'bad_response' })
  })

  it('the constructor throws config for a missing appId or an unusable appHost', async () => {
    const { info } = await faultySetup()
    const construct = (options: unknown) => () => new AuthenticationClient(options as AuthenticationClientOptions)
    for (const options of [{}, { appId: '' }, { appId: 42 }, undefined]) {
      expect(construct(options)).toThrow(expect.objectContaining({ name: 'AuthingError', code: 'config' }))
    }
    for (const appHost of ['not a url', 'ftp://core.authing.cn', '']) {
      expect(construct({ appId: info.appId, appHost })).toThrow(expect.objectContaining({ code: 'config' }))
    }
  })

  it('a non-string or empty argument (from untyped JS) rejects with invalid_argument: no throw, nothing sent', async () => {
    const { client, paths, onError } = await faultySetup()
    const authing = client()
    const notAString = 12345 as unknown as string
    const calls: [string, () => Promise<unknown>][] = [
      ['loginByUsername', () => authing.loginByUsername(notAString, 'passw0rd')],
      ['loginByUsername password', () => authing.loginByUsername('bob', { toString: () => 'passw0rd' } as unknown as string)],
      ['loginByEmail', () => authing.loginByEmail('', 'passw0rd')],
      ['loginByPhonePassword', () => authing.loginByPhonePassword(notAString, 'passw0rd')],
      ['loginByPhoneCode', () => authing.loginByPhoneCode('13800138000', notAString)],
      ['registerByUsername', () => authing.registerByUsername(notAString, 'passw0rd')],
      ['registerByEmail', () => authing.registerByEmail(notAString, 'passw0rd')],
      ['resetPasswordByPhoneCode', () => authing.resetPasswordByPhoneCode(notAString, '1234', 'passw0rd')],
      ['resetPasswordByEmailCode', () => authing.resetPasswordByEmailCode(notAString, '1234', 'passw0rd')],
      ['sendSmsCode', () => authing.sendSmsCode(null as unknown as string)],
      ['sendEmail', () => authing.sendEmail('bob@example.com', notAString)],
      ['bindPhone', () => authing.bindPhone(notAString, '1234')],
      ['bindEmail', () => authing.bindEmail(notAString, '1234')],
      ['updatePhone', () => authing.updatePhone(notAString, '1234')],
      ['updateEmail', () => authing.updateEmail(notAString, '1234')],
    ]
    const codes: Record<string, unknown> = {}
    for (const [name, call] of calls) {
      try {
        codes[name] = (await failure(call())).code
      } catch (error) {
        codes[name] = `threw synchronously: ${String(error)}`
      }
    }
    expect(codes).toEqual(Object.fromEntries(calls.map(([name]) => [name, 'invalid_argument'])))
    expect(paths).toEqual([])
    expect(onError).toHaveBeenCalledTimes(calls.length)
  })
})

describe('the session under failures', () => {
  it('a network failure never clears a stored token', async () => {
    const { client, setFault, store, tokenKey, userKey } = await faultySetup()
    const authing = client()
    const user = await authing.loginByUsername('bob', 'passw0rd')
    const before = authing.getSnapshot()
    setFault(offline)
    await expect(authing.getCurrentUser()).rejects.toMatchObject({ code: 'network_error' })
    setFault(on(GRAPHQL, answer(BAD_GATEWAY_PAGE, { status: 502, headers: { 'content-type': 'text/html' } })))
    await expect(authing.getCurrentUser()).rejects.toMatchObject({ code: 'bad_response' })
    expect(authing.getSnapshot()).toBe(before)
    expect(authing.getSnapshot().token).toBe(user.token)
    expect(store.getItem(tokenKey)).toBe(user.token)
    expect(store.getItem(userKey)).not.toBeNull()
    setFault(undefined)
    await expect(authing.getCurrentUser()).resolves.toMatchObject({ id: user.id })
  })

  it('logout while the server is unreachable clears the local session and still rejects with network_error', async () => {
    const { client, setFault, store, tokenKey, userKey, onError } = await faultySetup()
    const authing = client()
    const user = await authing.loginByUsername('bob', 'passw0rd')
    setFault(offline)
    await expect(authing.logout()).rejects.toMatchObject({ code: 'network_error' })
    expect(onError).toHaveBeenCalledOnce()
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
    expect(store.getItem(tokenKey)).toBeNull()
    expect(store.getItem(userKey)).toBeNull()
    // The server never heard of the logout: the token is still good there, which is why logout rejected.
    setFault(undefined)
    await expect(client({ tokenStore: createMemoryStore() }).checkLoginStatus(user.token ?? undefined)).resolves.toMatchObject({ status: true })
  })

  it('getCurrentUser after the token is revoked server-side is null and clears the session', async () => {
    const { client, store, tokenKey, userKey, onError } = await faultySetup()
    const authing = client()
    const user = await authing.loginByUsername('bob', 'passw0rd')
    const other = client({ tokenStore: createMemoryStore(), token: user.token ?? '' })
    await other.logout()
    expect(authing.getSnapshot().token).toBe(user.token)
    await expect(authing.getCurrentUser()).resolves.toBeNull()
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
    expect(store.getItem(tokenKey)).toBeNull()
    expect(store.getItem(userKey)).toBeNull()
    expect(onError).not.toHaveBeenCalled()
  })
})
