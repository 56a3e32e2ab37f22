// @vitest-environment jsdom
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { AuthingProvider, RequireAuth, useAuth, useAuthingClient } from '../index.js'
import { LoginPage, renderAuth, startAuthing } from './testAuthing.js'

type Authing = Awaited<ReturnType<typeof startAuthing>>

// Each of these looks like a path to a check of its first characters, or is not a path at all; every
// one of them leads the browser off this origin (URL parsers drop tab, CR and LF, and read `\` as `/`).
const offOrigin = [
  '/\t/evil.com',
  '/\n/evil.com',
  '/\r/evil.com',
  '/\t\\evil.com',
  '//evil.com',
  '/\\evil.com',
  '\\/evil.com',
  'https:evil.com',
  'https://evil.com/',
  'javascript:alert(1)',
  ' //evil.com',
]

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
  cleanup()
  sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})

function wrapper(authing: Authing, openUrl: (url: string) => void = () => {}) {
  return function Provider({ children }: { children?: ReactNode }) {
    return (
      <AuthingProvider
        appId={authing.info.appId}
        appHost={authing.info.appHost}
        fetch={authing.fetch}
        openUrl={openUrl}
      >
        {children}
      </AuthingProvider>
    )
  }
}

describe('security 20: returnTo never leaves the origin', () => {
  it('security 20: useReturnTo gives back the fallback for every off-origin value, and a real path as it is', async () => {
    const authing = await startAuthing()
    const key = `authing-kit:${authing.info.appId}:returnTo`
    const Provider = wrapper(authing)
    for (const [stored, expected] of [
      ...offOrigin.map((value) => [value, '/home']),
      ['/orders?p=2#top', '/orders?p=2#top'],
    ]) {
      const navigate = vi.fn()
      sessionStorage.setItem(key, stored!)
      render(
        <Provider>
          <LoginPage navigate={navigate} />
        </Provider>,
      )
      act(() => screen.getByText('log in').click())
      await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1))
      expect([stored, navigate.mock.calls[0]?.[0]]).toEqual([stored, expected])
      cleanup()
    }
  })

  it('security 20: <RequireAuth returnTo> never remembers an off-origin value', async () => {
    const authing = await startAuthing()
    const key = `authing-kit:${authing.info.appId}:returnTo`
    const Provider = wrapper(authing)
    for (const returnTo of offOrigin) {
      const redirect = vi.fn()
      render(
        <Provider>
          <RequireAuth redirectTo="/login" onRedirect={redirect} returnTo={returnTo}>
            <p>orders</p>
          </RequireAuth>
        </Provider>,
      )
      await waitFor(() => expect(redirect).toHaveBeenCalled())
      expect([returnTo, sessionStorage.getItem(key)]).toEqual([returnTo, null])
      cleanup()
    }
  })

  it('security 20: loginWithRedirect({ returnTo }) keeps the current page instead of an off-origin value', async () => {
    const authing = await startAuthing()
    const opened: string[] = []
    window.history.replaceState(null, '', '/orders')
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper(authing, (url) => void opened.push(url)) })
    for (const returnTo of [...offOrigin, '/billing']) {
      await act(() => result.current.loginWithRedirect({ returnTo }))
      const state = new URL(opened.at(-1) ?? '').searchParams.get('state')
      const stored = JSON.parse(sessionStorage.getItem(`authing-kit:${authing.info.appId}:oidc:${state}`) ?? 'null')
      expect([returnTo, stored?.appState?.returnTo]).toEqual([
        returnTo,
        returnTo === '/billing' ? '/billing' : '/orders',
      ])
    }
  })
})

describe('security 19: logout reaches every storage the session was written to', () => {
  it('security 19: storage failing mid-session (quota): after logout, the next page load is logged out', async () => {
    const authing = await startAuthing()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { result, unmount } = renderHook(() => ({ auth: useAuth(), client: useAuthingClient() }), {
      wrapper: authing.wrapper(),
    })
    await act(() => result.current.client.loginByUsername('bob', 'passw0rd'))
    await waitFor(() => expect(result.current.auth.status).toBe('authenticated'))
    expect(localStorage.getItem(authing.tokenKey)).not.toBeNull()

    // The storage fills up: the next write fails and the session moves to memory.
    const quota = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError')
    })
    await act(() => result.current.client.loginByUsername('bob', 'passw0rd'))
    await waitFor(() => expect(result.current.auth.storage).toBe('memory'))
    await act(() => result.current.auth.logout())
    expect(result.current.auth.status).toBe('anonymous')
    unmount()
    quota.mockRestore()

    expect([localStorage.getItem(authing.tokenKey), sessionStorage.getItem(authing.tokenKey)]).toEqual([null, null])
    const nextPage = renderAuth(authing.wrapper())
    expect(nextPage.seen[0]?.status).toBe('anonymous')
    nextPage.unmount()
  })
})
