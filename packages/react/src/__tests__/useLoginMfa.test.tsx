// @vitest-environment jsdom
import { defaultSeed, totpCodeAt } from '@authing-kit/emulator'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { useAuth, useLogin } from '../index.js'
import { startAuthing } from './testAuthing.js'

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const strictAppId = '62a0f0a9c6b1c2a3d4e5f630'

/** alice has an authenticator app; the `strict` app asks every login for an SMS or TOTP code. */
async function startMfa() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const seed = structuredClone(defaultSeed)
  seed.applications = [...(seed.applications ?? []), { id: strictAppId, name: 'Strict', mfa: ['SMS', 'OTP'] }]
  seed.users = [...(seed.users ?? []), { username: 'alice', password: 'passw0rd', totpSecret: secret }]
  const authing = await startAuthing({ seed, now: () => clock.now })
  return { ...authing, clock, code: () => totpCodeAt(secret, clock.now) }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  )

describe('useLogin: a login that stops at a second factor', () => {
  it('exposes the step; verifying it logs in, remembered as the login asked, and clears the step', async () => {
    const authing = await startMfa()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), { wrapper: authing.wrapper() })
    let error: unknown
    await act(async () => {
      error = await failure(
        result.current.login.login('username', { username: 'alice', password: 'passw0rd' }, { rememberMe: false }),
      )
    })
    expect(error).toMatchObject({ code: 1635 })
    expect(result.current.login.step).toMatchObject({ kind: 'mfa', code: 1635, factors: ['OTP'], totpEnabled: true })
    expect(result.current.auth.status).toBe('anonymous')

    await act(async () => {
      await result.current.login.verifyMfa({ factor: 'OTP', code: authing.code() })
    })
    expect(result.current.login.step).toBeNull()
    expect(result.current.auth).toMatchObject({ status: 'authenticated', storage: 'session' })
    expect(result.current.auth.user?.username).toBe('alice')
    expect(sessionStorage.getItem(authing.tokenKey)).toBe(result.current.auth.idToken)
    expect(localStorage.getItem(authing.tokenKey)).toBeNull()
  })

  it("a wrong code keeps the step and reports 2001 (a wrong SMS code); the app's SMS factor passes it", async () => {
    const authing = await startMfa()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), {
      wrapper: authing.wrapper({ appId: strictAppId }),
    })
    await act(() => failure(result.current.login.login('username', { username: 'bob', password: 'passw0rd' })))
    const step = result.current.login.step
    expect(step).toMatchObject({ kind: 'mfa', code: 1636, factors: ['SMS', 'OTP'], phone: '13800138000' })
    await act(async () => {
      expect(await failure(result.current.login.verifyMfa({ factor: 'SMS', code: '000000' }))).toMatchObject({
        code: 2001,
      })
    })
    // react-query publishes the mutation's end on its own tick.
    await waitFor(() => expect(result.current.login.error?.code).toBe(2001))
    expect(result.current.login.step).toEqual(step)

    await act(() => result.current.login.sendMfaCode({ factor: 'SMS' }))
    expect(result.current.login.mfaCodeSecondsLeft).toBe(60)
    await act(async () => {
      expect(await failure(result.current.login.sendMfaCode({ factor: 'SMS' }))).toMatchObject({ code: 'rate_limited' })
    })
    await act(async () => {
      await result.current.login.verifyMfa({ factor: 'SMS', code: authing.lastCode('13800138000') })
    })
    expect(result.current.auth.user?.username).toBe('bob')
    expect(result.current.login).toMatchObject({ step: null, error: null })
  })

  it('cancelStep goes back to the login; an ended step (2021) clears itself; verifyMfa without a step is refused', async () => {
    const authing = await startMfa()
    const { result } = renderHook(() => useLogin(), { wrapper: authing.wrapper() })
    await act(async () => {
      expect(await failure(result.current.verifyMfa({ factor: 'OTP', code: '123456' }))).toMatchObject({
        code: 'invalid_argument',
      })
      expect(await failure(result.current.sendMfaCode({ factor: 'EMAIL' }))).toMatchObject({
        code: 'invalid_argument',
      })
    })
    await act(() => failure(result.current.login('username', { username: 'alice', password: 'passw0rd' })))
    expect(result.current.step?.kind).toBe('mfa')
    act(() => result.current.cancelStep())
    expect(result.current).toMatchObject({ step: null, error: null })

    await act(() => failure(result.current.login('username', { username: 'alice', password: 'passw0rd' })))
    authing.clock.now += 601_000
    await act(async () => {
      expect(await failure(result.current.verifyMfa({ factor: 'OTP', code: authing.code() }))).toMatchObject({
        code: 2021,
      })
    })
    expect(result.current.step).toBeNull()
    await waitFor(() => expect(result.current.error?.code).toBe(2021))
  })
})
