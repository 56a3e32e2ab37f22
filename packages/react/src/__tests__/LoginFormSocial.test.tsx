// @vitest-environment jsdom
import type { User } from '@authing-kit/client'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { LoginForm } from '../loginForm.js'
import { continuePopup, fakeOpen, type OpenedPopups, post, startSocial } from './socialTesting.js'
import { BOB_ID, WAIT } from './testAuthing.js'

/** Plays the provider: the popup's page, its "Continue", and the message it posts back to the form. */
async function answerPopup(authing: Awaited<ReturnType<typeof startSocial>>, opened: OpenedPopups) {
  await waitFor(() => expect(opened.length).toBeGreaterThan(0), WAIT)
  const { message, popup, origin } = await continuePopup(authing, opened)
  await act(async () => post(message, origin, popup))
}

afterEach(() => vi.restoreAllMocks())

describe('<LoginForm> social logins', () => {
  it("draws the app's providers with their own marks; GitHub's popup logs in", async () => {
    const authing = await startSocial()
    const opened = fakeOpen()
    const onSuccess = vi.fn<(user: User) => void>()
    const user = userEvent.setup()
    render(<LoginForm lang="en-US" onSuccess={onSuccess} />, { wrapper: authing.wrapper() })
    const github = await screen.findByRole('button', { name: 'Continue with GitHub' }, WAIT)
    const list = github.closest('ul') as HTMLElement
    expect(within(list).getAllByRole('button').length).toBeGreaterThanOrEqual(6)
    // The mark is drawn inline: nothing is fetched from the providers.
    expect(github.querySelector('svg path')).not.toBeNull()
    expect(list.querySelector('img')).toBeNull()
    await user.click(github)
    expect(opened[0]?.url).toContain('/connections/social/github?')
    await answerPopup(authing, opened)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), WAIT)
    expect(onSuccess.mock.calls[0]?.[0].nickname).toBe('octocat')
  })

  it('a new weibo account is linked to an existing one by its password (1641); a new account is offered too', async () => {
    const authing = await startSocial()
    const opened = fakeOpen()
    const onSuccess = vi.fn<(user: User) => void>()
    const user = userEvent.setup()
    render(<LoginForm lang="en-US" onSuccess={onSuccess} />, { wrapper: authing.wrapper() })
    await user.click(await screen.findByRole('button', { name: 'Continue with Weibo' }, WAIT))
    await answerPopup(authing, opened)
    const step = await screen.findByRole('form', { name: 'Link your account' }, WAIT)
    expect(within(step).getByRole('button', { name: 'Create a new account' })).toBeTruthy()
    await waitFor(
      () => expect(document.activeElement).toBe(within(step).getByLabelText('Username, email or phone')),
      WAIT,
    )
    await user.keyboard('bob')
    await user.type(within(step).getByLabelText('Password'), 'wrong-pass')
    await user.click(within(step).getByRole('button', { name: 'Link and log in' }))
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toMatch(
      /^Incorrect account or password\. 4 attempts left/,
    )
    await user.clear(within(step).getByLabelText('Password'))
    await user.type(within(step).getByLabelText('Password'), 'passw0rd{Enter}')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), WAIT)
    expect(onSuccess.mock.calls[0]?.[0].id).toBe(BOB_ID)
  })

  it('offers none with socialLogin={false}', async () => {
    const authing = await startSocial()
    render(<LoginForm lang="en-US" socialLogin={false} />, { wrapper: authing.wrapper() })
    await screen.findByRole('button', { name: 'Phone code' }, WAIT)
    await waitFor(() => expect(authing.requests.some((path) => path.endsWith('/public-config'))).toBe(true), WAIT)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(screen.queryByRole('button', { name: 'Continue with GitHub' })).toBeNull()
  })
})
