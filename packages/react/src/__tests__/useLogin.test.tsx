// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { authingQueryKeys, useAuth, useAuthingClient, useLogin, useProfile } from '../index.js'
import { BOB_ID, startAuthing } from './testAuthing.js'

describe('useLogin', () => {
  it('logs in with username and password: session, useAuth and the cached profile update', async () => {
    const authing = await startAuthing()
    const queryClient = authing.newQueryClient()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), {
      wrapper: authing.wrapper({}, queryClient),
    })
    expect(result.current.login).toMatchObject({ isPending: false, error: null })

    let user
    await act(async () => {
      user = await result.current.login.login('username', { username: 'bob', password: 'passw0rd' })
    })
    expect(user).toMatchObject({ id: BOB_ID, username: 'bob' })
    expect(result.current.auth).toMatchObject({ status: 'authenticated', storage: 'local' })
    expect(result.current.auth.user?.id).toBe(BOB_ID)
    expect(localStorage.getItem(authing.tokenKey)).toBe(result.current.auth.idToken)
    expect(queryClient.getQueryData(authingQueryKeys.profile(BOB_ID))).toMatchObject({ username: 'bob' })
  })

  it('serves useProfile from the login result, without another request', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), profile: useProfile() }), { wrapper: authing.wrapper() })
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    expect(result.current.profile.profile?.username).toBe('bob')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(authing.requests.filter((name) => name === 'user')).toEqual([])
  })

  it('keeps a login without remember-me in sessionStorage only', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), { wrapper: authing.wrapper() })
    await act(() =>
      result.current.login.login('email', { email: 'bob@example.com', password: 'passw0rd' }, { rememberMe: false }),
    )
    expect(result.current.auth.storage).toBe('session')
    expect(sessionStorage.getItem(authing.tokenKey)).toBe(result.current.auth.idToken)
    expect(localStorage.getItem(authing.tokenKey)).toBeNull()
  })

  it('follows the provider default rememberMe={false}, and moves the session when a later login remembers it', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), {
      wrapper: authing.wrapper({ rememberMe: false }),
    })
    await act(() => result.current.login.login('phone', { phone: '13800138000', password: 'passw0rd' }))
    expect(sessionStorage.getItem(authing.tokenKey)).not.toBeNull()
    await act(() =>
      result.current.login.login('username', { username: 'bob', password: 'passw0rd' }, { rememberMe: true }),
    )
    expect(result.current.auth.storage).toBe('local')
    expect(localStorage.getItem(authing.tokenKey)).toBe(result.current.auth.idToken)
    expect(sessionStorage.getItem(authing.tokenKey)).toBeNull()
  })

  it('logs in with an SMS code and with an email code', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth(), client: useAuthingClient() }), {
      wrapper: authing.wrapper(),
    })
    await result.current.client.sendSmsCode('13800138000', undefined, 'login')
    await act(() =>
      result.current.login.login('phoneCode', { phone: '13800138000', code: authing.lastCode('13800138000') }),
    )
    expect(result.current.auth.user?.id).toBe(BOB_ID)

    await act(() => result.current.auth.logout())
    await result.current.client.sendEmail('bob@example.com', 'LOGIN_VERIFY_CODE')
    await act(() =>
      result.current.login.login('emailCode', { email: 'bob@example.com', code: authing.lastCode('bob@example.com') }),
    )
    expect(result.current.auth.user?.id).toBe(BOB_ID)
  })

  it('exposes a failed login as error (the session untouched), and reset clears it', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), other: useLogin(), auth: useAuth() }), {
      wrapper: authing.wrapper(),
    })
    await act(() =>
      expect(result.current.login.login('username', { username: 'bob', password: 'nope-nope' })).rejects.toMatchObject({
        code: 2333,
      }),
    )
    await waitFor(() => expect(result.current.login.error?.code).toBe(2333))
    expect(result.current.login.isPending).toBe(false)
    // Per operation: another useLogin knows nothing of it.
    expect(result.current.other.error).toBeNull()
    expect(result.current.auth.status).toBe('anonymous')
    act(() => result.current.login.reset())
    await waitFor(() => expect(result.current.login.error).toBeNull())
  })

  it('returns the same login function across renders', async () => {
    const authing = await startAuthing()
    const { result, rerender } = renderHook(() => useLogin(), { wrapper: authing.wrapper() })
    const { login } = result.current
    rerender()
    expect(result.current.login).toBe(login)
  })

  it('keeps an existing session where it was when a login with another rememberMe fails', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), { wrapper: authing.wrapper() })
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    await act(() =>
      expect(
        result.current.login.login('username', { username: 'bob', password: 'bad-password' }, { rememberMe: false }),
      ).rejects.toThrow(),
    )
    expect(result.current.auth.storage).toBe('local')
  })
})
