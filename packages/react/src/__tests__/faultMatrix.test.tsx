// @vitest-environment jsdom
/**
 * The fault matrix of issue 7, items the React provider owns: the remembered session (1–5), the
 * form's answer to 429 (11) and concurrent logins (16). CI prints a table from the `fault N:` names;
 * the client's and the emulator's items are in their packages. Everything runs on the real emulator.
 */
import { AuthenticationClient, createMemoryStore, type FetchFunction, type User } from '@authing-kit/client'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { editToken } from '../../../client/src/__tests__/editToken.js'
import { useAuth, useAuthingClient, useLogin } from '../index.js'
import { LoginForm } from '../loginForm.js'
import { BOB_ID, renderAuth, startAuthing } from './testAuthing.js'

afterEach(() => {
  vi.restoreAllMocks()
})

type Authing = Awaited<ReturnType<typeof startAuthing>>

/** Puts `token` (and the user it would belong to) where a previous page load would have left them. */
function remember(authing: Authing, bob: User, token: string) {
  localStorage.setItem(authing.tokenKey, token)
  localStorage.setItem(authing.userKey, JSON.stringify({ ...bob, token }))
}

/** The provider starts anonymous, has emptied storage, and sends nothing (the token reaches no server). */
async function expectDiscarded(authing: Authing, token: string, bob: User) {
  remember(authing, bob, token)
  const { result, seen, unmount } = renderAuth(authing.wrapper())
  expect(seen[0]?.status).toBe('anonymous')
  expect([localStorage.getItem(authing.tokenKey), localStorage.getItem(authing.userKey)]).toEqual([null, null])
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(authing.requests).toEqual([])
  expect(result.current.status).toBe('anonymous')
  unmount()
}

