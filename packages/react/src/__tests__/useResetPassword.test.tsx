// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { useAuthingClient, useResetPassword, useSendEmailCode } from '../index.js'
import { startAuthing } from './testAuthing.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('useSendEmailCode', () => {
  it('sends an email code for a scene, then counts 60 s down before another may be sent', async () => {
    const authing = await startAuthing()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const { result } = renderHook(() => useSendEmailCode(), { wrapper: authing.wrapper() })
    await act(() => result.current.send('bob@example.com', 'RESET_PASSWORD'))
    expect(authing.emulator.outbox({ to: 'bob@example.com' })).toMatchObject([
      { channel: 'email', scene: 'RESET_PASSWORD' },
    ])
    expect(result.current).toMatchObject({ secondsLeft: 60, canSend: false })
    await act(() =>
      expect(result.current.send('bob@example.com', 'RESET_PASSWORD')).rejects.toMatchObject({ code: 'rate_limited' }),
    )
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(result.current).toMatchObject({ secondsLeft: 0, canSend: true })
  })
})

describe('useResetPassword', () => {
  it('sets a new password with a phone code, and reports a wrong code', async () => {
    const authing = await startAuthing()
    const { result } = renderHook(() => ({ reset: useResetPassword(), client: useAuthingClient() }), {
      wrapper: authing.wrapper(),
    })
    await result.current.client.sendSmsCode('13800138000', undefined, 'reset')
    await act(() =>
      expect(
        result.current.reset.resetPassword({ phone: '13800138000', code: '000000', newPassword: 'n3w-passw0rd' }),
      ).rejects.toMatchObject({ code: 2001 }),
    )
    await waitFor(() => expect(result.current.reset.error?.code).toBe(2001))
    await act(() =>
      result.current.reset.resetPassword({
        phone: '13800138000',
        code: authing.lastCode('13800138000'),
        newPassword: 'n3w-passw0rd',
      }),
    )
    await expect(result.current.client.loginByUsername('bob', 'n3w-passw0rd')).resolves.toMatchObject({
      username: 'bob',
    })
  })
})
