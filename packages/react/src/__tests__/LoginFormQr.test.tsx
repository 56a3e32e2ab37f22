// @vitest-environment jsdom
import type { User } from '@authing-kit/client'
import { defaultSeed, type SeedDocument } from '@authing-kit/emulator'
import { act, render, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { LoginForm } from '../loginForm.js'
import { startAuthing, WAIT } from './testAuthing.js'

const qrAppId = '62a0f0a9c6b1c2a3d4e5f640'

/** An app whose console turned on the app's QR tab; alice's logins need her authenticator app. */
async function startWithQrTab() {
  const seed: SeedDocument = structuredClone(defaultSeed)
  seed.applications = [
    ...(seed.applications ?? []),
    { id: qrAppId, name: 'Scan to log in', loginTabs: ['password', 'app-qrcode', 'wechat-miniprogram-qrcode'] },
  ]
  seed.users = [
    ...(seed.users ?? []),
    { username: 'alice', password: 'passw0rd', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  ]
  return startAuthing({ seed })
}

describe('<LoginForm> QR tabs', () => {
  it('adds the QR tabs the console turned on; scanning and confirming on the phone logs in', async () => {
    const authing = await startWithQrTab()
    const onSuccess = vi.fn<(user: User) => void>()
    const user = userEvent.setup()
    render(<LoginForm lang="en-US" onSuccess={onSuccess} />, { wrapper: authing.wrapper({ appId: qrAppId }) })
    const tab = await screen.findByRole('button', { name: 'QR code' }, WAIT)
    expect(screen.getByRole('button', { name: 'Mini program' })).toBeTruthy()
    expect(authing.qrRandoms).toEqual([])
    await user.click(tab)
    const image = await screen.findByRole('img', { name: 'QR code to scan' }, WAIT)
    expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    expect(screen.getByText('Scan the code with the app to log in.')).toBeTruthy()

    await act(() => authing.emulator.qrcode.scan(authing.qrRandoms.at(-1)!, 'bob'))
    await screen.findByText('Scanned by Bob. Confirm the login on your phone.', {}, WAIT)
    await act(() => authing.emulator.qrcode.confirm(authing.qrRandoms.at(-1)!))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), WAIT)
    expect(onSuccess.mock.calls[0]?.[0].username).toBe('bob')
    expect(await screen.findByText('Welcome, Bob', {}, WAIT)).toBeTruthy()
  })

  it('offers a new code after a cancel, and a scan that needs MFA continues in the MFA step', async () => {
    const authing = await startWithQrTab()
    const user = userEvent.setup()
    render(<LoginForm lang="zh-CN" />, { wrapper: authing.wrapper({ appId: qrAppId }) })
    await user.click(await screen.findByRole('button', { name: 'APP 扫码' }, WAIT))
    await screen.findByRole('img', { name: '登录二维码' }, WAIT)
    await act(() => authing.emulator.qrcode.scan(authing.qrRandoms.at(-1)!, 'bob'))
    await act(() => authing.emulator.qrcode.cancel(authing.qrRandoms.at(-1)!))
    await user.click(await screen.findByRole('button', { name: '刷新二维码' }, WAIT))
    await screen.findByText('请使用 APP 扫描二维码登录。', {}, WAIT)

    await act(() => authing.emulator.qrcode.scan(authing.qrRandoms.at(-1)!, 'alice'))
    await act(() => authing.emulator.qrcode.confirm(authing.qrRandoms.at(-1)!))
    expect(await screen.findByRole('heading', { name: '安全验证' }, WAIT)).toBeTruthy()
    expect(await screen.findByText('请输入身份验证器中的 6 位安全码。', {}, WAIT)).toBeTruthy()
  })

  it('offers no QR tab when the app lists its methods itself', async () => {
    const authing = await startWithQrTab()
    render(<LoginForm lang="en-US" methods={['password', 'phoneCode']} />, {
      wrapper: authing.wrapper({ appId: qrAppId }),
    })
    await screen.findByRole('button', { name: 'Phone code' }, WAIT)
    await waitFor(() => expect(authing.requests).toContain(`/api/v2/applications/${qrAppId}/public-config`))
    expect(screen.queryByRole('button', { name: 'QR code' })).toBeNull()
  })
})
