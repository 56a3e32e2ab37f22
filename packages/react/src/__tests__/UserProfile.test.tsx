// @vitest-environment jsdom
import { AuthenticationClient, type AuthingError, type User } from '@authing-kit/client'
import { render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { UserProfile, type UserProfileProps } from '../userProfile.js'
import { startAuthing } from './testAuthing.js'

type Authing = Awaited<ReturnType<typeof startAuthing>>

/** Bob is remembered, so the profile renders at once on his session. */
async function renderProfile(authing: Authing, props: UserProfileProps = {}) {
  await authing.rememberBob()
  const onSaved = vi.fn<(user: User) => void>()
  const onError = vi.fn<(error: AuthingError) => void>()
  const onLoggedOut = vi.fn<() => void>()
  const view = render(
    <UserProfile lang="en-US" onSaved={onSaved} onError={onError} onLoggedOut={onLoggedOut} {...props} />,
    {
      wrapper: authing.wrapper(),
    },
  )
  // The remembered profile is refreshed once in the background; let that settle before counting requests.
  await waitFor(() => expect(authing.requests).toContain('user'))
  return { ...view, onSaved, onError, onLoggedOut, user: userEvent.setup() }
}

/** What the server holds for bob now, read by a client of its own. */
async function serverBob(authing: Authing): Promise<User> {
  const client = new AuthenticationClient({
    appId: authing.info.appId,
    appHost: authing.info.appHost,
    fetch: authing.emulator.fetch,
  })
  await client.loginByUsername('bob', 'passw0rd')
  return client.getCurrentUser() as Promise<User>
}

describe('<UserProfile>', () => {
  it('renders nothing when nobody is logged in', async () => {
    const authing = await startAuthing()
    const { container } = render(<UserProfile />, { wrapper: authing.wrapper() })
    expect(container.innerHTML).toBe('')
  })

  it("shows the logged-in user's details, in either language", async () => {
    const authing = await startAuthing()
    const { rerender } = await renderProfile(authing)
    const facts = screen.getByRole('region', { name: 'Your profile' })
    expect(within(facts).getByRole('heading', { level: 2 }).textContent).toBe('Bob')
    expect(facts.textContent).toContain('bob@example.com')
    expect(screen.getByLabelText('Nickname')).toHaveProperty('value', 'Bob')
    rerender(<UserProfile lang="zh-CN" />)
    expect(screen.getByRole('region', { name: '个人资料' })).toBeTruthy()
    expect(screen.getByLabelText('昵称')).toHaveProperty('value', 'Bob')
  })

  it('saves only what was edited, on the server, and says so', async () => {
    const authing = await startAuthing()
    const { user, onSaved } = await renderProfile(authing)
    const save = screen.getByRole('button', { name: 'Save' })
    expect(save).toHaveProperty('disabled', true)
    await user.clear(screen.getByLabelText('Nickname'))
    await user.type(screen.getByLabelText('Nickname'), 'Bobby')
    await user.click(save)
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'))
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ nickname: 'Bobby' })
    expect(authing.requests.filter((name) => name === 'updateUser')).toHaveLength(1)
    expect((await serverBob(authing)).nickname).toBe('Bobby')
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Bobby')
  })

  it('refuses a photo that is not a web link before any request, and focuses it', async () => {
    const authing = await startAuthing()
    const { user } = await renderProfile(authing)
    const photo = screen.getByLabelText('Photo URL')
    await user.clear(photo)
    await user.type(photo, 'javascript:alert(1)')
    authing.requests.length = 0
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(document.activeElement).toBe(photo)
    expect(photo.getAttribute('aria-invalid')).toBe('true')
    expect(authing.requests).toEqual([])
  })

  it('rolls the nickname back and shows the failure when the network is down', async () => {
    const authing = await startAuthing()
    const { user, onError } = await renderProfile(authing)
    await user.clear(screen.getByLabelText('Nickname'))
    await user.type(screen.getByLabelText('Nickname'), 'Offline')
    authing.setOffline(true)
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Cannot reach the server. Check your connection and try again.',
      ),
    )
    expect(onError.mock.calls[0]![0].code).toBe('network_error')
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Bob')
    // What the user typed stays in the field, to try again.
    expect(screen.getByLabelText('Nickname')).toHaveProperty('value', 'Offline')
  })

  it('shows a nickname holding markup as text', async () => {
    const authing = await startAuthing()
    const { user } = await renderProfile(authing)
    await user.clear(screen.getByLabelText('Nickname'))
    await user.type(screen.getByLabelText('Nickname'), '<img src=x onerror=alert(1)>')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<img src=x onerror=alert(1)>'),
    )
    expect(document.querySelector('h2 img')).toBeNull()
  })

  it('changes the password, after which only the new one logs in', async () => {
    const authing = await startAuthing()
    const { user } = await renderProfile(authing)
    await user.type(screen.getByLabelText('Current password'), 'passw0rd')
    await user.type(screen.getByLabelText('New password'), 'n3w-secret')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Your password was changed.'))
    expect(screen.getByLabelText('New password')).toHaveProperty('value', '')
    const client = new AuthenticationClient({
      appId: authing.info.appId,
      appHost: authing.info.appHost,
      fetch: authing.emulator.fetch,
    })
    await expect(client.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 2333 })
    await expect(client.loginByUsername('bob', 'n3w-secret')).resolves.toMatchObject({ username: 'bob' })
  })

  it('checks the new password length before any request', async () => {
    const authing = await startAuthing()
    const { user } = await renderProfile(authing)
    authing.requests.length = 0
    await user.type(screen.getByLabelText('New password'), '123')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(screen.getByLabelText('New password'))
    expect(authing.requests).toEqual([])
  })

  it('logs out, and the local session ends even when offline', async () => {
    const authing = await startAuthing()
    const { user, onLoggedOut, container } = await renderProfile(authing)
    authing.setOffline(true)
    await user.click(screen.getByRole('button', { name: 'Log out' }))
    await waitFor(() => expect(onLoggedOut).toHaveBeenCalledTimes(1))
    // The session's end re-renders the profile away; on a busy machine that render may trail the callback.
    await waitFor(() => expect(container.innerHTML).toBe(''))
    expect(localStorage.getItem(authing.tokenKey)).toBeNull()
  })
})
