// @vitest-environment jsdom
import {
  AuthenticationClient,
  createMemoryStore,
  decodeJwtClaims,
  DEFAULT_APP_HOST,
  type User,
} from '@authing-kit/client'
import { render, renderHook, screen, waitFor } from '@testing-library/react'
import { type ReactNode, version } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { AuthingProvider, authingQueryKeys, useAuth, useAuthingClient, useProfile } from '../index.js'
import { BOB_ID, renderAuth, startAuthing, unsignedToken } from './testAuthing.js'

afterEach(() => {
  vi.restoreAllMocks()
})

const clientOn = ({ info, fetch }: Awaited<ReturnType<typeof startAuthing>>) => ({
  appId: info.appId,
  appHost: info.appHost,
  fetch,
  tokenStore: createMemoryStore(),
})

describe('restoring a remembered session', () => {
  it('renders authenticated with the stored user in the very first render, before any request', async () => {
    const authing = await startAuthing()
    const bob = await authing.rememberBob()
    let requestsAtFirstRender = -1
    const { result } = renderHook(
      () => {
        const auth = useAuth()
        if (requestsAtFirstRender < 0) requestsAtFirstRender = authing.requests.length
        return auth
      },
      { wrapper: authing.wrapper() },
    )
    expect(requestsAtFirstRender).toBe(0)
    expect(result.current).toMatchObject({
      status: 'authenticated',
      isAuthenticated: true,
      idToken: bob.token,
      storage: 'local',
    })
    expect(result.current.user?.id).toBe(BOB_ID)
    // …then the server confirms it in the background, once (StrictMode mounts effects twice).
    await waitFor(() => expect(authing.requests).toEqual(['user']))
    expect(result.current.status).toBe('authenticated')
  })

  it('stays logged in and exposes the error when the revalidation cannot reach the server', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    authing.setOffline(true)
    const { result } = renderAuth(authing.wrapper())
    await waitFor(() => expect(result.current.error?.code).toBe('network_error'))
    expect(result.current.status).toBe('authenticated')
    expect(localStorage.getItem(authing.tokenKey)).not.toBeNull()
  })

  const discarded: [string, (bob: User) => { token: string; user: object }][] = [
    [
      'tampered (another subject)',
      (bob) => ({
        token: unsignedToken({ sub: 'someone-else', exp: Math.floor(Date.now() / 1000) + 3600 }),
        user: bob,
      }),
    ],
    ['without a stored user', (bob) => ({ token: bob.token!, user: { notAUser: true } })],
  ]
  for (const [name, make] of discarded) {
    it(`starts anonymous, clears storage and sends nothing for a token ${name}`, async () => {
      const authing = await startAuthing()
      const bob = await authing.rememberBob()
      const { token, user } = make(bob)
      localStorage.setItem(authing.tokenKey, token)
      localStorage.setItem(authing.userKey, JSON.stringify({ ...user, token }))
      const { result, seen } = renderAuth(authing.wrapper())
      expect(seen[0]?.status).toBe('anonymous')
      expect(localStorage.getItem(authing.tokenKey)).toBeNull()
      expect(localStorage.getItem(authing.userKey)).toBeNull()
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(authing.requests).toEqual([])
      expect(result.current.status).toBe('anonymous')
    })
  }

  it('restores a remembered session without opening sessionStorage (each storage opened is a synchronous round trip)', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    const opened = vi.spyOn(window, 'sessionStorage', 'get')
    const { result } = renderAuth(authing.wrapper())
    expect(result.current).toMatchObject({ status: 'authenticated', storage: 'local' })
    expect(opened).not.toHaveBeenCalled()
  })

  it('prefers the remembered session when this tab also kept an older one in sessionStorage (it missed a login elsewhere)', async () => {
    const authing = await startAuthing()
    const bob = await authing.rememberBob()
    sessionStorage.setItem(authing.tokenKey, unsignedToken({ sub: BOB_ID, exp: Math.floor(Date.now() / 1000) + 3600 }))
    const { result } = renderAuth(authing.wrapper())
    expect(result.current).toMatchObject({ status: 'authenticated', storage: 'local', idToken: bob.token })
    // The next write of the session removes the stale copy.
    result.current.logout()
    await waitFor(() => expect(sessionStorage.getItem(authing.tokenKey)).toBeNull())
  })

  it('restores a session on the default server (no appHost): its tokens name the app’s own domain as issuer', async () => {
    const authing = await startAuthing()
    const bob = await authing.rememberBob()
    expect(decodeJwtClaims(bob.token!)?.iss).toBe(`${authing.info.appHost}/oidc`)
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <AuthingProvider appId={authing.info.appId} fetch={authing.fetch}>
        {children}
      </AuthingProvider>
    )
    const { result } = renderHook(() => ({ auth: useAuth(), client: useAuthingClient() }), { wrapper })
    expect(result.current.client.appHost).toBe(DEFAULT_APP_HOST)
    expect(result.current.auth).toMatchObject({ status: 'authenticated', idToken: bob.token })
  })

  it('restores a session kept in sessionStorage (a login without remember-me) as storage "session"', async () => {
    const authing = await startAuthing()
    await authing.rememberBob(sessionStorage)
    const { result } = renderAuth(authing.wrapper())
    expect(result.current).toMatchObject({ status: 'authenticated', storage: 'session' })
  })
})