describe('fault matrix', () => {
  it('fault 1: a remembered token expired beyond the 60 s leeway starts anonymous, is removed, and no request sends it', async () => {
    const lifetime = 3600
    // Signed by the emulator on a clock that ran lifetime + 61 s ago: a real, expired token.
    const authing = await startAuthing({
      tokenLifetimeSeconds: lifetime,
      now: () => Date.now() - (lifetime + 61) * 1000,
    })
    const bob = await authing.rememberBob()
    await expectDiscarded(authing, bob.token!, bob)
  })

  it('fault 2: a token whose payload was edited (signature kept) fails the first server call; storage cleared, logged out', async () => {
    const authing = await startAuthing()
    const bob = await authing.rememberBob()
    // Fourteen more days: locally plausible, but no longer what the emulator signed.
    const extended = editToken(bob.token!, { claims: { exp: Math.floor(Date.now() / 1000) + 28 * 86_400 } })
    remember(authing, bob, extended)
    const { result, seen } = renderAuth(authing.wrapper())
    expect(seen[0]?.status).toBe('authenticated')
    await waitFor(() => expect(result.current.status).toBe('anonymous'))
    expect(authing.requests).toEqual(['user'])
    expect(result.current.user).toBeNull()
    expect([localStorage.getItem(authing.tokenKey), localStorage.getItem(authing.userKey)]).toEqual([null, null])
  })

  it('fault 3: a token for another app (aud), from another issuer (iss) or with alg none is never trusted and is cleared', async () => {
    const authing = await startAuthing()
    const bob = await authing.rememberBob()
    const untrusted = [
      editToken(bob.token!, { claims: { aud: 'another-app' } }),
      editToken(bob.token!, { claims: { aud: ['another-app'] } }),
      editToken(bob.token!, { claims: { iss: 'https://evil.example.com/oidc' } }),
      editToken(bob.token!, { header: { alg: 'none' } }),
      editToken(bob.token!, { header: { alg: 'none' }, signature: '' }),
    ]
    for (const token of untrusted) await expectDiscarded(authing, token, bob)
  })

  it('fault 4: malformed tokens (two segments, bad base64url, non-JSON payload, 1 MB) are cleared without a throw', async () => {
    const authing = await startAuthing()
    const bob = await authing.rememberBob()
    const [header, payload, signature] = bob.token!.split('.')
    const malformed = [
      `${header}.${payload}`,
      `${header}.${payload}!*.${signature}`,
      `${header}.@@@@.${signature}`,
      `${header}.${btoa('not json {').replace(/=+$/, '')}.${signature}`,
      `${header}.${payload}.${'A'.repeat(1024 * 1024)}`,
      'x'.repeat(1024 * 1024),
    ]
    for (const token of malformed) await expectDiscarded(authing, token, bob)
  })

  it('security 22: a remembered token with no aud, no or another iss, nbf/iat ahead, or an alg not exactly RS256/HS256 is discarded', async () => {
    const authing = await startAuthing()
    const bob = await authing.rememberBob()
    const dayAhead = Math.floor(Date.now() / 1000) + 86_400
    const untrusted = [
      editToken(bob.token!, { claims: { aud: undefined } }),
      editToken(bob.token!, { claims: { iss: undefined } }),
      editToken(bob.token!, { claims: { nbf: dayAhead } }),
      editToken(bob.token!, { claims: { iat: dayAhead } }),
      editToken(bob.token!, { claims: { iat: 'yesterday' } }),
      editToken(bob.token!, { header: { alg: 'none ' } }),
      editToken(bob.token!, { header: { alg: 'rs256' } }),
      editToken(bob.token!, { header: { alg: 'NONE' } }),
    ]
    for (const token of untrusted) await expectDiscarded(authing, token, bob)
  })

  it('fault 5: localStorage throwing on read (SecurityError): memory, login works, remember-me reported unavailable', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    const { result } = renderHook(() => ({ auth: useAuth(), login: useLogin() }), { wrapper: authing.wrapper() })
    expect(result.current.auth).toMatchObject({ status: 'anonymous', storage: 'memory' })
    await act(() =>
      result.current.login.login('username', { username: 'bob', password: 'passw0rd' }, { rememberMe: true }),
    )
    expect(result.current.auth).toMatchObject({ status: 'authenticated', storage: 'memory' })
    expect(result.current.auth.user?.id).toBe(BOB_ID)
  })

  it('fault 5: localStorage throwing on write (QuotaExceededError): the login is kept in memory, reported as such', async () => {
    const authing = await startAuthing()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError')
    })
    const { result } = renderHook(() => ({ auth: useAuth(), client: useAuthingClient() }), {
      wrapper: authing.wrapper(),
    })
    expect(result.current.auth.storage).toBe('local')
    await act(() => result.current.client.loginByUsername('bob', 'passw0rd'))
    await waitFor(() => expect(result.current.auth).toMatchObject({ status: 'authenticated', storage: 'memory' }))
    expect(localStorage.length).toBe(0)
  })

  it('fault 11: a 429 with Retry-After reaches the form as rate_limited, shown as "too many attempts"', async () => {
    const authing = await startAuthing()
    const throttled: FetchFunction = async (input, init) => {
      const request = new Request(input, init)
      if (new URL(request.url).pathname !== '/graphql/v2') return authing.fetch(request)
      return new Response('{"code":429,"message":"slow down"}', {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '30' },
      })
    }
    const client = new AuthenticationClient({
      appId: authing.info.appId,
      appHost: authing.info.appHost,
      fetch: throttled,
      tokenStore: createMemoryStore(),
    })
    const onError = vi.fn()
    const user = userEvent.setup()
    render(<LoginForm lang="en-US" onError={onError} />, { wrapper: authing.wrapper({ client }) })
    await user.type(await screen.findByLabelText('Username, email or phone'), 'bob')
    await user.type(screen.getByLabelText('Password'), 'passw0rd')
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Too many attempts. Wait a moment and try again.'),
    )
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 30 })
  })

  it('fault 16: concurrent calls of one useLogin share one request, and storage ends consistent', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ login: useLogin(), auth: useAuth() }), { wrapper: authing.wrapper() })
    const release = authing.hold()
    let first!: Promise<unknown>
    let second!: Promise<unknown>
    act(() => {
      first = result.current.login.login('username', { username: 'bob', password: 'passw0rd' })
      second = result.current.login.login('username', { username: 'bob', password: 'passw0rd' }, { rememberMe: false })
    })
    expect(second).toBe(first)
    await waitFor(() => expect(result.current.login.isPending).toBe(true))
    expect(result.current.login.login('email', { email: 'bob@example.com', password: 'passw0rd' })).toBe(first)
    release()
    await act(() => first)
    await waitFor(() => expect(result.current.login.isPending).toBe(false))
    expect(authing.requests.filter((name) => name.startsWith('login'))).toEqual(['loginByUsername'])
    // The first call's remember-me decided where the one session lives.
    expect(localStorage.getItem(authing.tokenKey)).toBe(result.current.auth.idToken)
    expect(sessionStorage.getItem(authing.tokenKey)).toBeNull()
    expect(result.current.auth).toMatchObject({ status: 'authenticated', storage: 'local' })
  })

  it('fault 16: a double-clicked submit sends one login', async () => {
    const authing = await startAuthing()
    const onSuccess = vi.fn()
    const user = userEvent.setup()
    render(<LoginForm lang="en-US" onSuccess={onSuccess} />, { wrapper: authing.wrapper() })
    await user.type(await screen.findByLabelText('Username, email or phone'), 'bob')
    await user.type(screen.getByLabelText('Password'), 'passw0rd')
    await user.dblClick(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(authing.requests.filter((name) => name.startsWith('login'))).toEqual(['loginByUsername'])
    expect(localStorage.getItem(authing.tokenKey)).toBe(onSuccess.mock.calls[0]?.[0].token)
  })
})
