// @vitest-environment jsdom
import { createSoftAuthenticator } from '@authing-kit/emulator/node'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { useAuth, usePasskey } from '../index.js'
import { startAuthing } from './testAuthing.js'

describe('usePasskey', () => {
  it('registers a passkey for the logged-in user, lists and removes it; logs in with it after a logout', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    const authenticator = createSoftAuthenticator({ origin: authing.info.appHost })
    const { result } = renderHook(() => ({ passkey: usePasskey(), auth: useAuth() }), { wrapper: authing.wrapper() })
    // jsdom has no navigator.credentials.
    await waitFor(() => expect(result.current.passkey.isSupported).toBe(false))
    await waitFor(() => expect(result.current.passkey.passkeys).toEqual([]))

    let registered: Awaited<ReturnType<typeof result.current.passkey.register>> | undefined
    await act(async () => {
      registered = await result.current.passkey.register({ name: 'Laptop', authenticator })
    })
    expect(registered?.name).toBe('Laptop')
    await waitFor(() => expect(result.current.passkey.passkeys).toMatchObject([{ name: 'Laptop' }]))

    await act(() => result.current.auth.logout())
    await waitFor(() => expect(result.current.auth.status).toBe('anonymous'))
    await act(async () => {
      await result.current.passkey.login({ authenticator })
    })
    await waitFor(() => expect(result.current.auth.user?.username).toBe('bob'))
    await waitFor(() => expect(result.current.passkey.passkeys?.[0]?.counter).toBe(1))

    await act(() => result.current.passkey.remove(registered?.credentialId ?? ''))
    await waitFor(() => expect(result.current.passkey.passkeys).toEqual([]))
    expect(result.current.passkey.error).toBeNull()
  })

  it('keeps the failure of a cancelled prompt in error, and the session as it was', async () => {
    const authing = await startAuthing()
    const authenticator = createSoftAuthenticator({ origin: authing.info.appHost })
    const { result } = renderHook(() => ({ passkey: usePasskey(), auth: useAuth() }), { wrapper: authing.wrapper() })
    await act(async () => {
      await result.current.passkey.login({ authenticator }).catch(() => {})
    })
    await waitFor(() => expect(result.current.passkey.error).toMatchObject({ code: 'passkey_cancelled' }))
    expect(result.current.auth.status).toBe('anonymous')
    expect(result.current.passkey.passkeys).toBeUndefined()
  })
})
