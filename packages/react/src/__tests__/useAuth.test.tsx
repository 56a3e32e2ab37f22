// @vitest-environment jsdom
import type { AuthenticationClient } from '@authing-kit/client'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { useAuth, useAuthingClient } from '../index.js'
import { startAuthing } from './testAuthing.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('useAuth', () => {
  it('re-renders a selector consumer only when the selected value changes', async () => {
    const authing = await startAuthing()
    const renders = { status: 0, token: 0 }
    let client!: AuthenticationClient
    function Status() {
      renders.status++
      client = useAuthingClient()
      return <p>{useAuth((auth) => auth.status)}</p>
    }
    function Token() {
      renders.token++
      return <p>{useAuth((auth) => auth.idToken) ?? 'no token'}</p>
    }
    const Wrapper = authing.wrapper()
    render(
      <Wrapper>
        <Status />
        <Token />
      </Wrapper>,
    )
    await act(() => client.loginByUsername('bob', 'passw0rd'))
    expect(screen.getByText('authenticated')).toBeTruthy()
    const before = { ...renders }

    // A new token for the same user: the token consumer re-renders, the status consumer does not.
    await act(() => client.refreshToken())
    expect(renders.token).toBeGreaterThan(before.token)
    expect(renders.status).toBe(before.status)
  })

  it('returns the same state object until the session changes', async () => {
    const authing = await startAuthing()
    const { result, rerender } = renderHook(() => useAuth(), { wrapper: authing.wrapper() })
    const before = result.current
    rerender()
    expect(result.current).toBe(before)
    expect(before).toMatchObject({
      status: 'anonymous',
      isAuthenticated: false,
      user: null,
      idToken: null,
      storage: 'local',
      error: null,
    })
  })

  it('logout clears the session and storage, and keeps the server failure as error', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    const { result } = renderHook(() => useAuth(), { wrapper: authing.wrapper() })
    await waitFor(() => expect(authing.requests).toContain('user'))
    authing.setOffline(true)
    await act(() => result.current.logout())
    expect(result.current).toMatchObject({ status: 'anonymous', user: null, idToken: null })
    expect(result.current.error?.code).toBe('network_error')
    expect(localStorage.getItem(authing.tokenKey)).toBeNull()
  })
})

describe('token expiry', () => {
  it('turns anonymous the moment the token expires', async () => {
    const authing = await startAuthing({ tokenLifetimeSeconds: 120 })
    await authing.rememberBob()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const { result } = renderHook(() => useAuth((auth) => auth.status), { wrapper: authing.wrapper() })
    expect(result.current).toBe('authenticated')
    await act(() => vi.advanceTimersByTimeAsync(110_000))
    expect(result.current).toBe('authenticated')
    await act(() => vi.advanceTimersByTimeAsync(11_000))
    expect(result.current).toBe('anonymous')
    expect(localStorage.getItem(authing.tokenKey)).toBeNull()
  })

  it('with autoRefresh, renews the token shortly before it expires instead', async () => {
    // The emulator reads the (fake) clock at each call, so the renewed token lives from the fake now.
    const authing = await startAuthing({ tokenLifetimeSeconds: 120, now: () => Date.now() })
    const bob = await authing.rememberBob()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const { result } = renderHook(() => useAuth(), { wrapper: authing.wrapper({ autoRefresh: true }) })
    await act(() => vi.advanceTimersByTimeAsync(61_000))
    expect(authing.requests).toContain('refreshToken')
    // The refresh runs on the real event loop (WebCrypto); wait for it without moving the fake clock,
    // bounded by real time (performance.now is not faked) rather than by a count of turns, which a
    // loaded machine can exhaust.
    const deadline = performance.now() + 10_000
    while (result.current.idToken === bob.token && performance.now() < deadline) {
      await act(() => new Promise((resolve) => setImmediate(resolve)))
    }
    await act(() => vi.advanceTimersByTimeAsync(64_000))
    expect(result.current.status).toBe('authenticated')
    expect(result.current.idToken).not.toBe(bob.token)
    expect(localStorage.getItem(authing.tokenKey)).toBe(result.current.idToken)
  })
})
