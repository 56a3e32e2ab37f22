// @vitest-environment jsdom
import type { AuthingError, User } from '@authing-kit/client'
import { defaultSeed, totpCodeAt } from '@authing-kit/emulator'
import { render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { LoginForm, type LoginFormProps } from '../loginForm.js'
import { type ProviderProps, startAuthing } from './testAuthing.js'

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const strictAppId = '62a0f0a9c6b1c2a3d4e5f630'
const totpAppId = '62a0f0a9c6b1c2a3d4e5f631'
const EN = { account: 'Username, email or phone', password: 'Password', submit: 'Log in' }

/** alice has an authenticator app (and a known recovery code); the `strict` app asks every login for SMS or TOTP. */
async function startMfa() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const seed = structuredClone(defaultSeed)
  seed.applications = [
    ...(seed.applications ?? []),
    { id: strictAppId, name: 'Strict', mfa: ['SMS', 'OTP'] },
    { id: totpAppId, name: 'Authenticator only', mfa: ['OTP'] },
  ]
  seed.users = [
    ...(seed.users ?? []),
    { username: 'alice', password: 'passw0rd', totpSecret: secret, totpRecoveryCode: 'alice-recovery-01' },
  ]
  const authing = await startAuthing({ seed, now: () => clock.now })
  return { ...authing, clock, code: () => totpCodeAt(secret, clock.now) }
}

async function renderForm(
  authing: Awaited<ReturnType<typeof startMfa>>,
  props: LoginFormProps,
  provider: ProviderProps = {},
) {
  const onSuccess = vi.fn<(user: User) => void>()
  const onError = vi.fn<(error: AuthingError) => void>()
  const user = userEvent.setup()
  render(<LoginForm onSuccess={onSuccess} onError={onError} {...props} />, { wrapper: authing.wrapper(provider) })
  await screen.findByRole('heading')
  return { user, onSuccess, onError }
}

async function passwordLogin(user: ReturnType<typeof userEvent.setup>, account: string, labels = EN) {
  await user.type(screen.getByLabelText(labels.account), account)
  await user.type(screen.getByLabelText(labels.password), 'passw0rd')
  await user.click(screen.getByRole('button', { name: labels.submit }))
}

