// @vitest-environment jsdom
import type { User } from '@authing-kit/client'
import { act, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { useAuth, useAuthingClient, useLogin, type UseLoginResult, useProfile } from '../index.js'
import { BOB_ID, startAuthing } from './testAuthing.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

/** Two providers on one origin and app: two tabs, as far as the session is concerned. */
async function twoTabs() {
  const authing = await startAuthing()
  const tabs: Record<
    'a' | 'b',
    { login?: UseLoginResult; auth?: ReturnType<typeof useAuth>; client?: ReturnType<typeof useAuthingClient> }
  > = { a: {}, b: {} }
  /** Every render of tab B: whose session it had, and whose profile it showed. */
  const rendersOfB: { session: string | undefined; profile: string | undefined }[] = []
  function Tab({ name }: { name: 'a' | 'b' }) {
    const auth = useAuth()
    tabs[name] = { login: useLogin(), auth, client: useAuthingClient() }
    const { profile } = useProfile()
    if (name === 'b') rendersOfB.push({ session: auth.user?.id, profile: profile?.id })
    return (
      <p>
        {name}: {auth.status} {profile?.nickname ?? profile?.username ?? '-'}
      </p>
    )
  }
  const A = authing.wrapper()
  const B = authing.wrapper()
  render(
    <>
      <A>
        <Tab name="a" />
      </A>
      <B>
        <Tab name="b" />
      </B>
    </>,
  )
  return { authing, tabs, rendersOfB }
}

describe('multi-tab sync', () => {
  it('a login in one tab reaches the other', async () => {
    const { tabs } = await twoTabs()
    await act(() => tabs.a.login!.login('username', { username: 'bob', password: 'passw0rd' }))
    await waitFor(() => expect(tabs.b.auth?.user?.id).toBe(BOB_ID))
    expect(tabs.b.auth?.idToken).toBe(tabs.a.auth?.idToken)
    expect(screen.getByText('b: authenticated Bob')).toBeTruthy()
  })

  it('a logout in one tab logs the other out', async () => {
    const { authing, tabs } = await twoTabs()
    await act(() => tabs.a.login!.login('username', { username: 'bob', password: 'passw0rd' }))
    await waitFor(() => expect(tabs.b.auth?.status).toBe('authenticated'))
    await act(() => tabs.b.auth!.logout())
    await waitFor(() => expect(tabs.a.auth?.status).toBe('anonymous'))
    expect(screen.getByText('a: anonymous -')).toBeTruthy()
    expect(localStorage.getItem(authing.tokenKey)).toBeNull()
  })

  it('a profile change in one tab reaches the other', async () => {
    const { tabs } = await twoTabs()
    await act(() => tabs.a.login!.login('username', { username: 'bob', password: 'passw0rd' }))
    await waitFor(() => expect(tabs.b.auth?.status).toBe('authenticated'))
    await act(() => tabs.a.client!.updateProfile({ nickname: 'Robert' }))
    await waitFor(() => expect(screen.getByText('b: authenticated Robert')).toBeTruthy())
  })

  it('a tab whose user changed shows the new user, never the previous one', async () => {
    const { tabs, rendersOfB } = await twoTabs()
    await tabs.a.client!.registerByUsername('alice', 'passw0rd')
    await act(() => tabs.a.login!.login('username', { username: 'bob', password: 'passw0rd' }))
    await waitFor(() => expect(screen.getByText('b: authenticated Bob')).toBeTruthy())
    await act(() => tabs.a.login!.login('username', { username: 'alice', password: 'passw0rd' }))
    await waitFor(() => expect(screen.getByText('b: authenticated alice')).toBeTruthy())
    expect(tabs.b.auth?.user?.username).toBe('alice')
    // No render of B paired one user's session with another user's profile.
    expect(rendersOfB.filter(({ session, profile }) => profile !== undefined && profile !== session)).toEqual([])
    expect(rendersOfB.some(({ profile }) => profile === BOB_ID)).toBe(true)
  })

  it('falls back to storage events where BroadcastChannel is missing', async () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const authing = await startAuthing()
    const Tab = () => <p>{useAuth((auth) => auth.user?.username ?? 'nobody')}</p>
    const Wrapper = authing.wrapper()
    render(
      <Wrapper>
        <Tab />
      </Wrapper>,
    )
    expect(screen.getByText('nobody')).toBeTruthy()
    // Another tab logs in: its writes reach this one as storage events.
    const bob: User = await authing.rememberBob()
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', { key: authing.userKey, newValue: JSON.stringify(bob), storageArea: localStorage }),
      )
    })
    expect(screen.getByText('bob')).toBeTruthy()
    localStorage.clear()
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }))
    })
    expect(screen.getByText('nobody')).toBeTruthy()
  })
})
