// @vitest-environment jsdom
import { AuthenticationClient, loginStepOf } from '@authing-kit/client'
import { totpCodeAt } from '@authing-kit/emulator'
import { render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

import { UserProfile } from '../userProfile.js'
import { startAuthing } from './testAuthing.js'

type Authing = Awaited<ReturnType<typeof startAuthing>>

/** How bob's next password login ends: a session, or the second factor it stops at. */
async function nextLogin(authing: Authing) {
  const client = new AuthenticationClient({
    appId: authing.info.appId,
    appHost: authing.info.appHost,
    fetch: authing.emulator.fetch,
  })
  return client.loginByUsername('bob', 'passw0rd').then(
    () => 'session',
    (error: unknown) => loginStepOf(error)?.kind ?? error,
  )
}

describe('<UserProfile> authenticator app', () => {
  it('turns TOTP on (QR image, key, first code, recovery code once) and off again; logins follow', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    const user = userEvent.setup()
    render(<UserProfile lang="en-US" />, { wrapper: authing.wrapper() })
    const section = await screen.findByRole('region', { name: 'Authenticator app' })
    await within(section).findByText('Off: logins ask for your password only.')

    await user.click(within(section).getByRole('button', { name: 'Turn on' }))
    const qr = await within(section).findByRole('img', { name: 'QR code for your authenticator app' })
    expect(qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    const secret = section.querySelector('code')?.textContent ?? ''
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    const input = within(section).getByLabelText('Code from the app')
    expect(document.activeElement).toBe(input)

    // A wrong first code leaves the binding open and nothing turned on.
    await user.type(input, '000000{Enter}')
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('incorrect'))
    expect(await nextLogin(authing)).toBe('session')

    await user.type(within(section).getByLabelText('Code from the app'), `${totpCodeAt(secret, Date.now())}{Enter}`)
    await within(section).findByText(/Save this recovery code/)
    const recovery = section.querySelector('code')?.textContent ?? ''
    expect(recovery).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){5}$/)
    expect(screen.getByRole('status').textContent).toBe('Two-step verification is on.')
    expect(await nextLogin(authing)).toBe('mfa')

    await user.click(within(section).getByRole('button', { name: 'I saved it' }))
    expect(section.textContent).not.toContain(recovery)
    await user.click(within(section).getByRole('button', { name: 'Turn off' }))
    await within(section).findByText('Off: logins ask for your password only.')
    expect(await nextLogin(authing)).toBe('session')
  })

  it('can be left out, and speaks Chinese', async () => {
    const authing = await startAuthing()
    await authing.rememberBob()
    const { unmount } = render(<UserProfile allowMfa={false} />, { wrapper: authing.wrapper() })
    await screen.findByRole('region', { name: '个人资料' })
    expect(screen.queryByRole('region', { name: '身份验证器' })).toBeNull()
    unmount()
    render(<UserProfile />, { wrapper: authing.wrapper() })
    const section = await screen.findByRole('region', { name: '身份验证器' })
    await within(section).findByRole('button', { name: '开启' })
  })
})
