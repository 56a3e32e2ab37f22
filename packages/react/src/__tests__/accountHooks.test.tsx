// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  useAuth,
  useAuthingClient,
  useAuthorizedResources,
  useHasRole,
  useLogin,
  useLogout,
  useRegister,
  useSendSmsCode,
  useUpdatePassword,
} from '../index.js'
import { startAuthing } from './testAuthing.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('useRegister', () => {
  it('registers without touching the session, or logs the new user in with forceLogin', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ register: useRegister(), auth: useAuth() }), { wrapper: authing.wrapper() })
    await act(() => result.current.register.register('username', { username: 'carol', password: 'passw0rd' }))
    expect(result.current.auth.status).toBe('anonymous')

    await act(() =>
      result.current.register.register(
        'email',
        { email: 'dave@example.com', password: 'passw0rd' },
        { forceLogin: true, rememberMe: false },
      ),
    )
    expect(result.current.auth).toMatchObject({ status: 'authenticated', storage: 'session' })
    expect(result.current.auth.user?.email).toBe('dave@example.com')
  })

  it('registers with a phone code', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ register: useRegister(), client: useAuthingClient() }), {
      wrapper: authing.wrapper(),
    })
    await result.current.client.sendSmsCode('13900139000', undefined, 'register')
    const user = await act(() =>
      result.current.register.register('phoneCode', { phone: '13900139000', code: authing.lastCode('13900139000') }),
    )
    expect(user.phone).toBe('13900139000')
  })

  it('is pending while it runs and exposes a refusal as error', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => useRegister(), { wrapper: authing.wrapper() })
    const release = authing.hold()
    let pending!: Promise<unknown>
    act(() => {
      pending = result.current.register('username', { username: 'bob', password: 'passw0rd' })
      pending.catch(() => undefined)
    })
    await waitFor(() => expect(result.current.isPending).toBe(true))
    release()
    await act(() => expect(pending).rejects.toMatchObject({ code: 2034 }))
    await waitFor(() => expect(result.current.error?.code).toBe(2034))
    expect(result.current.isPending).toBe(false)
  })
})

describe('useSendSmsCode', () => {
  it('sends a code, then counts 60 s down before another may be sent', async () => {
    const authing = await startAuthing()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const { result } = renderHook(() => useSendSmsCode(), { wrapper: authing.wrapper() })
    expect(result.current).toMatchObject({ secondsLeft: 0, canSend: true, isPending: false, error: null })
    await act(() => result.current.send('13800138000', { scene: 'login' }))
    expect(authing.emulator.outbox({ to: '13800138000' })).toHaveLength(1)
    expect(result.current.secondsLeft).toBe(60)
    expect(result.current.canSend).toBe(false)

    await act(() => vi.advanceTimersByTimeAsync(20_000))
    expect(result.current.secondsLeft).toBe(40)
    await act(() =>
      expect(result.current.send('13800138000')).rejects.toMatchObject({ code: 'rate_limited', retryAfter: 40 }),
    )
    expect(authing.emulator.outbox({ to: '13800138000' })).toHaveLength(1)

    await act(() => vi.advanceTimersByTimeAsync(40_000))
    expect(result.current).toMatchObject({ secondsLeft: 0, canSend: true })
    await act(() => result.current.send('13800138000'))
    expect(authing.emulator.outbox({ to: '13800138000' })).toHaveLength(2)
  })

  it('exposes a failed send as error and starts no countdown', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => useSendSmsCode(), { wrapper: authing.wrapper() })
    authing.setOffline(true)
    await act(() => expect(result.current.send('13800138000')).rejects.toMatchObject({ code: 'network_error' }))
    await waitFor(() => expect(result.current.error?.code).toBe('network_error'))
    expect(result.current.secondsLeft).toBe(0)
  })
})

describe('useUpdatePassword', () => {
  it('changes the password (the new one logs in) and reports a wrong old one', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(
      () => ({ login: useLogin(), update: useUpdatePassword(), client: useAuthingClient() }),
      { wrapper: authing.wrapper() },
    )
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    await act(() =>
      expect(result.current.update.updatePassword('n3w-passw0rd', 'wrong-old')).rejects.toMatchObject({ code: 2203 }),
    )
    await waitFor(() => expect(result.current.update.error?.code).toBe(2203))
    await act(() => result.current.update.updatePassword('n3w-passw0rd', 'passw0rd'))
    await waitFor(() => expect(result.current.update).toMatchObject({ isSuccess: true, error: null }))
    await expect(result.current.client.loginByUsername('bob', 'n3w-passw0rd')).resolves.toMatchObject({
      username: 'bob',
    })
  })
})

describe('useLogout', () => {
  it('logs out with its own pending state, and clears the session even when the server is unreachable', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), logout: useLogout(), auth: useAuth() }), {
      wrapper: authing.wrapper(),
    })
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    const release = authing.hold()
    let pending!: Promise<void>
    act(() => {
      pending = result.current.logout.logout()
    })
    await waitFor(() => expect(result.current.logout.isPending).toBe(true))
    expect(result.current.login.isPending).toBe(false)
    release()
    await act(() => pending)
    expect(result.current.auth.status).toBe('anonymous')
    expect(authing.requests).toContain('/api/v2/logout')

    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    authing.setOffline(true)
    await act(() => expect(result.current.logout.logout()).rejects.toMatchObject({ code: 'network_error' }))
    expect(result.current.auth.status).toBe('anonymous')
    await waitFor(() => expect(result.current.logout.error?.code).toBe('network_error'))
  })
})

describe('roles and resources', () => {
  it('useHasRole answers from one roles request per namespace; false when logged out', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(
      () => ({ login: useLogin(), admin: useHasRole('admin'), editor: useHasRole('editor') }),
      { wrapper: authing.wrapper() },
    )
    expect(result.current.admin).toMatchObject({ hasRole: false, isLoading: false })
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    await waitFor(() => expect(result.current.admin.hasRole).toBe(true))
    expect(result.current.editor).toMatchObject({ hasRole: false, isLoading: false, error: null })
    expect(authing.requests.filter((name) => name === 'getUserRoles')).toHaveLength(1)
  })

  it('useAuthorizedResources lists what the user may do in a namespace', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(
      () => ({ login: useLogin(), resources: useAuthorizedResources(authing.info.appId) }),
      { wrapper: authing.wrapper() },
    )
    expect(result.current.resources).toMatchObject({ resources: [], totalCount: 0, isLoading: false })
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    await waitFor(() => expect(result.current.resources.totalCount).toBeGreaterThan(0))
    expect(result.current.resources.resources[0]).toMatchObject({ code: expect.stringContaining('book') })
  })

  it('exposes a failed roles request as error', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    authing.setOffline(true)
    const { result } = renderHook(() => useHasRole('admin'), { wrapper: authing.wrapper() })
    await waitFor(() => expect(result.current.error?.code).toBe('network_error'))
    expect(result.current.hasRole).toBe(false)
  })
})
