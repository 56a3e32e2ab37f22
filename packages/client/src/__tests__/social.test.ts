// @vitest-environment jsdom
/**
 * Social login in a page. jsdom opens no real popup: `window.open` hands back a fake window, the
 * emulator's stand-in provider is driven through `emulator.social.continue`, and its message is
 * dispatched as the popup's page would post it.
 */
import { defaultSeed } from '@authing-kit/emulator'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { loginStepOf } from '../index.js'
import { startEmulator } from './testEmulator.js'

interface FakePopup {
  closed: boolean
  close(): void
}

function socialSeed() {
  const seed = structuredClone(defaultSeed)
  const [app] = seed.applications ?? []
  if (!app) throw new Error('the default seed has an application')
  app.socialConnections = [
    ...(app.socialConnections ?? []),
    { identifier: 'qq', refuse: { message: 'QQ said no' } },
    { identifier: 'weibo', bindExistingAccount: true },
  ]
  return seed
}

/** `window.open` answering fake popups; the URLs it was asked to open. */
function fakeOpen(blocked = false) {
  const opened: { url: string; popup: FakePopup }[] = []
  vi.spyOn(window, 'open').mockImplementation((url) => {
    if (blocked) return null
    const popup: FakePopup = {
      closed: false,
      close() {
        this.closed = true
      },
    }
    opened.push({ url: String(url), popup })
    return popup as unknown as Window
  })
  const first = () =>
    vi.waitFor(() => {
      const entry = opened[0]
      if (!entry) throw new Error('no popup yet')
      return entry
    })
  return { opened, first }
}

/** A message event as a window posts it (jsdom's constructor takes only real windows as `source`). */
function post(data: unknown, origin: string, source: unknown) {
  const event = new MessageEvent('message', { data, origin })
  Object.defineProperty(event, 'source', { value: source })
  window.dispatchEvent(event)
}

afterEach(() => {
  vi.restoreAllMocks()
  sessionStorage.clear()
})

describe('client.social, popup', () => {
  it('opens the sheet’s URL with the SDK’s query', async () => {
    const { client, info } = await startEmulator({ seed: socialSeed() })
    const { first } = fakeOpen()
    const controller = new AbortController()
    const login = client().social.authorize('wechat:pc', {
      withIdentities: true,
      context: { from: 'test' },
      customData: { school: 'x' },
      authorizationParams: { scope: 'snsapi_login' },
      signal: controller.signal,
    })
    const { url, popup } = await first()
    const parsed = new URL(url)
    expect(parsed.origin + parsed.pathname).toBe(`${info.appHost}/connections/social/wechat:pc`)
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      from_guard: '1',
      app_id: info.appId,
      authorization_params: '{"scope":"snsapi_login"}',
      with_identities: '1',
      with_custom_data: '0',
      protocol: 'oidc',
      uuid: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      relay_method: 'web_message',
      context: '{"from":"test"}',
      custom_data: '{"school":"x"}',
    })
    expect(vi.mocked(window.open).mock.calls[0]?.[2]).toContain('width=585,height=649')
    controller.abort()
    await expect(login).rejects.toMatchObject({ code: 'aborted' })
    expect(popup.closed).toBe(true)
  })

  it('takes only the popup’s message from the app host; the user becomes the session', async () => {
    const { client, emulator, info } = await startEmulator({ seed: socialSeed() })
    const { first } = fakeOpen()
    const authing = client()
    const onSuccess = vi.fn()
    const login = authing.social.authorize('github', { onSuccess })
    const { url, popup } = await first()
    const answer = await emulator.social.continue(url, { referer: location.href })
    if (answer.relay !== 'web_message') throw new Error('expected the popup relay')
    expect(answer.origin).toBe(location.origin)
    const appOrigin = new URL(info.appHost).origin

    post(answer.message, 'https://evil.example', popup) // another origin
    post(answer.message, appOrigin, window) // another window
    post({ ...answer.message, event: { source: 'other', eventType: 'socialLogin' } }, appOrigin, popup)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(authing.getSnapshot().user).toBeNull()

    post(answer.message, appOrigin, popup)
    const user = await login
    expect(user).toMatchObject({ nickname: 'octocat', token: expect.any(String) })
    expect(authing.getSnapshot().user?.id).toBe(user.id)
    expect(onSuccess).toHaveBeenCalledWith(user)
    expect(await authing.getCurrentUser()).toMatchObject({ id: user.id })
  })

  it('popup_blocked when window.open answers null; popup_closed when the user closes it', async () => {
    const { client } = await startEmulator({ seed: socialSeed() })
    fakeOpen(true)
    const onError = vi.fn()
    await expect(client().social.authorize('github', { onError })).rejects.toMatchObject({ code: 'popup_blocked' })
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'popup_blocked' }))
    vi.restoreAllMocks()
    const { first } = fakeOpen()
    const login = client().social.authorize('github')
    const { popup } = await first()
    popup.closed = true
    await expect(login).rejects.toMatchObject({ code: 'popup_closed' })
  })

  it('a refusing provider rejects with its code and message', async () => {
    const { client, emulator, info } = await startEmulator({ seed: socialSeed() })
    const { first } = fakeOpen()
    const login = client().social.authorize('qq')
    const { url, popup } = await first()
    const answer = await emulator.social.continue(url, { referer: location.href })
    if (answer.relay !== 'web_message') throw new Error('expected the popup relay')
    post(answer.message, new URL(info.appHost).origin, popup)
    await expect(login).rejects.toMatchObject({ code: 2240, message: 'QQ said no' })
  })

  it('1641 rejects with the bindIdentity step; binding by password or creating ends in a session', async () => {
    const { opened } = fakeOpen()
    /** A weibo login of a new client of `setup`'s emulator, to the step it stops at. */
    const stepOf = async (setup: Awaited<ReturnType<typeof startEmulator>>) => {
      const authing = setup.client()
      const before = opened.length
      const login = authing.social.authorize('weibo')
      const entry = await vi.waitFor(() => opened[before] ?? Promise.reject(new Error('no popup yet')))
      const answer = await setup.emulator.social.continue(entry.url, { referer: location.href })
      if (answer.relay !== 'web_message') throw new Error('expected the popup relay')
      post(answer.message, new URL(setup.info.appHost).origin, entry.popup)
      const error = await login.catch((failure: unknown) => failure)
      const step = loginStepOf(error)
      if (step?.kind !== 'bindIdentity') throw new Error(`expected a bindIdentity step, got ${JSON.stringify(step)}`)
      return { authing, step }
    }
    const { authing, step } = await stepOf(await startEmulator({ seed: socialSeed() }))
    expect(step).toMatchObject({ code: 1641, canCreate: true, flowHandle: expect.any(String) })
    expect(step.methods).toContain('username-password')
    await expect(authing.social.bindIdentityByPassword(step, 'bob', 'wrong')).rejects.toMatchObject({ code: 2333 })
    const bob = await authing.social.bindIdentityByPassword(step, 'bob', 'passw0rd')
    expect(bob.username).toBe('bob')
    expect(authing.getSnapshot().user?.id).toBe(bob.id)

    const created = await stepOf(await startEmulator({ seed: socialSeed() }))
    const user = await created.authing.social.createFederationAccount(created.step)
    expect(user).toMatchObject({ username: null, registerSource: ['social:weibo'] })
    expect(created.authing.getSnapshot().user?.id).toBe(user.id)
  })
})