describe('<LoginForm> second factor', () => {
  it('asks for the authenticator code, focused and announced; a pasted code logs in by itself', async () => {
    const authing = await startMfa()
    const { user, onSuccess, onError } = await renderForm(authing, { lang: 'en-US' })
    await passwordLogin(user, 'alice')

    const step = await screen.findByRole('form', { name: 'Two-step verification' })
    const input = within(step).getByLabelText('Authenticator code')
    await waitFor(() => expect(document.activeElement).toBe(input))
    expect(input).toMatchObject({ inputMode: 'numeric', autocomplete: 'one-time-code' })
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Two-step verification: Enter the 6-digit code your authenticator app shows.',
    )
    expect(screen.getByRole('heading').textContent).toBe('Two-step verification')
    // A step is no failure: nothing alarming, and the app's onError hears nothing.
    expect(screen.getByRole('alert', { hidden: true }).textContent).toBe('')
    expect(onError).not.toHaveBeenCalled()
    expect(within(step).getByRole('group', { name: 'Verify with' })).toBeTruthy()

    const code = authing.code()
    await user.click(input)
    await user.paste(`${code.slice(0, 3)} ${code.slice(3)}`)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]?.[0].username).toBe('alice')
    expect(localStorage.getItem(authing.tokenKey)).toBe(onSuccess.mock.calls[0]?.[0].token)
    expect(authing.requests).toContain('/api/v2/mfa/totp/verify')
  })

  it('a wrong code says so and clears the field; "Back to log in" leaves the step', async () => {
    const authing = await startMfa()
    const { user, onError } = await renderForm(authing, { lang: 'en-US' })
    await passwordLogin(user, 'alice')
    const input = await screen.findByLabelText('Authenticator code')
    await user.type(input, '000000')
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The authenticator code is incorrect. Check the time on your phone and try again.',
      ),
    )
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 6001 }))
    expect((screen.getByLabelText('Authenticator code') as HTMLInputElement).value).toBe('')

    await user.click(screen.getByRole('button', { name: 'Back to log in' }))
    expect(await screen.findByLabelText(EN.account)).toBeTruthy()
    expect(screen.queryByLabelText('Authenticator code')).toBeNull()
  })

  it("the app's SMS factor: masked phone, send with countdown, the code from the outbox logs in", async () => {
    const authing = await startMfa()
    const { user, onSuccess } = await renderForm(authing, { lang: 'en-US' }, { appId: strictAppId })
    await passwordLogin(user, 'bob')
    const step = await screen.findByRole('form', { name: 'Two-step verification' })
    // bob has no authenticator app: the text message comes first.
    const choices = within(within(step).getByRole('group', { name: 'Verify with' })).getAllByRole('button')
    expect(choices.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      ['Text message', 'true'],
      ['Authenticator app', 'false'],
    ])
    expect(within(step).getByText('We send a code to 138****8000.')).toBeTruthy()
    expect(step.textContent).not.toContain('13800138000')

    await user.click(within(step).getByRole('button', { name: 'Send code' }))
    expect(await within(step).findByRole('button', { name: /Resend in \d+s/ })).toHaveProperty('disabled', true)
    await user.type(within(step).getByLabelText('Verification code'), authing.lastCode('13800138000'))
    await user.click(within(step).getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]?.[0].username).toBe('bob')
  })

  it('a recovery code logs in, and the next one is shown once before the app takes over (zh-CN)', async () => {
    const authing = await startMfa()
    const { user, onSuccess } = await renderForm(authing, {})
    await passwordLogin(user, 'alice', { account: '用户名 / 邮箱 / 手机号', password: '密码', submit: '登录' })
    const step = await screen.findByRole('form', { name: '安全验证' })
    await user.click(within(step).getByRole('button', { name: '恢复代码' }))
    const input = within(step).getByLabelText('恢复代码')
    await waitFor(() => expect(document.activeElement).toBe(input))
    await user.type(input, 'alice-recovery-01')
    await user.click(within(step).getByRole('button', { name: '验证' }))

    const notice = await screen.findByRole('group', { name: '请保存新的恢复代码' })
    const next = notice.querySelector('code')?.textContent ?? ''
    expect(next).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){5}$/)
    // The session waits for "继续": an app that swaps the form out on login would hide the new code.
    expect(onSuccess).not.toHaveBeenCalled()
    expect(localStorage.getItem(authing.tokenKey)).toBeNull()
    await user.click(within(notice).getByRole('button', { name: '继续' }))
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(localStorage.getItem(authing.tokenKey)).toBe(onSuccess.mock.calls[0]?.[0].token)
    expect(onSuccess.mock.calls[0]?.[0]).not.toHaveProperty('recoveryCode')
  })

  it('an app that asks for an authenticator app bob has not set up: he binds one in the step and is in', async () => {
    const authing = await startMfa()
    const { user, onSuccess } = await renderForm(authing, { lang: 'en-US' }, { appId: totpAppId })
    await passwordLogin(user, 'bob')
    const step = await screen.findByRole('form', { name: 'Two-step verification' })
    expect(within(step).getByText(/none is set up for your account yet/)).toBeTruthy()
    await user.click(within(step).getByRole('button', { name: 'Set up an authenticator app' }))
    const qr = await within(step).findByRole('img', { name: 'QR code for your authenticator app' })
    expect(qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    const [key, recovery] = [...step.querySelectorAll('code')].map((c) => c.textContent ?? '')
    expect(key).toMatch(/^[A-Z2-7]{16,}$/)
    expect(recovery).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){5}$/)
    const input = within(step).getByLabelText('Authenticator code')
    await waitFor(() => expect(document.activeElement).toBe(input))
    await user.type(input, totpCodeAt(key ?? '', authing.clock.now))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]?.[0].username).toBe('bob')
    expect(localStorage.getItem(`authing-kit:${totpAppId}:token`)).toBe(onSuccess.mock.calls[0]?.[0].token)
  })
})
