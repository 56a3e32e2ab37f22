// @vitest-environment jsdom
import { AuthenticationClient } from '@authing-kit/client'
import { defaultSeed } from '@authing-kit/emulator'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { useAuth, useLogin, useQrLogin, type UseQrLoginOptions } from '../index.js'
import { startAuthing, WAIT } from './testAuthing.js'

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

/** bob, and alice whose logins need her authenticator app; a clock the test moves. */
async function startQr() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const seed = structuredClone(defaultSeed)
  seed.users = [...(seed.users ?? []), { username: 'alice', password: 'passw0rd', totpSecret: secret }]
  const authing = await startAuthing({ seed, now: () => clock.now })
  /** Checks in flight and the most seen at once: polling must never overlap. */
  const checks = { inFlight: 0, most: 0, total: 0 }
  const client = new AuthenticationClient({
    appId: authing.info.appId,
    appHost: authing.info.appHost,
    fetch: async (input, init) => {
      const request = new Request(input, init)
      const { pathname } = new URL(request.url)
      const checking = pathname === '/api/v2/qrcode/check'
      if (checking) checks.most = Math.max(checks.most, ++checks.inFlight)
      try {
        return await authing.fetch(request)
      } finally {
        if (checking) {
          checks.inFlight--
          checks.total++
        }
      }
    },
  })
  const render = (options: UseQrLoginOptions = {}) =>
    renderHook(() => ({ qr: useQrLogin({ interval: 10, ...options }), auth: useAuth(), login: useLogin() }), {
      wrapper: authing.wrapper({ client }),
    })
  const current = () => authing.qrRandoms.at(-1)!
  return { ...authing, clock, randoms: authing.qrRandoms, checks, render, current }
}

const setHidden = (hidden: boolean) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') })
  document.dispatchEvent(new Event('visibilitychange'))
}
afterEach(() => setHidden(false))

describe('useQrLogin', () => {
  it('shows a code, tells who scanned, and logs them in once the phone confirms', async () => {
    const qr = await startQr()
    const { result } = qr.render()
    await waitFor(() => expect(result.current.qr.status).toBe('ready'), WAIT)
    expect(result.current.qr.imageUrl).toMatch(/^data:image\/png;base64,/)
    expect(result.current.qr.expiresIn).toBe(120)
    // StrictMode mounts twice: the first code is dropped, and one code is polled.
    await act(() => qr.emulator.qrcode.scan(qr.current(), 'bob'))
    await waitFor(() => expect(result.current.qr.status).toBe('scanned'), WAIT)
    expect(result.current.qr.scannedUser).toMatchObject({ nickname: 'Bob' })
    await act(() => qr.emulator.qrcode.confirm(qr.current()))
    await waitFor(() => expect(result.current.auth.status).toBe('authenticated'), WAIT)
    expect(result.current.qr.status).toBe('success')
    expect(result.current.qr.imageUrl).toBeNull()
    expect(result.current.auth.user?.username).toBe('bob')
    expect(qr.checks.most).toBe(1)
  })

  it('draws a new code when one expires, up to `autoRefresh` times, then waits for `refresh`', async () => {
    const qr = await startQr()
    const { result } = qr.render({ autoRefresh: 1 })
    await waitFor(() => expect(result.current.qr.status).toBe('ready'), WAIT)
    const first = qr.current()
    qr.clock.now += 121_000
    await waitFor(() => expect(qr.current()).not.toBe(first), WAIT)
    await waitFor(() => expect(result.current.qr.status).toBe('ready'), WAIT)
    qr.clock.now += 121_000
    await waitFor(() => expect(result.current.qr.status).toBe('expired'), WAIT)
    const drawn = qr.randoms.length
    expect(result.current.qr.imageUrl).not.toBeNull()
    act(() => result.current.qr.refresh())
    await waitFor(() => expect(result.current.qr.status).toBe('ready'), WAIT)
    expect(qr.randoms.length).toBe(drawn + 1)
  })

  it('stops polling while the tab is hidden and after unmount', async () => {
    const qr = await startQr()
    const { result, unmount } = qr.render()
    await waitFor(() => expect(result.current.qr.status).toBe('ready'), WAIT)
    await waitFor(() => expect(qr.checks.total).toBeGreaterThan(1), WAIT)
    act(() => setHidden(true))
    await new Promise((resolve) => setTimeout(resolve, 30))
    const whileHidden = qr.checks.total
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(qr.checks.total).toBe(whileHidden)
    act(() => setHidden(false))
    await waitFor(() => expect(qr.checks.total).toBeGreaterThan(whileHidden), WAIT)
    unmount()
    await new Promise((resolve) => setTimeout(resolve, 30))
    const afterUnmount = qr.checks.total
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(qr.checks.total).toBe(afterUnmount)
  })

  it('reports a cancel on the phone, and a scan that needs MFA as a step useLogin continues', async () => {
    const qr = await startQr()
    let stepError: unknown = null
    const { result } = qr.render({ onLoginStep: (error) => (stepError = error) })
    await waitFor(() => expect(result.current.qr.status).toBe('ready'), WAIT)
    await act(() => qr.emulator.qrcode.scan(qr.current(), 'bob'))
    await act(() => qr.emulator.qrcode.cancel(qr.current()))
    await waitFor(() => expect(result.current.qr.status).toBe('cancelled'), WAIT)

    act(() => result.current.qr.refresh())
    await waitFor(() => expect(result.current.qr.status).toBe('ready'), WAIT)
    await act(() => qr.emulator.qrcode.scan(qr.current(), 'alice'))
    await act(() => qr.emulator.qrcode.confirm(qr.current()))
    await waitFor(() => expect(result.current.qr.status).toBe('step'), WAIT)
    expect(result.current.qr.error).toMatchObject({ code: 1635 })
    expect(stepError).toBe(result.current.qr.error)
    act(() => expect(result.current.login.takeStep(stepError)).toBe(true))
    expect(result.current.login.step).toMatchObject({ kind: 'mfa', factors: ['OTP'] })
    expect(result.current.auth.status).toBe('anonymous')
  })

  it('draws nothing while disabled', async () => {
    const qr = await startQr()
    const { result } = qr.render({ enabled: false })
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(result.current.qr).toMatchObject({ status: 'idle', imageUrl: null })
    expect(qr.randoms).toEqual([])
  })
})
