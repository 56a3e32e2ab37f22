// @vitest-environment jsdom
import type { AuthingError, User } from '@authing-kit/client'
import { defaultSeed, type SeedDocument } from '@authing-kit/emulator'
import { render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { LoginForm } from '../loginForm.js'
import { type ProviderProps, startAuthing } from './testAuthing.js'

const completionAppId = '62a0f0a9c6b1c2a3d4e5f632'
const EN = { account: 'Username, email or phone', password: 'Password', submit: 'Log in' }

/** carol chooses a password at her first login; olga's is past 90 days; nick has no nickname nor email, which an app wants. */
async function startSteps() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const seed: SeedDocument = structuredClone(defaultSeed)
  seed.userPool = {
    ...seed.userPool,
    passwordStrength: 2,
    passwordUpdatePolicy: { forcedCycle: 90, forcedCycleUnit: 'DAY' },
  }
  seed.applications = [
    ...(seed.applications ?? []),
    {
      id: completionAppId,
      name: 'Details please',
      extendsFields: [
        { type: 'internal', name: 'nickname', label: 'Nickname', required: true },
        { type: 'internal', name: 'email', label: 'Email', required: true },
      ],
      skipComplateFileds: true,
    },
  ]
  seed.users = [
    ...(seed.users ?? []),
    { username: 'carol', password: 'initial-1', resetPasswordOnFirstLogin: true },
    { username: 'olga', password: 'old-password-1', passwordLastSetAt: '2026-01-01T00:00:00Z', nickname: 'Olga' },
    { username: 'nick', password: 'passw0rd' },
  ]
  return { ...(await startAuthing({ seed, now: () => clock.now })), clock }
}

async function renderForm(authing: Awaited<ReturnType<typeof startSteps>>, provider: ProviderProps = {}) {
  const onSuccess = vi.fn<(user: User) => void>()
  const onError = vi.fn<(error: AuthingError) => void>()
  const user = userEvent.setup()
  render(<LoginForm lang="en-US" onSuccess={onSuccess} onError={onError} />, { wrapper: authing.wrapper(provider) })
  await screen.findByRole('heading')
  return { user, onSuccess, onError }
}

async function passwordLogin(user: ReturnType<typeof userEvent.setup>, account: string, password: string) {
  await user.type(screen.getByLabelText(EN.account), account)
  await user.type(screen.getByLabelText(EN.password), password)
  await user.click(screen.getByRole('button', { name: EN.submit }))
}

describe('<LoginForm> password steps', () => {
  it('first login: the rules tick off as carol types, a mismatch is caught, then she is in with her own password', async () => {
    const authing = await startSteps()
    const { user, onSuccess } = await renderForm(authing)
    await passwordLogin(user, 'carol', 'initial-1')
    const step = await screen.findByRole('form', { name: 'Choose a new password' })
    expect(screen.getByRole('heading').textContent).toBe('Choose a new password')
    expect(within(step).getByText('This is your first login: choose a password of your own.')).toBeTruthy()
    const input = within(step).getByLabelText('New password')
    await waitFor(() => expect(document.activeElement).toBe(input))
    expect(within(step).queryByLabelText('Current password')).toBeNull()

    const rules = within(step).getByRole('list', { name: 'The new password needs' })
    const met = () =>
      within(rules)
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('data-met'))
    expect(met()).toEqual(['false', 'false'])
    await user.type(input, 'abcdefgh')
    expect(met()).toEqual(['true', 'false'])
    await user.type(input, '1')
    expect(met()).toEqual(['true', 'true'])

    await user.type(within(step).getByLabelText('Repeat the new password'), 'abcdefgh2')
    await user.click(within(step).getByRole('button', { name: 'Set the password and log in' }))
    expect(within(step).getByText('The two passwords differ')).toBeTruthy()
    await user.clear(within(step).getByLabelText('Repeat the new password'))
    await user.type(within(step).getByLabelText('Repeat the new password'), 'abcdefgh1')
    await user.click(within(step).getByRole('button', { name: 'Set the password and log in' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]?.[0].username).toBe('carol')
  })

  it('an expired password asks for the current one too; a wrong one is refused and the step stays', async () => {
    const authing = await startSteps()
    const { user, onSuccess, onError } = await renderForm(authing)
    await passwordLogin(user, 'olga', 'old-password-1')
    const step = await screen.findByRole('form', { name: 'Choose a new password' })
    expect(within(step).getByText('Passwords here change every 90 days: choose a new one.')).toBeTruthy()
    await user.type(within(step).getByLabelText('Current password'), 'not-it-1')
    await user.type(within(step).getByLabelText('New password'), 'fresh-pass-2')
    await user.type(within(step).getByLabelText('Repeat the new password'), 'fresh-pass-2')
    await user.click(within(step).getByRole('button', { name: 'Set the password and log in' }))
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 2203 })))
    expect(screen.getByRole('form', { name: 'Choose a new password' })).toBeTruthy()

    await user.clear(within(step).getByLabelText('Current password'))
    await user.type(within(step).getByLabelText('Current password'), 'old-password-1')
    await user.click(within(step).getByRole('button', { name: 'Set the password and log in' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]?.[0].username).toBe('olga')
  })
})

describe('<LoginForm> profile completion', () => {
  it('asks for the missing nickname and a verified email, then logs in', async () => {
    const authing = await startSteps()
    const { user, onSuccess } = await renderForm(authing, { appId: completionAppId })
    await passwordLogin(user, 'nick', 'passw0rd')
    const step = await screen.findByRole('form', { name: 'Complete your profile' })
    const nickname = within(step).getByLabelText('Nickname *')
    await waitFor(() => expect(document.activeElement).toBe(nickname))

    await user.click(within(step).getByRole('button', { name: 'Continue' }))
    expect(within(step).getAllByText('This field is required')).toHaveLength(2)
    expect(document.activeElement).toBe(nickname)

    await user.type(nickname, 'Nick')
    await user.type(within(step).getByLabelText('Email *'), 'nick@example.com')
    await user.click(within(step).getByRole('button', { name: 'Send code' }))
    await within(step).findByRole('button', { name: /Resend in \d+s/ })
    expect(authing.emulator.outbox({ to: 'nick@example.com' })).toMatchObject([
      { scene: 'INFORMATION_COMPLETION_VERIFY_CODE' },
    ])
    await user.type(within(step).getByLabelText('Code sent to this Email'), authing.lastCode('nick@example.com'))
    await user.click(within(step).getByRole('button', { name: 'Continue' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({
      username: 'nick',
      nickname: 'Nick',
      email: 'nick@example.com',
    })
  })

  it('"Skip for now" where the app allows it', async () => {
    const authing = await startSteps()
    const { user, onSuccess } = await renderForm(authing, { appId: completionAppId })
    await passwordLogin(user, 'nick', 'passw0rd')
    await user.click(await screen.findByRole('button', { name: 'Skip for now' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ username: 'nick', nickname: null })
  })
})
