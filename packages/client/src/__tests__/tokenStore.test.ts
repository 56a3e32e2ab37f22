// @vitest-environment jsdom
/** The session in a browser page: remembered in localStorage, per app, restored without a request. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { AuthenticationClient, type AuthenticationClientOptions } from '../index.js'
import { startEmulator } from './testEmulator.js'

/** Clients on the page's default store: the shared helper's clients get a memory store, these must not. */
async function pageSetup(emulatorOptions: Parameters<typeof startEmulator>[0] = {}) {
  const setup = await startEmulator(emulatorOptions)
  const { appId, appHost } = setup.info
  const pageClient = (options: Partial<AuthenticationClientOptions> = {}) =>
    new AuthenticationClient({ appId, appHost, fetch: setup.recordingFetch, ...options })
  return { ...setup, pageClient, tokenKey: `authing-kit:${appId}:token`, userKey: `authing-kit:${appId}:user` }
}

beforeEach(() => localStorage.clear())
afterEach(() => vi.restoreAllMocks())

describe('the default token store in a browser page', () => {
  it('is window.localStorage, under keys namespaced by the app id', async () => {
    const { pageClient, tokenKey, userKey } = await pageSetup()
    const user = await pageClient().loginByUsername('bob', 'passw0rd')
    expect(localStorage.getItem(tokenKey)).toBe(user.token)
    expect(JSON.parse(localStorage.getItem(userKey) ?? 'null')).toEqual(user)
    expect(Object.keys(localStorage).sort()).toEqual([tokenKey, userKey].sort())
  })

  it('two apps on one page keep separate sessions', async () => {
    const { pageClient, tokenKey } = await pageSetup()
    const user = await pageClient().loginByUsername('bob', 'passw0rd')
    const otherApp = pageClient({ appId: 'another-app-id' })
    expect(otherApp.getSnapshot()).toEqual({ user: null, token: null })
    otherApp.setToken('opaque-token-of-the-other-app')
    expect(localStorage.getItem('authing-kit:another-app-id:token')).toBe('opaque-token-of-the-other-app')
    expect(localStorage.getItem(tokenKey)).toBe(user.token)
    otherApp.setToken(null)
    expect(pageClient().getSnapshot().token).toBe(user.token)
  })

  it('a new client restores the whole user and token without any request', async () => {
    const { pageClient, requests } = await pageSetup()
    const user = await pageClient().loginByUsername('bob', 'passw0rd')
    expect(user.customData).toEqual({ school: 'Tsinghua University' })
    const sent = requests.length
    const restored = pageClient()
    expect(restored.getSnapshot()).toEqual({ user, token: user.token })
    expect(requests).toHaveLength(sent)
    // The restored token is the live session the server knows.
    await expect(restored.getCurrentUser()).resolves.toMatchObject({
      id: user.id,
      customData: { school: 'Tsinghua University' },
    })
  })

  it('an expired stored token is dropped on restore, user and all', async () => {
    // An emulator whose clock is an hour behind issues tokens that expired half an hour ago.
    const { pageClient, tokenKey, userKey } = await pageSetup({
      now: () => Date.now() - 3_600_000,
      tokenLifetimeSeconds: 1800,
    })
    await pageClient().loginByUsername('bob', 'passw0rd')
    expect(localStorage.getItem(tokenKey)).not.toBeNull()
    expect(pageClient().getSnapshot()).toEqual({ user: null, token: null })
    expect(localStorage.getItem(tokenKey)).toBeNull()
    expect(localStorage.getItem(userKey)).toBeNull()
  })

  it('the token option overrides the stored token; the stored user goes with its own token only', async () => {
    const { pageClient, tokenKey } = await pageSetup()
    const first = await pageClient().loginByUsername('bob', 'passw0rd')
    const second = await pageClient({
      tokenStore: { getItem: () => null, setItem: () => {}, removeItem: () => {} },
    }).loginByUsername('bob', 'passw0rd')
    expect(second.token).not.toBe(first.token)
    const overridden = pageClient({ token: second.token ?? '' })
    expect(overridden.getSnapshot()).toEqual({ user: null, token: second.token })
    expect(localStorage.getItem(tokenKey)).toBe(second.token)
    await expect(overridden.getCurrentUser()).resolves.toMatchObject({ id: first.id })
    // Passing the token that is already stored keeps the remembered user.
    const same = pageClient({ token: second.token ?? '' })
    expect(same.getSnapshot().user).toMatchObject({ id: first.id, token: second.token })
  })

  it('a storage that throws on write (quota exceeded) falls back to memory: login still works, one warning', async () => {
    const { pageClient, tokenKey } = await pageSetup()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const authing = pageClient()
    const user = await authing.loginByUsername('bob', 'passw0rd')
    expect(authing.getSnapshot()).toEqual({ user, token: user.token })
    await expect(authing.getCurrentUser()).resolves.toMatchObject({ id: user.id })
    await authing.loginByEmail('bob@example.com', 'passw0rd')
    expect(localStorage.getItem(tokenKey)).toBeNull()
    expect(warn).toHaveBeenCalledOnce()
  })

  it('a storage that throws on read (site data blocked) falls back to memory too', async () => {
    const { pageClient } = await pageSetup()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError')
    })
    const authing = pageClient()
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
    const user = await authing.loginByUsername('bob', 'passw0rd')
    expect(authing.getSnapshot().token).toBe(user.token)
  })
})
