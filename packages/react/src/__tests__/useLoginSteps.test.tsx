// @vitest-environment jsdom
import { defaultSeed, type SeedDocument, totpCodeAt } from '@authing-kit/emulator'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { useAuth, useLogin } from '../index.js'
import { startAuthing } from './testAuthing.js'

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const completionAppId = '62a0f0a9c6b1c2a3d4e5f632'

/** carol must choose a password at her first login; olga's is past the pool's 90 days; wendy's is on the weak list. */
async function startSteps() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const seed: SeedDocument = structuredClone(defaultSeed)
  seed.userPool = {
    ...seed.userPool,
    passwordUpdatePolicy: { forcedCycle: 90, forcedCycleUnit: 'DAY' },
    weakPasswords: ['12345678'],
  }
  seed.applications = [
    ...(seed.applications ?? []),
    {
      id: completionAppId,
      name: 'Nickname please',
      extendsFields: [{ type: 'internal', name: 'nickname', required: true }],
    },
  ]
  seed.users = [
    ...(seed.users ?? []),
    { username: 'carol', password: 'initial-1', resetPasswordOnFirstLogin: true, totpSecret: secret },
    { username: 'olga', password: 'old-password-1', passwordLastSetAt: '2026-01-01T00:00:00Z' },
    { username: 'wendy', password: '12345678' },
    { username: 'nick', password: 'passw0rd' },
  ]
  return { ...(await startAuthing({ seed, now: () => clock.now })), clock }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  )

describe('useLogin: password and profile steps', () => {
  it("first login: the new password is set, the login repeats with it and meets carol's second factor", async () => {
    const authing = await startSteps()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), { wrapper: authing.wrapper() })
    await act(() => failure(result.current.login.login('username', { username: 'carol', password: 'initial-1' })))
    expect(result.current.login.step).toMatchObject({ kind: 'firstLoginPassword', code: 1639 })

    // A password the pool refuses keeps the step.
    await act(async () => {
      expect(await failure(result.current.login.setNewPassword('12345678'))).toMatchObject({ code: 2061 })
    })
    expect(result.current.login.step?.kind).toBe('firstLoginPassword')

    await act(async () => {
      expect(await failure(result.current.login.setNewPassword('carols-own-1'))).toMatchObject({ code: 1635 })
    })
    expect(result.current.login.step).toMatchObject({ kind: 'mfa', code: 1635 })
    await act(async () => {
      await result.current.login.verifyMfa({ factor: 'OTP', code: totpCodeAt(secret, authing.clock.now) })
    })
    expect(result.current.auth.user?.username).toBe('carol')
    expect(result.current.login.step).toBeNull()
  })

  it('an expired password needs the current one; the new one logs in at once', async () => {
    const authing = await startSteps()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), { wrapper: authing.wrapper() })
    await act(() => failure(result.current.login.login('username', { username: 'olga', password: 'old-password-1' })))
    expect(result.current.login.step).toMatchObject({
      kind: 'forcePasswordReset',
      forcedCycle: 90,
      forcedCycleUnit: 'DAY',
    })
    await act(async () => {
      expect(
        await failure(result.current.login.setNewPassword('new-password-2', { oldPassword: 'wrong' })),
      ).toMatchObject({
        code: 2203,
      })
    })
    let user: unknown
    await act(async () => {
      user = await result.current.login.setNewPassword('new-password-2', { oldPassword: 'old-password-1' })
    })
    expect(user).toMatchObject({ username: 'olga' })
    expect(result.current.auth.user?.username).toBe('olga')
  })

  it('an unsafe password is replaced the same way; a spent step token clears the step', async () => {
    const authing = await startSteps()
    const { result } = renderHook(() => useLogin(), { wrapper: authing.wrapper() })
    await act(() => failure(result.current.login('username', { username: 'wendy', password: '12345678' })))
    const step = result.current.step
    expect(step).toMatchObject({ kind: 'unsafePassword', code: 2071 })
    authing.clock.now += 601_000
    await act(async () => {
      expect(await failure(result.current.setNewPassword('wendys-better-1'))).toMatchObject({ code: 2207 })
    })
    expect(result.current.step).toBeNull()
    await waitFor(() => expect(result.current.error?.code).toBe(2207))
  })

  it('profile completion: the missing nickname is filled in and the user is in', async () => {
    const authing = await startSteps()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), {
      wrapper: authing.wrapper({ appId: completionAppId }),
    })
    await act(() => failure(result.current.login.login('username', { username: 'nick', password: 'passw0rd' })))
    expect(result.current.login.step).toMatchObject({
      kind: 'completeProfile',
      code: 1642,
      skip: false,
      fields: [expect.objectContaining({ name: 'nickname', required: true, needsCode: false })],
    })
    await act(async () => {
      expect(await failure(result.current.login.skipProfile())).toMatchObject({ code: 2231 })
    })
    expect(result.current.login.step?.kind).toBe('completeProfile')
    await act(async () => {
      await result.current.login.completeProfile([{ name: 'nickname', value: 'Nick' }])
    })
    expect(result.current.auth.user).toMatchObject({ username: 'nick', nickname: 'Nick' })
    expect(result.current.login.step).toBeNull()
  })

  it('each answer is refused without its kind of step', async () => {
    const authing = await startSteps()
    const { result } = renderHook(() => useLogin(), { wrapper: authing.wrapper() })
    for (const call of [
      () => result.current.setNewPassword('x-password-1'),
      () => result.current.completeProfile([]),
      () => result.current.skipProfile(),
      () => result.current.verifyMfa({ factor: 'OTP', code: '123456' }),
      () => result.current.sendMfaCode({ factor: 'SMS' }),
      () => result.current.bindTotp(),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'invalid_argument' })
    }
  })

  it('a captcha step shows an image; every failure while shown brings a new one; a success hides it', async () => {
    const seed: SeedDocument = structuredClone(defaultSeed)
    seed.userPool = { ...seed.userPool, robotVerify: 'condition_set', captchaAfterFailures: 1 }
    const authing = await startAuthing({ seed })
    const { result } = renderHook(() => useLogin(), { wrapper: authing.wrapper() })
    const wrong = { email: 'bob@example.com', password: 'wrong-password' }
    await act(() => failure(result.current.login('email', wrong)))
    expect(result.current.captchaUrl).toBeNull()
    await act(() => failure(result.current.login('email', wrong)))
    expect(result.current.step).toEqual({ kind: 'captcha', code: 2000 })
    const first = result.current.captchaUrl
    expect(first).toMatch(new RegExp(`^${authing.info.appHost}/api/v2/security/captcha\\?r=\\d+$`))

    await new Promise((resolve) => setTimeout(resolve, 2))
    await act(() => failure(result.current.login('email', { ...wrong, captchaCode: 'nope' })))
    expect(result.current.captchaUrl).not.toBe(first)
    const second = result.current.captchaUrl
    await new Promise((resolve) => setTimeout(resolve, 2))
    act(() => result.current.refreshCaptcha())
    expect(result.current.captchaUrl).not.toBe(second)

    // Another account owes no captcha: its success hides the image.
    await act(() => result.current.login('username', { username: 'bob', password: 'passw0rd' }))
    expect(result.current.captchaUrl).toBeNull()
  })
})
