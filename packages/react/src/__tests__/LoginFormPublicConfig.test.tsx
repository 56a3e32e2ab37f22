// @vitest-environment jsdom
import type { User } from '@authing-kit/client'
import { defaultSeed, type SeedDocument } from '@authing-kit/emulator'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { LoginForm } from '../loginForm.js'
import { startAuthing } from './testAuthing.js'

const appId = '62a0f0a9c6b1c2a3d4e5f633'
const TERMS =
  'I accept the <a href="https://example.com/terms" onclick="steal()">terms</a>' +
  '<script>steal()</script> and <a href="javascript:steal()">this</a><img src=x onerror="steal()">'

async function startWithAgreements() {
  const seed: SeedDocument = structuredClone(defaultSeed)
  seed.applications = [
    ...(seed.applications ?? []),
    {
      id: appId,
      name: 'With terms',
      agreements: [
        { title: TERMS, required: true, lang: 'en-US', availableAt: 2 },
        { title: 'Send me news', required: false, lang: 'en-US', availableAt: 1 },
        { title: '我同意条款', required: true, lang: 'zh-CN', availableAt: 2 },
      ],
    },
  ]
  return startAuthing({ seed })
}

describe('<LoginForm> agreements', () => {
  it('shows the app’s agreements of its language with safe links; a required one blocks the login until ticked', async () => {
    const authing = await startWithAgreements()
    const onSuccess = vi.fn<(user: User) => void>()
    const user = userEvent.setup()
    render(<LoginForm lang="en-US" onSuccess={onSuccess} />, { wrapper: authing.wrapper({ appId }) })
    const group = await screen.findByRole('group', { name: 'Agreements' })
    const boxes = within(group).getAllByRole('checkbox')
    expect(boxes).toHaveLength(2)
    expect(group.textContent).not.toContain('我同意条款')
    const link = within(group).getByRole('link', { name: 'terms' })
    expect(link).toMatchObject({ href: 'https://example.com/terms', target: '_blank', rel: 'noopener noreferrer' })
    expect(link.getAttribute('onclick')).toBeNull()
    expect(within(group).getAllByRole('link')).toHaveLength(1)
    expect(group.querySelector('script, img')).toBeNull()
    expect(group.textContent).toContain('I accept the terms and this *')

    await user.type(screen.getByLabelText('Username, email or phone'), 'bob')
    await user.type(screen.getByLabelText('Password'), 'passw0rd')
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    expect(screen.getByRole('alert').textContent).toBe('Please accept the agreements marked *.')
    expect(document.activeElement).toBe(boxes[0])
    expect(authing.requests.some((path) => path.startsWith('/api/v2/login') || path.startsWith('login'))).toBe(false)

    await user.click(boxes[0] as HTMLElement)
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(authing.requests).toContain('/api/v2/login/account')
  })
})

describe('<LoginForm followPublicConfig>', () => {
  it("takes the console's tabs, their order, the default tab and the sign-up switch", async () => {
    const seed: SeedDocument = structuredClone(defaultSeed)
    const configured = '62a0f0a9c6b1c2a3d4e5f634'
    seed.applications = [
      ...(seed.applications ?? []),
      {
        id: configured,
        name: 'Codes first',
        loginTabs: ['phone-code', 'password'],
        defaultLoginTab: 'phone-code',
        verifyCodeLoginMethods: ['email-code'],
        registerDisabled: true,
      },
    ]
    const authing = await startAuthing({ seed })
    render(<LoginForm lang="en-US" followPublicConfig />, { wrapper: authing.wrapper({ appId: configured }) })
    const tabs = await screen.findByRole('group', { name: 'Login methods' })
    await waitFor(() =>
      expect(
        within(tabs)
          .getAllByRole('button')
          .map((b) => [b.textContent, b.getAttribute('aria-pressed')]),
      ).toEqual([
        ['Email code', 'true'],
        ['Password', 'false'],
      ]),
    )
    expect(screen.getByLabelText('Email')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Create an account' })).toBeNull()

    // Without the prop, the app's own choice stands.
    cleanup()
    render(<LoginForm lang="en-US" />, { wrapper: authing.wrapper({ appId: configured }) })
    const own = await screen.findByRole('group', { name: 'Login methods' })
    expect(within(own).getAllByRole('button')).toHaveLength(3)
    expect(screen.getByRole('button', { name: 'Create an account' })).toBeTruthy()
  })
})
