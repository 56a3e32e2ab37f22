/**
 * Faults aimed at one endpoint (GraphQL, REST, the public key) while the others work: the cases
 * transportFaults.test.ts leaves out. Every fault is injected through the `fetch` option around the
 * real in-process emulator, so every answer that is not the fault is Authing's protocol.
 */
import { describe, expect, it, vi } from 'vitest'
import { createMemoryStore, isAuthingError, type AuthenticationClientOptions, type AuthingError } from '../index.js'
import type { FetchFunction } from '../transport/send.js'
import { startEmulator } from './testEmulator.js'

/** A fault decides, per request, whether to answer itself (a Response, a rejection) or let the emulator answer. */
type Fault = (request: Request) => Promise<Response> | undefined

/** The emulator behind a switchable fault; `paths` records every path asked for, faulty or not. */
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

describe('faults on the GraphQL endpoint (public key already fetched)', () => {
  it('a dead network, or a fetch that throws synchronously, is network_error, reported once each', async () => {
    const { client, setFault, onError, paths } = await faultySetup()
    setFault(on(GRAPHQL, offline))
    const error = await failure(client().loginByUsername('bob', 'passw0rd'))
    expect(paths).toEqual([WELL_KNOWN, GRAPHQL])
    expect(error).toMatchObject({ name: 'AuthingError', code: 'network_error', status: undefined, cause: expect.any(TypeError) })
    setFault(
      on(GRAPHQL, () => {
        throw new TypeError('Failed to execute fetch')
      }),
    )
    await expect(client().checkPasswordStrength('abcdef1')).rejects.toMatchObject({ code: 'network_error' })
    expect(onError.mock.calls).toEqual([
      ['network_error', error.message, undefined],
      ['network_error', expect.any(String), undefined],
    ])
  })

  it('an HTML 502 page is bad_response with the status, and onError gets the snippet', async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(on(GRAPHQL, answer(BAD_GATEWAY_PAGE, { status: 502, headers: { 'content-type': 'text/html' } })))
    const error = await failure(client().loginByUsername('bob', 'passw0rd'))
    expect(error).toMatchObject({ code: 'bad_response', status: 502, data: expect.stringContaining('<h1>502 Bad Gateway</h1>') })
    expect(onError).toHaveBeenCalledExactlyOnceWith('bad_response', error.message, error.data)
  })

  it('errors that are not Authing objects are bad_response', async () => {
    const { client, setFault } = await faultySetup()
    setFault(on(GRAPHQL, answer('{"errors":[{"message":"Internal server error"}]}', { status: 500, headers: { 'content-type': 'application/json' } })))
    await expect(client().loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'bad_response', status: 500 })
  })

  it('a login answered with data but no user is bad_response, and no session starts', async () => {
    const { client, setFault } = await faultySetup()
    setFault(on(GRAPHQL, answer('{"data":{"loginByUsername":null}}', { status: 200, headers: { 'content-type': 'application/json' } })))
    const authing = client()
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'bad_response' })
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
  })

  it('a body that stalls after the headers is a timeout: the deadline covers the body read', async () => {
    const { client, setFault, emulator, info, paths } = await faultySetup()
    // The key is given, so the short deadline can only be spent on the stalled GraphQL answer.
    const wellKnown = await emulator.fetch(`${info.appHost}${WELL_KNOWN}`)
    const { data } = (await wellKnown.json()) as { data: { publicKey: string } }
    setFault(on(GRAPHQL, hangAfterHeaders))
    await expect(client({ timeout: 50, encPublicKey: data.publicKey }).loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'timeout' })
    expect(paths).toEqual([GRAPHQL])
  })
})

