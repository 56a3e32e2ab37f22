// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { useAuth, useAuthingClient, useLogin, useProfile } from '../index.js'
import { startAuthing } from './testAuthing.js'

describe('useProfile', () => {
  it('is null, not loading and sends nothing when logged out', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => useProfile(), { wrapper: authing.wrapper() })
    expect(result.current).toMatchObject({ profile: null, isLoading: false, error: null, isUpdating: false })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(authing.requests).toEqual([])
  })

  it('shows the remembered user at once and refreshes it with one request for many consumers', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    const { result } = renderHook(() => [useProfile(), useProfile(), useProfile()], { wrapper: authing.wrapper() })
    expect(result.current[0]?.profile?.username).toBe('bob')
    expect(result.current[0]?.isLoading).toBe(false)
    await waitFor(() => expect(authing.requests).toEqual(['user']))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(authing.requests).toEqual(['user'])
  })

  it('exposes a failed fetch as error', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), profile: useProfile() }), { wrapper: authing.wrapper() })
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    authing.setOffline(true)
    await act(() => result.current.profile.refetch())
    await waitFor(() => expect(result.current.profile.error?.code).toBe('network_error'))
    expect(result.current.profile.profile?.username).toBe('bob')
  })

  it('updates optimistically, then with what the server answered', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), profile: useProfile(), auth: useAuth() }), {
      wrapper: authing.wrapper(),
    })
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    const release = authing.hold()
    let update!: Promise<unknown>
    act(() => {
      update = result.current.profile.update({ nickname: 'Bobby' })
    })
    await waitFor(() => expect(result.current.profile.profile?.nickname).toBe('Bobby'))
    expect(result.current.profile.isUpdating).toBe(true)
    // Optimistic: the session (useAuth) still holds what the server last said.
    expect(result.current.auth.user?.nickname).toBe('Bob')
    release()
    await act(() => update)
    await waitFor(() => expect(result.current.profile).toMatchObject({ isUpdating: false, updateError: null }))
    expect(result.current.auth.user?.nickname).toBe('Bobby')
    expect(result.current.profile.profile?.nickname).toBe('Bobby')
  })

  it('rolls the optimistic update back when the server refuses it', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), profile: useProfile(), client: useAuthingClient() }), {
      wrapper: authing.wrapper(),
    })
    await result.current.client.registerByUsername('alice', 'passw0rd')
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    const release = authing.hold()
    let update!: Promise<unknown>
    act(() => {
      update = result.current.profile.update({ username: 'alice' })
      update.catch(() => undefined)
    })
    await waitFor(() => expect(result.current.profile.profile?.username).toBe('alice'))
    release()
    await act(() => expect(update).rejects.toMatchObject({ code: 2034 }))
    await waitFor(() => expect(result.current.profile.updateError?.code).toBe(2034))
    expect(result.current.profile.profile?.username).toBe('bob')
    expect(result.current.profile.error).toBeNull()
  })

  it('never shows the previous user’s profile after the user changes', async () => {
    const authing = await startAuthing()
    // Every render's session user next to the profile it shows: none may pair alice with bob's profile.
    const renders: [string | undefined, string | null | undefined][] = []
    const { result } = renderHook(
      () => {
        const hooks = {
          login: useLogin(),
          profile: useProfile(),
          client: useAuthingClient(),
          user: useAuth((auth) => auth.user),
        }
        renders.push([hooks.user?.username ?? undefined, hooks.profile.profile?.username])
        return hooks
      },
      { wrapper: authing.wrapper() },
    )
    await result.current.client.registerByUsername('alice', 'passw0rd')
    await act(() => result.current.login.login('username', { username: 'bob', password: 'passw0rd' }))
    expect(result.current.profile.profile?.username).toBe('bob')
    await act(() => result.current.login.login('username', { username: 'alice', password: 'passw0rd' }))
    await waitFor(() => expect(result.current.profile.profile?.username).toBe('alice'))
    expect(renders.filter(([user]) => user === 'alice').map(([, shown]) => shown)).not.toContain('bob')
  })
})
