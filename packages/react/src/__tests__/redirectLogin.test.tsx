// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'

import { logInThroughHostedPage } from '../../../client/src/__tests__/protocolFlow.js'
import { AuthingProvider, type AuthState, type RedirectProps, useAuth } from '../index.js'
import { BOB_ID, startAuthing } from './testAuthing.js'

const origin = window.location.origin

afterEach(() => {
  window.history.replaceState(null, '', '/')
})

/** The emulator, a provider factory on it, and the URLs the providers sent the browser to. */
async function startRedirectApp() {
  const authing = await startAuthing()
  const opened: string[] = []
  const provider = (props: RedirectProps = {}) =>
    function Provider({ children }: { children?: ReactNode }) {
      return (
        <AuthingProvider
          appId={authing.info.appId}
          appHost={authing.info.appHost}
          fetch={authing.fetch}
          openUrl={(url) => void opened.push(url)}
          {...props}
        >
          {children}
        </AuthingProvider>
      )
    }
  const tokenRequests = () => authing.requests.filter((path) => path === '/oidc/token').length
  const transactionKeys = () =>
    Object.keys(sessionStorage).filter(
      (key) => key.startsWith(`authing-kit:${authing.info.appId}:oidc:`) && !key.endsWith(':handled'),
    )

  /** Starts a login from `page`, logs bob in on the hosted page, and leaves the browser on the callback URL. */
  const comeBackFromHostedLogin = async (
    page = '/orders?page=2',
    options: Parameters<AuthState['loginWithRedirect']>[0] = {},
  ) => {
    window.history.replaceState(null, '', page)
    const { result, unmount } = renderHook(() => useAuth(), {
      wrapper: provider({ redirectUri: `${origin}/callback` }),
    })
    await act(() => result.current.loginWithRedirect(options))
    unmount()
    const authorizeUrl = opened.at(-1) ?? ''
    const { callback, cookie } = await logInThroughHostedPage(authing.emulator, authorizeUrl)
    window.history.replaceState(null, '', `${callback.pathname}${callback.search}`)
    return { authorizeUrl: new URL(authorizeUrl), callback, cookie }
  }

  return { authing, opened, provider, tokenRequests, transactionKeys, comeBackFromHostedLogin }
}

describe('loginWithRedirect', () => {
  it('sends the browser to the hosted login with PKCE, keeping state, verifier and nonce in sessionStorage', async () => {
    const app = await startRedirectApp()
    const { result } = renderHook(() => useAuth(), { wrapper: app.provider() })
    await act(() => result.current.loginWithRedirect())
    const url = new URL(app.opened[0] ?? '')
    expect(`${url.origin}${url.pathname}`).toBe(`${app.authing.info.appHost}/oidc/auth`)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('redirect_uri')).toBe(`${origin}/`)
    const state = url.searchParams.get('state') ?? ''
    const stored = JSON.parse(sessionStorage.getItem(`authing-kit:${app.authing.info.appId}:oidc:${state}`) ?? 'null')
    expect(stored).toMatchObject({
      nonce: url.searchParams.get('nonce'),
      redirectUri: `${origin}/`,
      appState: { returnTo: '/' },
    })
    expect(stored.codeVerifier).toMatch(/^[A-Za-z0-9]{43}$/)
  })

  it('works as a click handler (the event is not taken for options)', async () => {
    const app = await startRedirectApp()
    window.history.replaceState(null, '', '/orders')
    const Provider = app.provider()
    function LoginButton() {
      const { loginWithRedirect } = useAuth()
      return <button onClick={loginWithRedirect}>Log in</button>
    }
    render(
      <Provider>
        <LoginButton />
      </Provider>,
    )
    fireEvent.click(screen.getByText('Log in'))
    await waitFor(() => expect(app.opened).toHaveLength(1))
    const url = new URL(app.opened[0] ?? '')
    expect(url.searchParams.get('scope')).toBe('openid profile email phone address')
    const stored = JSON.parse(
      sessionStorage.getItem(`authing-kit:${app.authing.info.appId}:oidc:${url.searchParams.get('state')}`) ?? 'null',
    )
    expect(stored.appState).toEqual({ returnTo: '/orders' })
  })
})

