// @vitest-environment jsdom
/**
 * useSocialLogin against the emulator's stand-in provider. jsdom opens no real popup: `window.open`
 * answers a fake window whose page's message is dispatched here; the redirect return goes through
 * the emulator for real (the provider page, its continue, the redirect back to this page).
 */
import { defaultSeed } from '@authing-kit/emulator'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { useAuth, useSocialLogin } from '../index.js'
import { fakeOpen, post } from './fakePopup.js'
import { BOB_ID, startAuthing } from './testAuthing.js'

function socialSeed() {
  const seed = structuredClone(defaultSeed)
  const [app] = seed.applications ?? []
  if (!app) throw new Error('the default seed has an application')
  app.socialConnections = [...(app.socialConnections ?? []), { identifier: 'weibo', bindExistingAccount: true }]
  return seed
}

/** What the emulator answers, polled: more than waitFor's 1 s when every core is busy. */
const WAIT = { timeout: 5000 }

afterEach(() => vi.restoreAllMocks())

describe('useSocialLogin', () => {
  it('popup: ignores other origins and windows, then logs in; useAuth follows', async () => {
    const authing = await startAuthing({ seed: socialSeed() })
    const opened = fakeOpen()
    const { result } = renderHook(() => ({ social: useSocialLogin(), auth: useAuth() }), {
      wrapper: authing.wrapper(),
    })
    let login!: Promise<unknown>
    act(() => {
      login = result.current.social.authorize('github')
    })
    await waitFor(() => expect(opened).toHaveLength(1), WAIT)
    expect(result.current.social.isPending).toBe(true)
    const [{ url, popup }] = opened as [(typeof opened)[number]]
    const answer = await authing.emulator.social.continue(url, { referer: location.href })
    if (answer.relay !== 'web_message') throw new Error('expected the popup relay')
    const appOrigin = new URL(authing.info.appHost).origin
    post(answer.message, 'https://evil.example', popup)
    post(answer.message, appOrigin, window)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(result.current.auth.status).toBe('anonymous')
    await act(async () => {
      post(answer.message, appOrigin, popup)
      await login
    })
    expect(result.current.auth).toMatchObject({ status: 'authenticated', user: { nickname: 'octocat' } })
    expect(result.current.social).toMatchObject({ isPending: false, error: null, step: null })
  })

  it('1641: sets the bindIdentity step, and binding by password logs in as that account', async () => {
    const authing = await startAuthing({ seed: socialSeed() })
    const opened = fakeOpen()
    const { result } = renderHook(() => ({ social: useSocialLogin(), auth: useAuth() }), {
      wrapper: authing.wrapper(),
    })
    let login!: Promise<unknown>
    act(() => {
      login = result.current.social.authorize('weibo').catch((error: unknown) => error)
    })
    await waitFor(() => expect(opened).toHaveLength(1), WAIT)
    const [{ url, popup }] = opened as [(typeof opened)[number]]
    const answer = await authing.emulator.social.continue(url, { referer: location.href })
    if (answer.relay !== 'web_message') throw new Error('expected the popup relay')
    await act(async () => {
      post(answer.message, new URL(authing.info.appHost).origin, popup)
      await login
    })
    expect(result.current.social.step).toMatchObject({ kind: 'bindIdentity', code: 1641, canCreate: true })
    expect(result.current.social.error?.code).toBe(1641)
    await act(() => result.current.social.bindIdentityByPassword('bob', 'passw0rd'))
    expect(result.current.auth.user?.id).toBe(BOB_ID)
    expect(result.current.social).toMatchObject({ step: null, error: null })
  })

  it('a blocked popup falls back to the redirect, with a clear error; the return logs in through the emulator', async () => {
    const authing = await startAuthing({ seed: socialSeed() })
    fakeOpen(true)
    const { result } = renderHook(() => ({ social: useSocialLogin(), auth: useAuth() }), {
      wrapper: authing.wrapper(),
    })
    let goneTo = ''
    act(() => {
      void result.current.social.authorize('github', { openUrl: (url) => (goneTo = url) })
    })
    await waitFor(() => expect(goneTo).not.toBe(''), WAIT)
    expect(result.current.social.error).toMatchObject({
      code: 'popup_blocked',
      message: expect.stringContaining('continuing in this page'),
    })
    expect(new URL(goneTo).searchParams.get('relay_method')).toBe('query')

    // What the browser does: GET the provider page, POST its continue, follow the redirect back here.
    const page = await authing.emulator.fetch(goneTo)
    expect(await page.clone().text()).toContain('Continue as octocat on GitHub (emulated)')
    const answer = await authing.emulator.social.continue(goneTo)
    if (answer.relay !== 'query') throw new Error('expected the redirect relay')
    const back = new URL(answer.location)
    expect(back.origin).toBe(location.origin)
    history.replaceState(null, '', back.pathname + back.search)

    // The page loads again: a new provider tree finishes the login from the address.
    const again = renderHook(() => ({ social: useSocialLogin(), auth: useAuth() }), { wrapper: authing.wrapper() })
    await act(() => again.result.current.social.handleRedirectCallback())
    expect(again.result.current.auth).toMatchObject({ status: 'authenticated', user: { nickname: 'octocat' } })
    expect(location.search).toBe('')
  })
})