describe('the provider', () => {
  it('builds one client per provider, shared by every hook, even in StrictMode', async () => {
    const authing = await startAuthing()
    const read = vi.spyOn(Storage.prototype, 'getItem')
    const { result } = renderHook(() => [useAuthingClient(), useAuthingClient()], { wrapper: authing.wrapper() })
    const [first, second] = result.current
    expect(first).toBeInstanceOf(AuthenticationClient)
    expect(first).toBe(second)
    // One client restores the session once: the router reads each storage's token key once, the client once.
    // React 18's StrictMode builds it twice on mount (React 19 keeps the first render's ref); only the
    // kept one is started by its effect.
    const builds = version.startsWith('18.') ? 2 : 1
    expect(read.mock.calls.filter(([key]) => key === authing.tokenKey)).toHaveLength(3 * builds)
  })

  it('gives two providers separate clients and stores', async () => {
    const authing = await startAuthing()
    const clients: AuthenticationClient[] = []
    const Probe = () => {
      clients.push(useAuthingClient())
      return null
    }
    const Wrapper = authing.wrapper()
    render(
      <>
        <Wrapper>
          <Probe />
        </Wrapper>
        <Wrapper>
          <Probe />
        </Wrapper>
      </>,
    )
    expect(new Set(clients).size).toBe(2)
  })

  it('works with a prebuilt client and without any QueryClientProvider', async () => {
    const authing = await startAuthing()
    const client = new AuthenticationClient(clientOn(authing))
    await client.loginByUsername('bob', 'passw0rd')
    const { result } = renderHook(() => ({ auth: useAuth(), profile: useProfile(), client: useAuthingClient() }), {
      wrapper: authing.wrapper({ client }, null),
    })
    expect(result.current.client).toBe(client)
    expect(result.current.auth.status).toBe('authenticated')
    await waitFor(() => expect(result.current.profile.profile?.username).toBe('bob'))
  })

  it('uses the QueryClient given as a prop', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    const queryClient = authing.newQueryClient()
    const { result } = renderHook(() => useProfile(), { wrapper: authing.wrapper({ queryClient }, null) })
    await waitFor(() => expect(authing.requests).toEqual(['user']))
    await waitFor(() =>
      expect(queryClient.getQueryState(authingQueryKeys.profile(BOB_ID))?.dataUpdatedAt).toBeGreaterThan(0),
    )
    expect(result.current.profile?.username).toBe('bob')
  })

  it('asks for server messages in the language of its lang prop, following changes', async () => {
    const authing = await startAuthing()
    let client!: AuthenticationClient
    const Probe = () => {
      client = useAuthingClient()
      return null
    }
    const app = (lang: 'en-US' | 'zh-CN') => (
      <AuthingProvider appId={authing.info.appId} appHost={authing.info.appHost} fetch={authing.fetch} lang={lang}>
        <Probe />
      </AuthingProvider>
    )
    const failedLogin = () => client.loginByUsername('bob', 'wrong-password').catch((error: Error) => error.message)
    const { rerender } = render(app('en-US'))
    expect(await failedLogin()).not.toMatch(/[\u4e00-\u9fff]/)
    const first = client
    rerender(app('zh-CN'))
    expect(client).toBe(first)
    expect(await failedLogin()).toMatch(/[\u4e00-\u9fff]/)
  })

  it('keeps the token a prebuilt client was given without a user, and fetches the user', async () => {
    const authing = await startAuthing()
    const bob = await authing.rememberBob(createMemoryStore())
    const client = new AuthenticationClient({ ...clientOn(authing), token: bob.token! })
    const { result } = renderHook(() => useAuth(), { wrapper: authing.wrapper({ client }) })
    expect(result.current).toMatchObject({ status: 'authenticated', user: null, idToken: bob.token })
    await waitFor(() => expect(result.current.user?.id).toBe(BOB_ID))
  })

  it('passes failures of every call to onError', async () => {
    const authing = await startAuthing()
    const onError = vi.fn()
    const { result } = renderHook(() => useAuthingClient(), { wrapper: authing.wrapper({ onError }) })
    await expect(result.current.loginByUsername('bob', 'wrong-password')).rejects.toMatchObject({ code: 2333 })
    expect(onError).toHaveBeenCalledWith(2333, expect.any(String), { remainCount: expect.any(Number) })
  })

  it('throws a message that says how to fix it when a hook is used outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    // React 18 also rethrows render errors as the page's uncaught errors, which jsdom prints.
    const quiet = (event: ErrorEvent) => event.preventDefault()
    window.addEventListener('error', quiet)
    try {
      expect(() => renderHook(() => useAuth())).toThrow(
        /useAuth must be used inside <AuthingProvider>.*Wrap your app in <AuthingProvider/,
      )
      expect(() => renderHook(() => useProfile())).toThrow(/useProfile must be used inside <AuthingProvider>/)
    } finally {
      window.removeEventListener('error', quiet)
    }
  })

  it('renders its children', async () => {
    const authing = await startAuthing()
    const Wrapper = authing.wrapper()
    render(<Wrapper>hello</Wrapper>)
    expect(screen.getByText('hello')).toBeTruthy()
  })
})
