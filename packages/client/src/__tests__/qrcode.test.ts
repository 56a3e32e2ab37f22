import { defaultSeed, totpCodeAt } from '@authing-kit/emulator'
import { describe, expect, it, vi } from 'vitest'

import { AuthingError, loginStepOf, type QRCodeStatus } from '../index.js'
import type { FetchFunction } from '../transport/send.js'
import { startEmulator } from './testEmulator.js'

/** alice has an authenticator app, so her confirmation stops at the second factor. */
async function startQr() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const seed = structuredClone(defaultSeed)
  seed.users = [
    ...(seed.users ?? []),
    { username: 'alice', password: 'passw0rd', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  ]
  const setup = await startEmulator({ seed, now: () => clock.now })
  const checks = { inFlight: 0, maxInFlight: 0, count: 0 }
  /** Each status check answers after 15 ms, longer than the tests' interval: overlapping polls would show. */
  const slowChecks: FetchFunction = async (input, init) => {
    const url = new Request(input, init).url
    if (!url.includes('/api/v2/qrcode/check')) return setup.recordingFetch(input, init)
    checks.count++
    checks.inFlight++
    checks.maxInFlight = Math.max(checks.maxInFlight, checks.inFlight)
    try {
      await new Promise((resolve) => setTimeout(resolve, 15))
      return await setup.recordingFetch(input, init)
    } finally {
      checks.inFlight--
    }
  }
  const authing = setup.client({ fetch: slowChecks })
  return { ...setup, clock, checks, authing }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('client.qrcode', () => {
  it('generates, checks and exchanges with the SDK names; the exchange becomes the session, once', async () => {
    const { authing, emulator, requests } = await startQr()
    const { random, url } = await authing.qrcode.geneCode({ customData: { source: 'test' } })
    expect(url).toMatch(/^data:image\/png;base64,/)
    expect(JSON.parse(requests.at(-1)?.body ?? '{}')).toMatchObject({
      autoMergeQrCode: false,
      scene: 'APP_AUTH',
      params: { source: 'test' },
    })
    expect((await authing.qrcode.checkStatus(random)).status).toBe(0)
    await emulator.qrcode.scan(random, 'bob')
    expect(await authing.qrcode.checkStatus(random)).toMatchObject({ status: 1, userInfo: { nickname: 'Bob' } })
    await emulator.qrcode.confirm(random)
    const { status, ticket } = await authing.qrcode.checkStatus(random)
    expect(status).toBe(2)
    const user = await authing.qrcode.exchangeUserInfo(ticket ?? '')
    expect(user.username).toBe('bob')
    expect(authing.getSnapshot()).toMatchObject({ user: { username: 'bob' }, token: user.token })
    const again = await authing.qrcode.exchangeUserInfo(ticket ?? '').catch((e: unknown) => e)
    expect(again).toBeInstanceOf(AuthingError)
    expect((again as AuthingError).code).toBe(2241)
  })

  it('sends the scene of wxqrcode and wechatmpqrcode', async () => {
    const { authing, requests } = await startQr()
    await authing.wxqrcode.geneCode()
    expect(JSON.parse(requests.at(-1)?.body ?? '{}').scene).toBe('WXAPP_AUTH')
    await authing.wechatmpqrcode.geneCode()
    expect(JSON.parse(requests.at(-1)?.body ?? '{}').scene).toBe('WECHATMP_AUTH')
  })
})

describe('startPolling', () => {
  it('checks one request at a time, reports the scan once and stops on success', async () => {
    const { authing, emulator, checks } = await startQr()
    const { random } = await authing.qrcode.geneCode()
    const onScanned = vi.fn()
    const onSuccess = vi.fn()
    const onStart = vi.fn()
    const results: QRCodeStatus[] = []
    await authing.qrcode.startPolling(random, {
      interval: 1,
      onStart,
      onScanned,
      onSuccess,
      onResult: (data) => results.push(data),
    })
    expect(onStart).toHaveBeenCalledWith(expect.any(Function))
    await vi.waitFor(() => expect(checks.count).toBeGreaterThanOrEqual(3))
    await emulator.qrcode.scan(random, 'bob')
    await vi.waitFor(() => expect(onScanned).toHaveBeenCalled())
    await sleep(60)
    await emulator.qrcode.confirm(random)
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled())
    const [userInfo, ticket] = onSuccess.mock.calls[0] ?? []
    expect(userInfo).toMatchObject({ nickname: 'Bob' })
    expect(ticket).toEqual(expect.any(String))
    expect(onScanned).toHaveBeenCalledTimes(1)
    expect(checks.maxInFlight).toBe(1)
    const after = checks.count
    await sleep(60)
    expect(checks.count).toBe(after)
    expect(results.map((r) => r.status)).toContain(1)
    await expect(authing.qrcode.exchangeUserInfo(ticket as string)).resolves.toMatchObject({ username: 'bob' })
  })

  it('stops when the returned function is called, or the signal aborts, with no callback after', async () => {
    const { authing, emulator, checks } = await startQr()
    const { random } = await authing.qrcode.geneCode()
    const onResult = vi.fn()
    const onError = vi.fn()
    const stop = await authing.qrcode.startPolling(random, { interval: 1, onResult, onError })
    await vi.waitFor(() => expect(onResult.mock.calls.length).toBeGreaterThanOrEqual(2))
    stop()
    const seen = onResult.mock.calls.length
    const sent = checks.count
    await emulator.qrcode.scan(random, 'bob')
    await sleep(60)
    expect(checks.count).toBe(sent)
    expect(onResult).toHaveBeenCalledTimes(seen)
    expect(onError).not.toHaveBeenCalled()

    const controller = new AbortController()
    const onScanned = vi.fn()
    await authing.qrcode.startPolling(random, { interval: 1, signal: controller.signal, onScanned, onError })
    await vi.waitFor(() => expect(onScanned).toHaveBeenCalled())
    controller.abort()
    const sentBefore = checks.count
    await sleep(60)
    expect(checks.count).toBeLessThanOrEqual(sentBefore + 1)
    expect(onError).not.toHaveBeenCalled()
  })

  it('reports expiry once and stops', async () => {
    const { authing, clock, checks } = await startQr()
    const { random } = await authing.qrcode.geneCode()
    const onExpired = vi.fn()
    await authing.qrcode.startPolling(random, { interval: 1, onExpired })
    await vi.waitFor(() => expect(checks.count).toBeGreaterThanOrEqual(1))
    clock.now += 120_000
    await vi.waitFor(() => expect(onExpired).toHaveBeenCalledTimes(1))
    const after = checks.count
    await sleep(60)
    expect(checks.count).toBe(after)
  })

  it('reports a failed check as an AuthingError and stops', async () => {
    const { authing, checks } = await startQr()
    const onError = vi.fn()
    await authing.qrcode.startPolling('0'.repeat(32), { interval: 1, onError })
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 2241, message: '二维码不存在' })
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(AuthingError)
    await sleep(40)
    expect(checks.count).toBe(1)
  })

  it("hands a confirmation stopped at a second factor to onMfa, onAuthFlow and onLoginStep (loginStepOf's MFA step)", async () => {
    const { authing, emulator, clock } = await startQr()
    const { random } = await authing.qrcode.geneCode()
    const onMfa = vi.fn()
    const onAuthFlow = vi.fn()
    const onLoginStep = vi.fn()
    await authing.qrcode.startPolling(random, { interval: 1, onMfa, onAuthFlow, onLoginStep })
    await emulator.qrcode.scan(random, 'alice')
    await emulator.qrcode.confirm(random)
    await vi.waitFor(() => expect(onLoginStep).toHaveBeenCalled())
    expect(onMfa).toHaveBeenCalledWith(
      1635,
      expect.any(String),
      expect.objectContaining({ mfaToken: expect.any(String) }),
    )
    expect(onAuthFlow.mock.calls[0]?.[0]).toMatchObject({ apiCode: 1635 })
    const step = loginStepOf(onLoginStep.mock.calls[0]?.[0])
    if (step?.kind !== 'mfa') throw new Error('expected an MFA step')
    const totp = totpCodeAt('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', clock.now)
    await authing.mfa.verifyTotpMfa({ mfaToken: step.mfaToken, totp })
    expect(authing.getSnapshot().user?.username).toBe('alice')
  })

  it('reports status 5 (the scanner is locked out) to onError with the server text', async () => {
    const { authing, emulator, client } = await startQr()
    const other = client()
    for (let i = 0; i < 5; i++) await other.loginByUsername('bob', 'wrong-password').catch(() => {})
    const { random } = await authing.qrcode.geneCode()
    const onError = vi.fn()
    await authing.qrcode.startPolling(random, { interval: 1, onError })
    await emulator.qrcode.scan(random, 'bob')
    await emulator.qrcode.confirm(random)
    await vi.waitFor(() => expect(onError).toHaveBeenCalled())
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 2005 })
  })
})

