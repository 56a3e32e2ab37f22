// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import { type ReactNode, StrictMode, useState } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { AuthingProvider, RequireAuth, useAuth, withAuthenticationRequired } from '../index.js'
import { LoginPage, startAuthing } from './testAuthing.js'

type Authing = Awaited<ReturnType<typeof startAuthing>>

/**
 * Renders with StrictMode at the root: React 19 runs effects twice on mount only there, not under
 * a StrictMode that a wrapper component renders.
 */
function renderStrict(authing: Authing, ui: ReactNode) {
  return render(
    <StrictMode>
      <QueryClientProvider client={authing.newQueryClient()}>
        <AuthingProvider appId={authing.info.appId} appHost={authing.info.appHost} fetch={authing.fetch}>
          {ui}
        </AuthingProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
}

beforeEach(() => {
  window.history.replaceState(null, '', '/')
})

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

/** Components that log each render, to see what was shown and in which order. */
function recorder() {
  const rendered: string[] = []
  const Page = ({ label = 'orders' }: { label?: string }) => {
    rendered.push('page')
    return <p>{label}</p>
  }
  const Fallback = () => {
    rendered.push('fallback')
    return <p>please wait</p>
  }
  return { rendered, Page, Fallback }
}

/** The smallest router: the path in state, navigation through history.pushState. */
function MiniRouter({ routes }: { routes: (navigate: (url: string) => void) => Record<string, ReactNode> }) {
  const [path, setPath] = useState(window.location.pathname)
  const navigate = (url: string) => {
    window.history.pushState(null, '', url)
    setPath(new URL(url, window.location.href).pathname)
  }
  return <>{routes(navigate)[path] ?? <p>not found</p>}</>
}

describe('<RequireAuth>', () => {
  it('renders the children for a restored session in the very first render, before any request', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    const { rendered, Page, Fallback } = recorder()
    const redirect = vi.fn()
    let requestsAtFirstRender = -1
    function Counted() {
      if (requestsAtFirstRender < 0) requestsAtFirstRender = authing.requests.length
      return <Page />
    }
    renderStrict(
      authing,
      <RequireAuth fallback={<Fallback />} redirectTo="/login" onRedirect={redirect}>
        <Counted />
      </RequireAuth>,
    )
    expect(screen.getByText('orders')).toBeTruthy()
    expect(requestsAtFirstRender).toBe(0)
    await waitFor(() => expect(authing.requests).toEqual(['user']))
    expect(rendered).not.toContain('fallback')
    expect(redirect).not.toHaveBeenCalled()
  })

  it('shows the fallback to an anonymous user without redirectTo, then the children once logged in', async () => {
    const authing = await startAuthing()
    renderStrict(
      authing,
      <RequireAuth fallback={<LoginPage navigate={() => undefined} />}>
        <p>orders</p>
      </RequireAuth>,
    )
    expect(screen.queryByText('orders')).toBeNull()
    act(() => screen.getByText('log in').click())
    await screen.findByText('orders')
  })

  it('redirects an anonymous user, remembering the page, and brings them back after a login', async () => {
    const authing = await startAuthing()
    window.history.replaceState(null, '', '/orders?page=2#top')
    const redirects: string[] = []
    renderStrict(
      authing,
      <MiniRouter
        routes={(navigate) => ({
          '/orders': (
            <RequireAuth
              fallback={<p>please wait</p>}
              redirectTo="/login"
              onRedirect={(url) => (redirects.push(url), navigate(url))}
            >
              <p>orders</p>
            </RequireAuth>
          ),
          '/login': <LoginPage navigate={navigate} />,
        })}
      />,
    )
    await screen.findByText('log in')
    expect(redirects).toEqual(['/login'])
    expect(sessionStorage.getItem(`authing-kit:${authing.info.appId}:returnTo`)).toBe('/orders?page=2#top')

    act(() => screen.getByText('log in').click())
    await screen.findByText('orders')
    expect(`${location.pathname}${location.search}${location.hash}`).toBe('/orders?page=2#top')
    // Used once: a later login goes to the default page.
    expect(sessionStorage.getItem(`authing-kit:${authing.info.appId}:returnTo`)).toBeNull()
  })

  it('survives a full-page redirect: the login page of the next page load gets the remembered page', async () => {
    const authing = await startAuthing()
    window.history.replaceState(null, '', '/settings')
    const redirect = vi.fn()
    const guarded = renderStrict(
      authing,
      <RequireAuth redirectTo={(returnTo) => `/login?next=${encodeURIComponent(returnTo)}`} onRedirect={redirect}>
        <p>settings</p>
      </RequireAuth>,
    )
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('/login?next=%2Fsettings'))
    // StrictMode runs the effect twice; a router's navigate still gets one call.
    expect(redirect).toHaveBeenCalledTimes(1)
    guarded.unmount()

    const navigate = vi.fn()
    renderStrict(authing, <LoginPage navigate={navigate} />)
    act(() => screen.getByText('log in').click())
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/settings'))
  })

  it('sends a user who logs out on a guarded page to redirectTo', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    window.history.replaceState(null, '', '/orders')
    const redirect = vi.fn()
    let logout!: () => Promise<void>
    function Page() {
      logout = useAuth((auth) => auth.logout)
      return <p>orders</p>
    }
    renderStrict(
      authing,
      <RequireAuth redirectTo="/login" onRedirect={redirect} fallback={<p>bye</p>}>
        <Page />
      </RequireAuth>,
    )
    expect(redirect).not.toHaveBeenCalled()
    await act(() => logout())
    expect(screen.getByText('bye')).toBeTruthy()
    expect(redirect).toHaveBeenCalledTimes(1)
    expect(redirect).toHaveBeenCalledWith('/login')
  })

  it('never remembers or gives back a page on another origin', async () => {
    const authing = await startAuthing()
    const redirect = vi.fn()
    const key = `authing-kit:${authing.info.appId}:returnTo`
    renderStrict(
      authing,
      <RequireAuth redirectTo="/login" onRedirect={redirect} returnTo="//evil.example/phish">
        <p>orders</p>
      </RequireAuth>,
    )
    await waitFor(() => expect(redirect).toHaveBeenCalled())
    expect(sessionStorage.getItem(key)).toBeNull()

    const navigate = vi.fn()
    sessionStorage.setItem(key, 'https://evil.example/phish')
    renderStrict(authing, <LoginPage navigate={navigate} />)
    act(() => screen.getAllByText('log in')[0]!.click())
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/home'))
  })

  it("renders the fallback in a server render's HTML, and hydrates into the restored session's page", async () => {
    const authing = await startAuthing()
    const { rendered, Page, Fallback } = recorder()
    const app = (
      <StrictMode>
        <AuthingProvider appId={authing.info.appId} appHost={authing.info.appHost} fetch={authing.fetch}>
          <RequireAuth fallback={<Fallback />}>
            <Page />
          </RequireAuth>
        </AuthingProvider>
      </StrictMode>
    )
    const container = document.createElement('div')
    container.innerHTML = renderToString(app)
    document.body.append(container)
    expect(container.textContent).toBe('please wait')
    expect(rendered).not.toContain('page')

    await authing.rememberBob()
    const errors = vi.spyOn(console, 'error')
    let root!: ReturnType<typeof hydrateRoot>
    await act(async () => {
      root = hydrateRoot(container, app)
    })
    expect(container.textContent).toBe('orders')
    expect(errors).not.toHaveBeenCalled()
    act(() => root.unmount())
  })
})

describe('withAuthenticationRequired', () => {
  it('guards a component, passing its props through', async () => {
    const authing = await startAuthing()
    const { Page } = recorder()
    const Guarded = withAuthenticationRequired(Page, { fallback: <LoginPage navigate={() => undefined} /> })
    expect(Guarded.displayName).toBe('withAuthenticationRequired(Page)')
    renderStrict(authing, <Guarded label="my orders" />)
    expect(screen.queryByText('my orders')).toBeNull()
    act(() => screen.getByText('log in').click())
    await screen.findByText('my orders')
  })
})