describe('faults on REST endpoints', () => {
  it('a server that never answers, or stalls mid-body, is a timeout', async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(hang)
    await expect(client({ timeout: 50 }).sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'timeout' })
    setFault(hangAfterHeaders)
    await expect(client({ timeout: 50 }).listApplications()).rejects.toMatchObject({ code: 'timeout' })
    expect(onError.mock.calls.map(([code]) => code)).toEqual(['timeout', 'timeout'])
  })

  it('HTTP 429 is rate_limited: Retry-After in seconds or as a date, JSON body or not', async () => {
    const { client, setFault } = await faultySetup()
    const tooMany = (headers: Record<string, string>) => answer('{"code":429,"message":"slow down"}', { status: 429, headers })
    setFault(tooMany({ 'content-type': 'application/json', 'retry-after': '7' }))
    await expect(client().sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 7 })
    setFault(tooMany({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }))
    await expect(client().sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'rate_limited', retryAfter: 0 })
    setFault(tooMany({}))
    const error = await failure(client().sendSmsCode('13800138000'))
    expect(error).toMatchObject({ code: 'rate_limited', retryAfter: undefined })
  })

  it('a long error page is cut to a snippet', async () => {
    const { client, setFault } = await faultySetup()
    setFault(answer(`<html>${'x'.repeat(100_000)}</html>`, { status: 503, headers: { 'content-type': 'text/html' } }))
    const error = await failure(client().sendSmsCode('13800138000'))
    expect(error).toMatchObject({ code: 'bad_response', status: 503, data: expect.stringMatching(/^<html>x+/) })
    expect(String(error.data).length).toBeLessThan(1000)
  })
})

describe('the public key', () => {
  it('aborting while the shared key fetch hangs rejects that caller at once with aborted', async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(on(WELL_KNOWN, hang))
    const controller = new AbortController()
    const login = client({ timeout: 60_000 }).loginByUsername('bob', 'passw0rd', { signal: controller.signal })
    setTimeout(() => controller.abort(), 10)
    await expect(login).rejects.toMatchObject({ code: 'aborted' })
    expect(onError).not.toHaveBeenCalled()
  })

  it('a key fetch that timed out is not cached: the next login fetches it again and succeeds', async () => {
    const { client, setFault, paths } = await faultySetup()
    // Generous, so that the real login after the fault never runs into it on a busy machine.
    const authing = client({ timeout: 1000 })
    setFault(on(WELL_KNOWN, hang))
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'timeout' })
    setFault(undefined)
    await expect(authing.loginByUsername('bob', 'passw0rd')).resolves.toMatchObject({ username: 'bob' })
    expect(paths.filter((path) => path === WELL_KNOWN)).toHaveLength(2)
  })

  it('a key from the server that is not a key is bad_response, and no login is sent', async () => {
    const { client, setFault, paths } = await faultySetup()
    const json = { status: 200, headers: { 'content-type': 'application/json' } }
    setFault(on(WELL_KNOWN, answer('{"code":200,"message":"ok","data":{"publicKey":"-----BEGIN nonsense"}}', json)))
    await expect(client().loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'bad_response' })
    setFault(on(WELL_KNOWN, answer('{"code":200,"message":"ok","data":{}}', json)))
    await expect(client().loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'bad_response' })
    expect(paths).not.toContain(GRAPHQL)
  })

  it('a truncated encPublicKey PEM is config, and nothing is sent', async () => {
    const { client, paths } = await faultySetup()
    const truncated = '-----BEGIN PUBLIC KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ\n-----END PUBLIC KEY-----'
    await expect(client({ encPublicKey: truncated }).loginByEmail('bob@example.com', 'passw0rd')).rejects.toMatchObject({ code: 'config' })
    expect(paths).toEqual([])
  })

  it('the RSA-1024 limit is 117 UTF-8 bytes: 118 bytes or 40 CJK characters are invalid_argument, 117 bytes are sent', async () => {
    const { client, paths, onError } = await faultySetup()
    const authing = client()
    await expect(authing.loginByUsername('bob', 'p'.repeat(118))).rejects.toMatchObject({ code: 'invalid_argument' })
    await expect(authing.loginByUsername('bob', '密'.repeat(40))).rejects.toMatchObject({ code: 'invalid_argument' })
    expect(paths).not.toContain(GRAPHQL)
    expect(onError).toHaveBeenCalledTimes(2)
    await expect(authing.loginByUsername('bob', 'p'.repeat(117))).rejects.toMatchObject({ code: 2333 })
  })
})

