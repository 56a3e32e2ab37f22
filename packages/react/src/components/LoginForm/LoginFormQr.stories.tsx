import { demoSeed } from '@authing-kit/emulator'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'

import { ANSWER_WAIT, authingOf, authingParameters } from '../../../../../.storybook/storyAuthing.js'
import { expectLoggedIn } from '../../../../../.storybook/storyLoginForm.js'
import { LoginForm } from './LoginForm.js'

type Context = Parameters<NonNullable<Story['play']>>[0]

/** Opens the QR tab (the demo app's console turned it on) and waits for its code. */
async function openQrTab(context: Context, tab = 'QR code') {
  const { canvas, userEvent } = context
  await userEvent.click(await canvas.findByRole('button', { name: tab }, ANSWER_WAIT))
  await canvas.findByRole('img', {}, ANSWER_WAIT)
  return authingOf(context)
}

/** The QR tab in each of its states; the story's emulator plays the phone. */
const meta = {
  title: 'LoginForm/QR code',
  component: LoginForm,
  args: { lang: 'en-US', onSuccess: fn(), onError: fn() },
  parameters: authingParameters({ emulator: { seed: demoSeed } }),
} satisfies Meta<typeof LoginForm>

export default meta
type Story = StoryObj<typeof meta>

export const Waiting: Story = {
  name: 'Waiting for a scan',
  play: async (context) => {
    await openQrTab(context)
    await expect(context.canvas.getByText('Scan the code with the app to log in.')).toBeVisible()
  },
}

export const Scanned: Story = {
  name: 'Scanned, waiting for the phone to confirm',
  play: async (context) => {
    const authing = await openQrTab(context)
    await authing.emulator.qrcode.scan(authing.lastQrCode(), 'bob')
    await context.canvas.findByText('Scanned by Bob. Confirm the login on your phone.', {}, ANSWER_WAIT)
  },
}

export const Confirmed: Story = {
  name: 'Confirmed on the phone: logged in',
  play: async (context) => {
    const authing = await openQrTab(context)
    const random = authing.lastQrCode()
    await authing.emulator.qrcode.scan(random, 'bob')
    await authing.emulator.qrcode.confirm(random)
    await expectLoggedIn(context.args.onSuccess, 'bob')
  },
}

export const Expired: Story = {
  name: 'Expired (after three new codes drawn by themselves)',
  play: async (context) => {
    const authing = await openQrTab(context)
    for (let drawn = 0; drawn <= 3; drawn++) {
      const random = authing.lastQrCode()
      await authing.emulator.qrcode.expire(random)
      if (drawn < 3) await waitFor(() => expect(authing.lastQrCode()).not.toBe(random), ANSWER_WAIT)
    }
    await context.canvas.findByText('The code has expired.', {}, ANSWER_WAIT)
    await expect(context.canvas.getByRole('button', { name: 'Get a new code' })).toBeVisible()
  },
}

export const Cancelled: Story = {
  name: 'Cancelled on the phone',
  play: async (context) => {
    const authing = await openQrTab(context)
    const random = authing.lastQrCode()
    await authing.emulator.qrcode.scan(random, 'bob')
    await authing.emulator.qrcode.cancel(random)
    await context.canvas.findByText('The login was cancelled on the phone.', {}, ANSWER_WAIT)
    await context.userEvent.click(context.canvas.getByRole('button', { name: 'Get a new code' }))
    await context.canvas.findByText('Scan the code with the app to log in.', {}, ANSWER_WAIT)
  },
}

export const NeedsMfa: Story = {
  name: 'Scanned by a user with MFA: the step continues here',
  play: async (context) => {
    const authing = await openQrTab(context)
    const random = authing.lastQrCode()
    await authing.emulator.qrcode.scan(random, 'mfa-alice')
    await authing.emulator.qrcode.confirm(random)
    await context.canvas.findByLabelText('Authenticator code', {}, ANSWER_WAIT)
  },
}

export const InChinese: Story = {
  name: 'Waiting for a scan (zh-CN)',
  args: { lang: 'zh-CN' },
  play: async (context) => {
    await openQrTab(context, 'APP 扫码')
    await expect(context.canvas.getByText('请使用 APP 扫描二维码登录。')).toBeVisible()
  },
}
