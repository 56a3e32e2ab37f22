/**
 * The fault matrix of issue 7, items the client owns: each `fault N:` test is one numbered item
 * (CI prints a table from these names). The client talks to the real in-process emulator; the
 * wrapper in faultyEmulator.ts injects only what a network or proxy does (rejects, hangs, 502 pages,
 * 429, garbage). Items 1–5 and 16 belong to the React provider, 14's server half and 15 to the emulator.
 */
import { generateKeyPairSync } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { SHORT_STRING_MAX_LENGTH } from '../requestParams.js'
import { MAX_BODY_BYTES } from '../transport/transport.js'
import {
  answer,
  BAD_GATEWAY_PAGE,
  failure,
  faultySetup,
  GRAPHQL,
  hang,
  hangAfterHeaders,
  JSON_200,
  offline,
  on,
  WELL_KNOWN,
} from './faultyEmulator.js'

describe('fault matrix', () => {
  it('fault 1: a remembered token expired beyond the 60 s leeway is removed on load and never sent', async () => {
    const lifetime = 3600
    // A real token, signed by the emulator on a clock that ran lifetime + 61 s ago.
    const { client, store, tokenKey, requests } = await faultySetup({
      tokenLifetimeSeconds: lifetime,
      now: () => Date.now() - (lifetime + 61) * 1000,
    })
    const { token } = await client().loginByUsername('bob', 'passw0rd')
    expect(store.getItem(tokenKey)).toBe(token)
    requests.length = 0
    const reloaded = client()
    expect(reloaded.getSnapshot()).toEqual({ user: null, token: null })
    expect(store.getItem(tokenKey)).toBeNull()
    await reloaded.checkPasswordStrength('abcdef1')
    expect(requests).toHaveLength(1)
    expect(requests.every((request) => !request.headers.has('authorization'))).toBe(true)
  })

  it('fault 6: logout while offline or on a 500 still clears the local session and storage', async () => {
    const { client, setFault, store, tokenKey, userKey } = await faultySetup()
    const serverFaults = [
      offline,
      answer('{"code":500,"message":"Internal server error"}', { ...JSON_200, status: 500 }),
      answer(BAD_GATEWAY_PAGE, { status: 500 }),
    ]
    for (const fault of serverFaults) {
      setFault(undefined)
      const authing = client()
      await authing.loginByUsername('bob', 'passw0rd')
      setFault(fault)
      const error = await failure(authing.logout())
      expect(['network_error', 'bad_response', 500]).toContain(error.code)
      expect(authing.getSnapshot()).toEqual({ user: null, token: null })
      expect([store.getItem(tokenKey), store.getItem(userKey)]).toEqual([null, null])
    }
  })

  it('fault 7: fetch rejects → network_error reported once, the stored token kept, the login not retried', async () => {
    const { client, setFault, onError, paths, store, tokenKey } = await faultySetup()
    const authing = client()
    const { token } = await authing.loginByUsername('bob', 'passw0rd')
    setFault(offline)
    expect(await failure(authing.getCurrentUser())).toMatchObject({
      name: 'AuthingError',
      code: 'network_error',
      status: undefined,
      cause: expect.any(TypeError),
    })
    expect(authing.getSnapshot().token).toBe(token)
    expect(store.getItem(tokenKey)).toBe(token)
    paths.length = 0
    onError.mockClear()
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'network_error' })
    expect(paths).toEqual([GRAPHQL])
    expect(onError).toHaveBeenCalledExactlyOnceWith('network_error', expect.any(String), undefined)
    // A fetch that throws synchronously (a browser refusing the URL) is the same failure.
    setFault(() => {
      throw new TypeError('Failed to execute fetch')
    })
    await expect(authing.checkPasswordStrength('abcdef1')).rejects.toMatchObject({ code: 'network_error' })
    expect(store.getItem(tokenKey)).toBe(token)
  })

  it('fault 8: a server that never answers, or stalls mid-body, is aborted at the timeout with code timeout', async () => {
    const { client, setFault, onError, store, tokenKey } = await faultySetup()
    setFault(hang)
    await expect(client({ timeout: 50 }).loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'timeout' })
    await expect(client({ timeout: 50 }).sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'timeout' })
    setFault(hangAfterHeaders)
    await expect(client({ timeout: 50 }).listApplications()).rejects.toMatchObject({ code: 'timeout' })
    expect(onError.mock.calls.map(([code]) => code)).toEqual(['timeout', 'timeout', 'timeout'])
    expect(store.getItem(tokenKey)).toBeNull()
  })

  it('fault 8: the deadline covers the body read of a GraphQL answer', async () => {
    const { client, setFault, emulator, info, paths } = await faultySetup()
    // The key is given, so the short deadline can only be spent on the stalled GraphQL answer.
    const wellKnown = await emulator.fetch(`${info.appHost}${WELL_KNOWN}`)
    const { data } = (await wellKnown.json()) as { data: { publicKey: string } }
    setFault(on(GRAPHQL, hangAfterHeaders))
    await expect(
      client({ timeout: 50, encPublicKey: data.publicKey }).loginByUsername('bob', 'passw0rd'),
    ).rejects.toMatchObject({ code: 'timeout' })
    expect(paths).toEqual([GRAPHQL])
  })

  it('fault 9: 502/503 with an HTML page or a JSON error → typed error with the status and a short snippet; nothing stored', async () => {
    const { client, setFault, onError, store, tokenKey } = await faultySetup()
    const authing = client()
    setFault(on(GRAPHQL, answer(BAD_GATEWAY_PAGE, { status: 502, headers: { 'content-type': 'text/html' } })))
    const page = await failure(authing.loginByUsername('bob', 'passw0rd'))
    expect(page).toMatchObject({
      code: 'bad_response',
      status: 502,
      data: expect.stringContaining('<h1>502 Bad Gateway</h1>'),
    })
    expect(onError).toHaveBeenCalledExactlyOnceWith('bad_response', page.message, page.data)
    setFault(on(GRAPHQL, answer('{"error":"upstream connect error"}', { ...JSON_200, status: 503 })))
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({
      code: 'bad_response',
      status: 503,
      data: '{"error":"upstream connect error"}',
    })
    setFault(on(GRAPHQL, answer('{"errors":[{"message":"Internal server error"}]}', { ...JSON_200, status: 503 })))
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({
      code: 'bad_response',
      status: 503,
    })
    setFault(answer(`<html>${'x'.repeat(100_000)}</html>`, { status: 503, headers: { 'content-type': 'text/html' } }))
    const long = await failure(authing.sendSmsCode('13800138000'))
    expect(long).toMatchObject({ code: 'bad_response', status: 503, data: expect.stringMatching(/^<html>x+/) })
    expect(String(long.data).length).toBeLessThan(1000)
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
    expect(store.getItem(tokenKey)).toBeNull()
  })

  it('fault 10: 200 with empty, malformed or wrong-shape JSON → bad_response, never a login without a token', async () => {
    const { client, setFault, store, tokenKey, userKey } = await faultySetup()
    const authing = client()
    const bodies = [
      '',
      '{"data": {',
      '[]',
      '{"hello":"world"}',
      '{"data":{"loginByUsername":null}}',
      '{"data":{"loginByUsername":"bob"}}',
      '{"data":{"loginByUsername":{"id":"62a0f0a9c6b1c2a3d4e5f603","username":"bob"}}}',
      '{"data":{"loginByUsername":{"id":"62a0f0a9c6b1c2a3d4e5f603","username":"bob","token":null}}}',
    ]
    for (const body of bodies) {
      setFault(on(GRAPHQL, answer(body, JSON_200)))
      const error = await failure(authing.loginByUsername('bob', 'passw0rd'))
      expect({ body, code: error.code }).toEqual({ body, code: 'bad_response' })
    }
    // The REST login (email code) is held to the same rule.
    setFault(answer('{"code":200,"message":"ok","data":{"id":"62a0f0a9c6b1c2a3d4e5f603"}}', JSON_200))
    await expect(authing.loginByEmailCode('bob@example.com', '123456')).rejects.toMatchObject({ code: 'bad_response' })
    setFault(answer('', JSON_200))
    await expect(authing.sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'bad_response' })
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
    expect([store.getItem(tokenKey), store.getItem(userKey)]).toEqual([null, null])
  })

  it('fault 11: 429 → rate_limited carrying retryAfter (seconds or a date), not retried', async () => {
    const { client, setFault, paths } = await faultySetup()
    const authing = client()
    const tooMany = (headers: Record<string, string>) =>
      answer('{"code":429,"message":"slow down"}', { status: 429, headers })
    setFault(on(GRAPHQL, tooMany({ 'content-type': 'application/json', 'retry-after': '7' })))
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfter: 7,
    })
    expect(paths.filter((path) => path === GRAPHQL)).toHaveLength(1)
    setFault(tooMany({ 'retry-after': new Date(Date.now() + 30_000).toUTCString() }))
    const dated = await failure(authing.sendSmsCode('13800138000'))
    expect(dated.retryAfter).toBeGreaterThan(20)
    expect(dated.retryAfter).toBeLessThanOrEqual(30)
    setFault(tooMany({}))
    await expect(authing.sendSmsCode('13800138000')).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfter: undefined,
    })
    expect(authing.getSnapshot().token).toBeNull()
  })

  it('fault 12: a public key that cannot be fetched or is garbage fails closed: no login is sent', async () => {
    const { client, setFault, paths, bodies } = await faultySetup()
    const keyFaults = [
      offline,
      answer(BAD_GATEWAY_PAGE, { status: 502, headers: { 'content-type': 'text/html' } }),
      answer('{"code":200,"message":"ok","data":{"publicKey":"-----BEGIN nonsense"}}', JSON_200),
      answer('{"code":200,"message":"ok","data":{}}', JSON_200),
    ]
    for (const fault of keyFaults) {
      setFault(on(WELL_KNOWN, fault))
      const error = await failure(client().loginByUsername('bob', 'passw0rd'))
      expect(['network_error', 'bad_response']).toContain(error.code)
    }
    expect(paths).not.toContain(GRAPHQL)
    expect(bodies.some((body) => body.includes('passw0rd'))).toBe(false)
  })

  it('fault 12: the server reports 2016 (cannot decrypt) → the error as is, no plaintext retry', async () => {
    const { client, paths, bodies } = await faultySetup()
    // A valid key, but not the emulator's: it cannot decrypt what the client sends.
    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    })
    const authing = client({ encPublicKey: publicKey })
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 2016 })
    expect(paths).toEqual([GRAPHQL])
    expect(bodies.some((body) => body.includes('passw0rd'))).toBe(false)
    expect(authing.getSnapshot().token).toBeNull()
  })

  it('fault 13: a password over the RSA-1024 block (117 UTF-8 bytes) is invalid_argument before any request; 117 bytes go whole', async () => {
    const { client, paths, onError } = await faultySetup()
    const authing = client()
    await expect(authing.loginByUsername('bob', 'p'.repeat(118))).rejects.toMatchObject({ code: 'invalid_argument' })
    await expect(authing.loginByUsername('bob', '密'.repeat(40))).rejects.toMatchObject({ code: 'invalid_argument' })
    expect(paths).not.toContain(GRAPHQL)
    expect(onError).toHaveBeenCalledTimes(2)
    // Not truncated: the server gets all 117 bytes, and they are not bob's password.
    await expect(authing.loginByUsername('bob', 'p'.repeat(117))).rejects.toMatchObject({ code: 2333 })
  })

  it('fault 14: a 10k-character username or a body over 1 MiB is invalid_argument, and nothing is sent', async () => {
    const { client, paths } = await faultySetup()
    const authing = client()
    const longName = 'u'.repeat(10_000)
    for (const call of [
      () => authing.loginByUsername(longName, 'passw0rd'),
      () => authing.registerByEmail(`${longName}@example.com`, 'passw0rd'),
      () => authing.sendSmsCode(longName),
    ]) {
      const error = await failure(call())
      expect(error).toMatchObject({ code: 'invalid_argument', data: { maxLength: SHORT_STRING_MAX_LENGTH } })
      expect(error.message).toMatch(/is 10\d{3} characters long; at most 1000 are accepted/)
    }
    expect(paths).toEqual([])
    await authing.loginByUsername('bob', 'passw0rd')
    paths.length = 0
    const huge = await failure(authing.updateProfile({ nickname: 'n'.repeat(MAX_BODY_BYTES) }))
    expect(huge).toMatchObject({ code: 'invalid_argument', data: { maxBytes: MAX_BODY_BYTES } })
    expect(huge.message).toContain('1 MiB')
    expect(paths).toEqual([])
  })
})