describe('arguments from untyped callers', () => {
  it('every method rejects (never throws) invalid_argument for a non-string or empty argument, reports it once, sends nothing', async () => {
    const { client, paths, onError } = await faultySetup()
    const authing = client()
    // Logged in, so that only the argument can be at fault.
    await authing.loginByUsername('bob', 'passw0rd')
    paths.length = 0
    const notAString = 12345 as unknown as string
    const calls: [string, () => Promise<unknown>][] = [
      ['loginByUsername', () => authing.loginByUsername(notAString, 'passw0rd')],
      ['loginByUsername password', () => authing.loginByUsername('bob', { toString: () => 'passw0rd' } as unknown as string)],
      ['loginByEmail', () => authing.loginByEmail('', 'passw0rd')],
      ['loginByPhonePassword', () => authing.loginByPhonePassword(notAString, 'passw0rd')],
      ['loginByPhoneCode', () => authing.loginByPhoneCode('13800138000', notAString)],
      ['loginByEmailCode', () => authing.loginByEmailCode('bob@example.com', '')],
      ['registerByUsername', () => authing.registerByUsername(notAString, 'passw0rd')],
      ['registerByEmail', () => authing.registerByEmail(notAString, 'passw0rd')],
      ['registerByPhoneCode', () => authing.registerByPhoneCode('13900139000', '1234', notAString)],
      ['resetPasswordByPhoneCode', () => authing.resetPasswordByPhoneCode(notAString, '1234', 'passw0rd')],
      ['resetPasswordByEmailCode', () => authing.resetPasswordByEmailCode(notAString, '1234', 'passw0rd')],
      ['sendSmsCode', () => authing.sendSmsCode(null as unknown as string)],
      ['sendEmail', () => authing.sendEmail('bob@example.com', notAString)],
      ['checkPasswordStrength', () => authing.checkPasswordStrength(notAString)],
      ['bindPhone', () => authing.bindPhone(notAString, '1234')],
      ['bindEmail', () => authing.bindEmail(notAString, '1234')],
      ['updatePhone', () => authing.updatePhone(notAString, '1234')],
      ['updateEmail', () => authing.updateEmail(notAString, '1234')],
      ['updatePassword', () => authing.updatePassword(notAString)],
      ['listAuthorizedResources', () => authing.listAuthorizedResources(notAString)],
      ['removeUdfValue', () => authing.removeUdfValue(notAString)],
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
  it('a token revoked elsewhere: getCurrentUser resolves null (not an error) and empties the store', async () => {
    const { client, store, tokenKey, userKey, onError } = await faultySetup()
    const authing = client()
    const user = await authing.loginByUsername('bob', 'passw0rd')
    await client({ tokenStore: createMemoryStore(), token: user.token ?? '' }).logout()
    await expect(authing.getCurrentUser()).resolves.toBeNull()
    expect([store.getItem(tokenKey), store.getItem(userKey)]).toEqual([null, null])
    expect(onError).not.toHaveBeenCalled()
  })

  it('logout that never reached the server clears the local session, though the token still works there', async () => {
    const { client, setFault, store, tokenKey, userKey } = await faultySetup()
    const authing = client()
    const { token } = await authing.loginByUsername('bob', 'passw0rd')
    setFault(offline)
    await expect(authing.logout()).rejects.toMatchObject({ code: 'network_error' })
    expect([store.getItem(tokenKey), store.getItem(userKey)]).toEqual([null, null])
    setFault(undefined)
    await expect(client({ tokenStore: createMemoryStore() }).checkLoginStatus(token ?? '')).resolves.toMatchObject({ status: true })
  })
})
