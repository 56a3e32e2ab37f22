import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CSSProperties } from 'react'
import { expect, fn, waitFor } from 'storybook/test'

import { authingOf, authingParameters } from '../../../../../.storybook/storyAuthing.js'
import {
  expectAlert,
  expectLoggedIn,
  expectStatus,
  logInWithPassword,
} from '../../../../../.storybook/storyLoginForm.js'
import { LoginForm } from './LoginForm.js'

/** The form's states; each story has its own emulator, seeded with bob / passw0rd. */
const meta = {
  title: 'LoginForm/States',
  component: LoginForm,
  args: { lang: 'en-US', onSuccess: fn(), onError: fn() },
} satisfies Meta<typeof LoginForm>

export default meta
type Story = StoryObj<typeof meta>

export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Log in' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Password' })).toHaveAttribute('aria-pressed', 'true')
    await expect(canvas.getByRole('checkbox', { name: 'Remember me' })).toBeChecked()
    // An empty alert region is hidden, so nothing is announced.
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

export const IdleInChinese: Story = {
  name: 'Idle (zh-CN)',
  args: { lang: 'zh-CN' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: '登录' })).toBeVisible()
    await expect(canvas.getByLabelText('用户名 / 邮箱 / 手机号')).toBeVisible()
    await expect(canvas.getByRole('button', { name: '手机验证码' })).toBeVisible()
  },
}

export const LoggedIn: Story = {
  name: 'Logs in as bob',
  play: async (context) => {
    await logInWithPassword(context, 'en-US', 'bob', 'passw0rd')
    await expectLoggedIn(context.args.onSuccess, 'bob')
    await expectStatus(context, 'Welcome, Bob')
    await expect(context.args.onError).not.toHaveBeenCalled()
  },
}

export const LoggedInInChinese: Story = {
  name: 'Logs in as bob (zh-CN)',
  args: { lang: 'zh-CN' },
  play: async (context) => {
    await logInWithPassword(context, 'zh-CN', 'bob@example.com', 'passw0rd')
    await expectLoggedIn(context.args.onSuccess, 'bob')
    await expectStatus(context, '欢迎，Bob')
  },
}

export const Pending: Story = {
  // The held request never times out while the story is on screen.
  parameters: authingParameters({ timeout: 3_600_000 }),
  play: async (context) => {
    authingOf(context).network.hold()
    await logInWithPassword(context, 'en-US', 'bob', 'passw0rd')
    await waitFor(() => expect(context.canvas.getByRole('button', { name: 'Log in' })).toBeDisabled())
    await expect(context.args.onSuccess).not.toHaveBeenCalled()
  },
}

export const CheckedBeforeSending: Story = {
  name: 'Validation before sending',
  play: async (context) => {
    const { canvas, userEvent } = context
    await userEvent.type(await canvas.findByLabelText('Username, email or phone'), 'bob@example')
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }))
    const account = canvas.getByLabelText('Username, email or phone')
    await expect(account).toHaveAttribute('aria-invalid', 'true')
    await expect(account).toHaveAccessibleDescription('Enter a valid email address')
    await expect(account).toHaveFocus()
    await expect(authingOf(context).emulator.outbox()).toEqual([])
  },
}

export const Themed: Story = {
  args: { style: { '--ak-color-primary': '#0a7d4f', '--ak-radius': '12px' } as CSSProperties },
  play: async (context) => {
    const submit = await context.canvas.findByRole('button', { name: 'Log in' })
    await expect(getComputedStyle(submit).backgroundColor).toBe('rgb(10, 125, 79)')
    await expect(getComputedStyle(submit).borderTopLeftRadius).toBe('12px')
    await logInWithPassword(context, 'en-US', 'bob', 'wrong-password')
    await expectAlert(context, 'Incorrect account or password.')
  },
}

export const Unstyled: Story = {
  args: { unstyled: true, className: 'my-login' },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByRole('heading', { name: 'Log in' })
    await expect(canvasElement.querySelector('style')).toBeNull()
    await expect(canvasElement.querySelector('.ak-login.my-login .ak-login__submit')).not.toBeNull()
  },
}
