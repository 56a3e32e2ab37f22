import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'

import { authingOf } from '../../../../../.storybook/storyAuthing.js'
import { expectLoggedIn, expectStatus, logInWithPassword, sendCode } from '../../../../../.storybook/storyLoginForm.js'
import { LoginForm } from './LoginForm.js'

/** Whole flows against the story's emulator: codes are read from its outbox, as from a phone. */
const meta = {
  title: 'LoginForm/Flows',
  component: LoginForm,
  args: { lang: 'en-US', onSuccess: fn(), onError: fn() },
} satisfies Meta<typeof LoginForm>

export default meta
type Story = StoryObj<typeof meta>

export const SmsCountdown: Story = {
  name: 'SMS code login with countdown',
  args: { defaultMethod: 'phoneCode' },
  play: async (context) => {
    const { canvas, userEvent } = context
    await sendCode(context, 'en-US', 'phone', '13800138000')
    await expect(authingOf(context).emulator.outbox({ to: '13800138000' })).toMatchObject([
      { channel: 'sms', scene: 'login' },
    ])
    const resend = canvas.getByRole('button', { name: /^Resend in \d+s$/ })
    await expect(resend).toBeDisabled()
    await expect(canvas.getByLabelText('Verification code')).toHaveFocus()
    // The countdown ticks: the next second's text replaces this one.
    const seconds = Number(/\d+/.exec(resend.textContent ?? '')?.[0])
    await waitFor(() => expect(canvas.getByRole('button', { name: `Resend in ${seconds - 1}s` })).toBeDisabled(), {
      timeout: 5_000,
    })

    await userEvent.type(
      canvas.getByLabelText('Verification code'),
      `${authingOf(context).lastCode('13800138000')}{Enter}`,
    )
    await expectLoggedIn(context.args.onSuccess, 'bob')
    // Still counting after the login: a second code cannot be requested yet.
    await expect(canvas.getByRole('button', { name: /^Resend in \d+s$/ })).toBeDisabled()
  },
}

export const SmsCountdownInChinese: Story = {
  name: 'SMS countdown (zh-CN)',
  args: { lang: 'zh-CN', defaultMethod: 'phoneCode' },
  play: async (context) => {
    await sendCode(context, 'zh-CN', 'phone', '13800138000')
    await expect(context.canvas.getByRole('button', { name: /^\d+ 秒后重新发送$/ })).toBeDisabled()
  },
}

export const Register: Story = {
  name: 'Register, then log in',
  play: async (context) => {
    const { canvas, userEvent } = context
    await userEvent.click(await canvas.findByRole('button', { name: 'Create an account' }))
    await expect(canvas.getByRole('heading', { name: 'Create an account' })).toBeVisible()
    await userEvent.type(await canvas.findByLabelText('Username'), 'alice')
    await userEvent.type(canvas.getByLabelText('Password'), 'al1ce-pass')
    await userEvent.click(canvas.getByRole('button', { name: 'Sign up' }))
    await expectStatus(context, 'Your account was created. You can log in now.')
    await expect(canvas.getByRole('heading', { name: 'Log in' })).toBeVisible()

    await logInWithPassword(context, 'en-US', 'alice', 'al1ce-pass')
    await expectLoggedIn(context.args.onSuccess, 'alice')
  },
}

export const ForgotPassword: Story = {
  name: 'Forgot password, then log in',
  play: async (context) => {
    const { canvas, userEvent } = context
    await userEvent.click(await canvas.findByRole('button', { name: 'Forgot password?' }))
    await expect(canvas.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
    await canvas.findByRole('form', { name: 'Reset your password' })
    await sendCode(context, 'en-US', 'phone', '13800138000')
    await expect(authingOf(context).emulator.outbox({ to: '13800138000' })).toMatchObject([{ scene: 'reset' }])
    await userEvent.type(canvas.getByLabelText('Verification code'), authingOf(context).lastCode('13800138000'))
    await userEvent.type(canvas.getByLabelText('New password'), 'n3w-passw0rd')
    await userEvent.click(canvas.getByRole('button', { name: 'Reset password' }))
    await expectStatus(context, 'Your password was reset. You can log in now.')

    await logInWithPassword(context, 'en-US', 'bob', 'n3w-passw0rd')
    await expectLoggedIn(context.args.onSuccess, 'bob')
  },
}
