// @vitest-environment jsdom
/**
 * useSocialLogin against the emulator's stand-in provider. jsdom opens no real popup: `window.open`
 * answers a fake window whose page's message is dispatched here; the redirect return goes through
 * the emulator for real (the provider page, its continue, the redirect back to this page).
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { useAuth, useSocialLogin } from '../index.js'
import { continuePopup, fakeOpen, post, startSocial } from './socialTesting.js'
import { BOB_ID, WAIT } from './testAuthing.js'

afterEach(() => vi.restoreAllMocks())

describe('useSocialLogin', () => {
  it('popup: ignores other origins and windows, then logs in; useAuth follows', async () => {
    const authing = await startSocial()
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
    const { message, popup, origin } = await continuePopup(authing, opened)
    post(message, 'https://evil.example', popup)
    post(message, origin, window)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(result.current.auth.status).toBe('anonymous')
    await act(async () => {
      post(message, origin, popup)
      await login
    })
    expect(result.current.auth).toMatchObject({ status: 'authenticated', user: { nickname: 'octocat' } })
    expect(result.current.social).toMatchObject({ isPending: false, error: null, step: null })
  })

  it('1641: sets the bindIdentity step, and binding by password logs in as that account', async () => {
    const authing = await startSocial()
    const opened = fakeOpen()
    const { result } = renderHook(() => ({ social: useSocialLogin(), auth: useAuth() }), {
      wrapper: authing.wrapper(),
    })
    let login!: Promise<unknown>
    act(() => {
      login = result.current.social.authorize('weibo').catch((error: unknown) => error)
    })
    await waitFor(() => expect(opened).toHaveLength(1), WAIT)
    const { message, popup, origin } = await continuePopup(authing, opened)
    await act(async () => {
      post(message, origin, popup)
      await login
    })
    expect(result.current.social.step).toMatchObject({ kind: 'bindIdentity', code: 1641, canCreate: true })
    expect(result.current.social.error?.code).toBe(1641)
    await act(() => result.current.social.bindIdentityByPassword('bob', 'passw0rd'))
    expect(result.current.auth.user?.id).toBe(BOB_ID)
    expect(result.current.social).toMatchObject({ step: null, error: null })
  })

  it('a blocked popup falls back to the redirect, with a clear error; the return logs in through the emulator', async () => {
    const authing = await startSocial()
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