describe('client.social, redirect', () => {
  it('goes to the provider with a one-time state, and handleRedirectCallback finishes the login on return', async () => {
    const { client, emulator } = await startEmulator({ seed: socialSeed() })
    const authing = client()
    let goneTo = ''
    void authing.social.authorize('github', {
      popup: false,
      targetUrl: `${location.origin}/callback?tab=1`,
      openUrl: (url) => (goneTo = url),
    })
    await vi.waitFor(() => expect(goneTo).not.toBe(''))
    const target = new URL(new URL(goneTo).searchParams.get('target_url') ?? '')
    expect(new URL(goneTo).searchParams.get('relay_method')).toBe('query')
    expect(target.searchParams.get('tab')).toBe('1')
    expect(target.searchParams.get('authing_social_state')).toMatch(/^[A-Za-z0-9]{32}$/)

    const answer = await emulator.social.continue(goneTo)
    if (answer.relay !== 'query') throw new Error('expected the redirect relay')
    const back = new URL(answer.location)
    expect(back.searchParams.get('code')).toBe('200')
    history.replaceState(null, '', back.pathname + back.search)
    const user = await authing.social.handleRedirectCallback()
    expect(user).toMatchObject({ nickname: 'octocat' })
    expect(authing.getSnapshot().user?.id).toBe(user?.id)
    expect(location.search).toBe('?tab=1')
    // Spent: the same return again is refused.
    await expect(authing.social.handleRedirectCallback(answer.location)).rejects.toMatchObject({
      code: 'invalid_state',
    })
    expect(await authing.social.handleRedirectCallback(`${location.origin}/callback`)).toBeNull()
  })

  it('refuses a return this tab did not start (login CSRF)', async () => {
    const { client, emulator } = await startEmulator({ seed: socialSeed() })
    const attacker = client()
    let goneTo = ''
    void attacker.social.authorize('github', { popup: false, openUrl: (url) => (goneTo = url) })
    await vi.waitFor(() => expect(goneTo).not.toBe(''))
    const answer = await emulator.social.continue(goneTo)
    if (answer.relay !== 'query') throw new Error('expected the redirect relay')
    sessionStorage.clear() // the victim's tab never kept this state
    const victim = client()
    await expect(victim.social.handleRedirectCallback(answer.location)).rejects.toMatchObject({ code: 'invalid_state' })
    expect(victim.getSnapshot().user).toBeNull()
  })
})