describe('startScanning', () => {
  it('shows a new code after a cancel, and with autoExchangeUserInfo logs in', async () => {
    const { authing, emulator } = await startQr()
    const shown: string[] = []
    const onCancel = vi.fn()
    const onSuccess = vi.fn()
    const stop = await authing.qrcode.startScanning({
      interval: 1,
      autoExchangeUserInfo: true,
      onCodeShow: (random) => shown.push(random),
      onCancel,
      onSuccess,
    })
    expect(shown).toHaveLength(1)
    await emulator.qrcode.scan(shown[0] ?? '', 'bob')
    await emulator.qrcode.cancel(shown[0] ?? '')
    await vi.waitFor(() => expect(shown).toHaveLength(2))
    expect(onCancel).toHaveBeenCalledTimes(1)
    await emulator.qrcode.scan(shown[1] ?? '', 'bob')
    await emulator.qrcode.confirm(shown[1] ?? '')
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled())
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ username: 'bob', token: expect.any(String) })
    expect(authing.getSnapshot().user?.username).toBe('bob')
    stop()
  })
})

describe('createLogin', () => {
  const snapshotOf = async (authing: Awaited<ReturnType<typeof startQr>>['authing'], options = {}) => {
    const login = await authing.qrcode.createLogin({ interval: 1, ...options })
    const seen: string[] = []
    login.subscribe(() => {
      const { status } = login.getSnapshot()
      if (seen.at(-1) !== status) seen.push(status)
    })
    return { login, seen }
  }

  it('walks loading → ready → scanned → success as a store, and the user becomes the session', async () => {
    const { authing, emulator, checks } = await startQr()
    const onSuccess = vi.fn()
    const { login, seen } = await snapshotOf(authing, { onSuccess })
    await vi.waitFor(() => expect(login.getSnapshot().status).toBe('ready'))
    expect(login.getSnapshot()).toMatchObject({ imageUrl: expect.stringMatching(/^data:image\/png/), expiresIn: 120 })
    const random = Object.keys(emulator.store.snapshot().tables.qrcodes ?? {}).at(-1) ?? ''
    await emulator.qrcode.scan(random, 'bob')
    await vi.waitFor(() => expect(login.getSnapshot().scannedUser).toMatchObject({ nickname: 'Bob' }))
    await emulator.qrcode.confirm(random)
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(seen).toEqual(['ready', 'scanned', 'success'])
    expect(login.getSnapshot().imageUrl).toBeNull()
    expect(authing.getSnapshot().user?.username).toBe('bob')
    expect(checks.maxInFlight).toBe(1)
  })

  it('checks nothing while paused and at once on resume; stop ends every request and callback', async () => {
    const { authing, checks } = await startQr()
    const { login } = await snapshotOf(authing)
    await vi.waitFor(() => expect(checks.count).toBeGreaterThan(1))
    login.pause()
    await sleep(20)
    const paused = checks.count
    await sleep(40)
    expect(checks.count).toBe(paused)
    login.resume()
    await vi.waitFor(() => expect(checks.count).toBeGreaterThan(paused))
    const listener = vi.fn()
    login.subscribe(listener)
    login.stop()
    await sleep(20)
    const stopped = checks.count
    await sleep(40)
    expect(checks.count).toBe(stopped)
    expect(listener).not.toHaveBeenCalled()
  })

  it('draws a new code on expiry `autoRefresh` times, then shows expired until refresh', async () => {
    const { authing, clock } = await startQr()
    const { login } = await snapshotOf(authing, { autoRefresh: 1 })
    await vi.waitFor(() => expect(login.getSnapshot().status).toBe('ready'))
    const first = login.getSnapshot().imageUrl
    clock.now += 121_000
    await vi.waitFor(() => expect(login.getSnapshot().imageUrl).not.toBe(first))
    await vi.waitFor(() => expect(login.getSnapshot().status).toBe('ready'))
    clock.now += 121_000
    await vi.waitFor(() => expect(login.getSnapshot().status).toBe('expired'))
    login.refresh()
    await vi.waitFor(() => expect(login.getSnapshot().status).toBe('ready'))
    login.stop()
  })
})
