import { describe, expect, it, vi } from 'vitest'

import { AuthenticationClient, createMemoryStore, isTokenExpired } from '../index.js'
import { BOB_ID, startEmulator } from './testEmulator.js'

describe('session lifecycle', () => {
  it('logout: revokes the token server-side and clears the session', async () => {
    const { bob, client, info } = await startEmulator()
    const store = createMemoryStore()
    const authing = await bob({ tokenStore: store })
    const token = authing.getSnapshot().token ?? ''
    await authing.logout()
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
    expect(store.getItem(`authing-kit:${info.appId}:token`)).toBeNull()
    expect(store.getItem(`authing-kit:${info.appId}:user`)).toBeNull()
    await expect(client({ token }).updateProfile({ nickname: 'x' })).rejects.toMatchObject({ code: 2020 })
  })

  it('logout: without a session it resolves and sends nothing', async () => {
    const { client, requests } = await startEmulator()
    await expect(client().logout()).resolves.toBeUndefined()
    expect(requests).toHaveLength(0)
  })

  it('logout: a token the server already revoked still ends the local session, and the 2020 is reported', async () => {
    const { bob, client } = await startEmulator()
    const authing = await bob()
    await client({ token: authing.getSnapshot().token ?? '' }).logout()
    await expect(authing.logout()).rejects.toMatchObject({ code: 2020 })
    expect(authing.getSnapshot().token).toBeNull()
  })

  it('the token option starts logged in, and the user is fetched on demand', async () => {
    const { bob, client } = await startEmulator()
    const token = (await bob()).getSnapshot().token ?? ''
    const authing = client({ token })
    expect(authing.getSnapshot()).toEqual({ user: null, token })
    await expect(authing.getCurrentUser()).resolves.toMatchObject({ id: BOB_ID })
  })

  it('checkLoginStatus: valid token → status true with the user id', async () => {
    const { bob } = await startEmulator()
    const authing = await bob()
    await expect(authing.checkLoginStatus()).resolves.toMatchObject({ code: 200, status: true, data: { id: BOB_ID } })
  })

  it('checkLoginStatus: a revoked or garbage token → status false (never a rejection)', async () => {
    const { bob, client } = await startEmulator()
    const authing = await bob()
    const token = authing.getSnapshot().token ?? ''
    await authing.logout()
    const status = await client().checkLoginStatus(token)
    expect(status.status).toBe(false)
    expect(status.code).not.toBe(200)
    await expect(client().checkLoginStatus('not-a-jwt')).resolves.toMatchObject({ status: false })
  })

  it('refreshToken: stores a new token that works, keeping the user', async () => {
    let now = Date.now()
    const { bob } = await startEmulator({ now: () => now })
    const authing = await bob()
    const first = authing.getSnapshot()
    now += 5_000
    const refreshed = await authing.refreshToken()
    expect(refreshed.token).toMatch(/^ey/)
    expect(refreshed.token).not.toBe(first.token)
    expect(authing.getSnapshot()).toMatchObject({
      token: refreshed.token,
      user: { id: BOB_ID, token: refreshed.token },
    })
    await expect(authing.checkLoginStatus()).resolves.toMatchObject({ status: true })
  })

  it('refreshToken: logged out it is 2020', async () => {
    const { client } = await startEmulator()
    await expect(client().refreshToken()).rejects.toMatchObject({ code: 2020 })
  })

  it('subscribe / getSnapshot: one notification per change, immutable snapshots, unsubscribe works', async () => {
    const { client } = await startEmulator()
    const authing = client()
    const seen: unknown[] = []
    const unsubscribe = authing.subscribe((snapshot) => seen.push(snapshot))
    const initial = authing.getSnapshot()
    expect(authing.getSnapshot()).toBe(initial)
    await authing.loginByUsername('bob', 'passw0rd')
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBe(authing.getSnapshot())
    expect(Object.isFrozen(authing.getSnapshot())).toBe(true)
    unsubscribe()
    await authing.logout()
    expect(seen).toHaveLength(1)
  })

  it('setToken: sets and clears the token; a token of someone else drops the remembered user', async () => {
    const { bob, client } = await startEmulator()
    const authing = await bob()
    const alice = client()
    await alice.registerByUsername('alice', 'alice-pw-1', {}, { forceLogin: true })
    authing.setToken(alice.getSnapshot().token)
    expect(authing.getSnapshot().user).toBeNull()
    await expect(authing.getCurrentUser()).resolves.toMatchObject({ username: 'alice' })
    authing.setToken(null)
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
  })

  it('setCurrentUser: makes a user (and its token) the session', async () => {
    const { bob, client } = await startEmulator()
    const user = (await bob()).getSnapshot().user
    if (!user) throw new Error('bob is not logged in')
    const authing = client()
    authing.setCurrentUser(user)
    expect(authing.getSnapshot()).toEqual({ user, token: user.token })
    await expect(authing.listRoles()).resolves.toMatchObject({ totalCount: 1 })
  })

  it('setLang: server messages follow x-authing-lang', async () => {
    const { client } = await startEmulator()
    const authing = client({ lang: 'en-US' })
    const english = await authing.loginByUsername('bob', 'wrong-pw').catch((e: Error) => e.message)
    authing.setLang('zh-CN')
    const chinese = await authing.loginByUsername('bob', 'wrong-pw').catch((e: Error) => e.message)
    expect(english).toMatch(/[a-z]/i)
    expect(chinese).toMatch(/[\u4e00-\u9fff]/)
  })

  it('isUserExists: true for bob by any identifier, false for strangers', async () => {
    const { client } = await startEmulator()
    const authing = client()
    await expect(authing.isUserExists({ username: 'bob' })).resolves.toBe(true)
    await expect(authing.isUserExists({ email: 'bob@example.com' })).resolves.toBe(true)
    await expect(authing.isUserExists({ phone: '13800138000' })).resolves.toBe(true)
    await expect(authing.isUserExists({ username: 'nobody' })).resolves.toBe(false)
  })

  it('isUserExists: no identifier at all is an invalid argument', async () => {
    const { client } = await startEmulator()
    await expect(client().isUserExists({})).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('an expired remembered token is dropped when a client starts', async () => {
    let now = Date.now()
    // Longer than the restore leeway (a token about to expire is not restored either).
    const { info, emulator } = await startEmulator({ now: () => now, tokenLifetimeSeconds: 180 })
    const store = createMemoryStore()
    const options = { appId: info.appId, appHost: info.appHost, fetch: emulator.fetch, tokenStore: store }
    const first = new AuthenticationClient(options)
    const { token } = await first.loginByUsername('bob', 'passw0rd')
    expect(new AuthenticationClient(options).getSnapshot().token).toBe(token)
    vi.useFakeTimers({ now: now + 240_000 })
    try {
      now += 240_000
      expect(isTokenExpired(token ?? '')).toBe(true)
      expect(new AuthenticationClient(options).getSnapshot()).toEqual({ user: null, token: null })
      expect(store.getItem(`authing-kit:${info.appId}:token`)).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })
})