describe('the redirect callback', () => {
  it('exchanges the code once under StrictMode, logs the user in and goes back to the page the login started from', async () => {
    const app = await startRedirectApp()
    await app.comeBackFromHostedLogin('/orders?page=2', { appState: { tab: 'billing' } })
    const statuses: string[] = []
    const { result } = renderHook(
      () => {
        const auth = useAuth()
        statuses.push(auth.status)
        return auth
      },
      { wrapper: app.provider({ redirectUri: `${origin}/callback` }) },
    )
    expect(statuses[0]).toBe('loading')
    await waitFor(() => expect(result.current.status).toBe('authenticated'))
    expect(result.current.user?.id).toBe(BOB_ID)
    expect(result.current.error).toBeNull()
    expect(statuses).not.toContain('anonymous')
    expect(app.tokenRequests()).toBe(1)
    expect(app.authing.requests).toContain('user')
    expect(`${window.location.pathname}${window.location.search}`).toBe('/orders?page=2')
    expect(app.transactionKeys()).toEqual([])
    expect(localStorage.getItem(app.authing.tokenKey)).toBe(result.current.idToken)
  })

  it('hands the app state to onRedirectCallback, and two providers on one page share one exchange', async () => {
    const app = await startRedirectApp()
    await app.comeBackFromHostedLogin('/start', { appState: { tab: 'billing' }, returnTo: '/orders' })
    const calls: unknown[] = []
    const Provider = app.provider({
      redirectUri: `${origin}/callback`,
      onRedirectCallback: (appState) => void calls.push(appState),
    })
    const seen: Record<string, AuthState> = {}
    const Probe = ({ name }: { name: string }) => {
      seen[name] = useAuth()
      return null
    }
    render(
      <>
        <Provider>
          <Probe name="a" />
        </Provider>
        <Provider>
          <Probe name="b" />
        </Provider>
      </>,
    )
    await waitFor(() => expect([seen.a?.status, seen.b?.status]).toEqual(['authenticated', 'authenticated']))
    expect(app.tokenRequests()).toBe(1)
    expect(calls).toEqual([
      { tab: 'billing', returnTo: '/orders' },
      { tab: 'billing', returnTo: '/orders' },
    ])
  })

  it('does nothing on a reload of the callback URL after the login, but clean the URL', async () => {
    const app = await startRedirectApp()
    const { callback } = await app.comeBackFromHostedLogin()
    const first = renderHook(() => useAuth((auth) => auth.status), {
      wrapper: app.provider({ redirectUri: `${origin}/callback` }),
    })
    await waitFor(() => expect(first.result.current).toBe('authenticated'))
    cleanup()

    window.history.replaceState(null, '', `${callback.pathname}${callback.search}`)
    const { result } = renderHook(() => useAuth(), { wrapper: app.provider({ redirectUri: `${origin}/callback` }) })
    await waitFor(() => expect(window.location.search).toBe(''))
    expect(result.current).toMatchObject({ status: 'authenticated', error: null })
    expect(result.current.user?.id).toBe(BOB_ID)
    expect(app.tokenRequests()).toBe(1)
    expect(window.location.pathname).toBe('/callback')
  })

  it('refuses a callback whose state matches no login of this tab', async () => {
    const app = await startRedirectApp()
    const { callback } = await app.comeBackFromHostedLogin()
    callback.searchParams.set('state', 'forged')
    window.history.replaceState(null, '', `${callback.pathname}${callback.search}`)
    const { result } = renderHook(() => useAuth(), { wrapper: app.provider() })
    await waitFor(() => expect(result.current.status).toBe('anonymous'))
    expect(result.current.error?.code).toBe('invalid_state')
    expect(app.tokenRequests()).toBe(0)
    expect(window.location.search).toBe('')
    expect(localStorage.getItem(app.authing.tokenKey)).toBeNull()
  })

  it('exposes an error sent back by the hosted login, and forgets its transaction', async () => {
    const app = await startRedirectApp()
    const { result: login } = renderHook(() => useAuth(), { wrapper: app.provider() })
    await act(() => login.current.loginWithRedirect())
    cleanup()
    const state = new URL(app.opened[0] ?? '').searchParams.get('state') ?? ''
    window.history.replaceState(
      null,
      '',
      `/?error=access_denied&error_description=${encodeURIComponent('The user said no')}&state=${state}`,
    )
    const { result } = renderHook(() => useAuth(), { wrapper: app.provider() })
    await waitFor(() => expect(result.current.status).toBe('anonymous'))
    expect(result.current.error).toMatchObject({ code: 'access_denied', message: 'The user said no' })
    expect(app.transactionKeys()).toEqual([])
    expect(app.tokenRequests()).toBe(0)
  })

  it('leaves the URL alone with skipRedirectCallback', async () => {
    const app = await startRedirectApp()
    await app.comeBackFromHostedLogin()
    const search = window.location.search
    const { result } = renderHook(() => useAuth((auth) => auth.status), {
      wrapper: app.provider({ skipRedirectCallback: true }),
    })
    expect(result.current).toBe('anonymous')
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(window.location.search).toBe(search)
    expect(app.tokenRequests()).toBe(0)
  })
})

describe('federated logout', () => {
  it('ends the local session, then the hosted one', async () => {
    const app = await startRedirectApp()
    const { authorizeUrl, cookie } = await app.comeBackFromHostedLogin()
    const { result } = renderHook(() => useAuth(), { wrapper: app.provider({ redirectUri: `${origin}/callback` }) })
    await waitFor(() => expect(result.current.status).toBe('authenticated'))
    const idToken = result.current.idToken ?? ''
    await act(() => result.current.logout({ federated: true, returnTo: `${origin}/bye` }))
    expect(result.current.status).toBe('anonymous')
    const logoutUrl = app.opened.at(-1) ?? ''
    expect(logoutUrl).toBe(
      `${app.authing.info.appHost}/oidc/session/end?id_token_hint=${idToken}&post_logout_redirect_uri=${encodeURIComponent(`${origin}/bye`)}`,
    )

    // The browser follows it: the hosted session ends, and the next authorize shows the login page again.
    const ended = await app.authing.emulator.fetch(new Request(logoutUrl, { headers: { cookie }, redirect: 'manual' }))
    expect(ended.headers.get('location')).toBe(`${origin}/bye`)
    const cleared = (ended.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const again = await app.authing.emulator.fetch(
      new Request(authorizeUrl, { headers: { cookie: cleared }, redirect: 'manual' }),
    )
    expect(again.status).toBe(200)
  })

  it('a plain logout stays in the page', async () => {
    const app = await startRedirectApp()
    await app.comeBackFromHostedLogin()
    const { result } = renderHook(() => useAuth(), { wrapper: app.provider({ redirectUri: `${origin}/callback` }) })
    await waitFor(() => expect(result.current.status).toBe('authenticated'))
    const opened = app.opened.length
    await act(() => result.current.logout())
    expect(result.current.status).toBe('anonymous')
    expect(app.opened.length).toBe(opened)
  })
})
