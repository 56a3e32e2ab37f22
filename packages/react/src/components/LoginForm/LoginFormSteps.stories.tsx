import { demoSeed, type SeedDocument, totpCodeAt } from '@authing-kit/emulator'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'

import { ANSWER_WAIT, authingOf, authingParameters } from '../../../../../.storybook/storyAuthing.js'
import { expectAlert, expectLoggedIn, logInWithPassword } from '../../../../../.storybook/storyLoginForm.js'
import { LoginForm } from './LoginForm.js'

/** The demo seed's mfa-alice, as her enrolment QR code carried it. */
const ALICE_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

/** The demo seed with its application wanting a nickname, and a user who has none (1642). */
const completionSeed = (): SeedDocument => ({
  ...demoSeed,
  applications: (demoSeed.applications ?? []).map((app) => ({
    ...app,
    extendsFields: [{ type: 'internal', name: 'nickname', label: 'Nickname', required: true }],
  })),
  users: [...(demoSeed.users ?? []), { username: 'nick', password: 'passw0rd' }],
})

/** The demo seed with its application asking for its terms to be accepted at login and sign-up. */
const agreementSeed = (): SeedDocument => ({
  ...demoSeed,
  applications: (demoSeed.applications ?? []).map((app) => ({
    ...app,
    agreements: [
      {
        title: 'I accept the <a href="https://example.com/terms">terms of service</a>',
        required: true,
        lang: 'en-US',
        availableAt: 2,
      },
      { title: 'Send me product news', required: false, lang: 'en-US', availableAt: 1 },
      {
        title: '我已阅读并同意<a href="https://example.com/terms">服务条款</a>',
        required: true,
        lang: 'zh-CN',
        availableAt: 2,
      },
    ],
  })),
})

/** The demo seed with its application asking every login for a text-message or authenticator code (1636). */
const smsPolicySeed = (): SeedDocument => ({
  ...demoSeed,
  applications: (demoSeed.applications ?? []).map((app) => ({ ...app, mfa: ['SMS', 'OTP'] })),
})

/** The steps a login can stop at, each completed by its play function against the story's emulator. */
const meta = {
  title: 'LoginForm/Steps',
  component: LoginForm,
  args: { lang: 'en-US', onSuccess: fn(), onError: fn() },
  parameters: authingParameters({ emulator: { seed: demoSeed } }),
} satisfies Meta<typeof LoginForm>

export default meta
type Story = StoryObj<typeof meta>

export const AuthenticatorCode: Story = {
  name: 'MFA: authenticator code (wrong, then right)',
  play: async (context) => {
    const { canvas, userEvent } = context
    await logInWithPassword(context, 'en-US', 'mfa-alice', 'passw0rd')
    const input = await canvas.findByLabelText('Authenticator code', {}, ANSWER_WAIT)
    await waitFor(() => expect(input).toHaveFocus())
    await userEvent.type(input, '000000')
    await expectAlert(context, 'The authenticator code is incorrect.')
    await expect(context.args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 6001 }))
    await userEvent.type(input, totpCodeAt(ALICE_SECRET, Date.now()))
    await expectLoggedIn(context.args.onSuccess, 'mfa-alice')
  },
}

export const AuthenticatorCodeInChinese: Story = {
  name: 'MFA: authenticator code (zh-CN)',
  args: { lang: 'zh-CN' },
  play: async (context) => {
    await logInWithPassword(context, 'zh-CN', 'mfa-alice', 'passw0rd')
    await expect(await context.canvas.findByLabelText('安全码', {}, ANSWER_WAIT)).toHaveFocus()
    await expect(context.canvas.getByRole('group', { name: '验证方式' })).toBeVisible()
  },
}

export const RecoveryCode: Story = {
  name: 'MFA: recovery code, then the next one shown once',
  play: async (context) => {
    const { canvas, userEvent } = context
    await logInWithPassword(context, 'en-US', 'mfa-alice', 'passw0rd')
    await userEvent.click(await canvas.findByRole('button', { name: 'Recovery code' }, ANSWER_WAIT))
    await userEvent.type(canvas.getByLabelText('Recovery code'), 'alice-recovery-01{Enter}')
    const notice = await canvas.findByRole('group', { name: 'Save your new recovery code' }, ANSWER_WAIT)
    await expect(notice.querySelector('code')?.textContent).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){5}$/)
    await expect(context.args.onSuccess).not.toHaveBeenCalled()
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expectLoggedIn(context.args.onSuccess, 'mfa-alice')
  },
}

export const TextMessage: Story = {
  name: "MFA: the app's text-message code",
  parameters: authingParameters({ emulator: { seed: smsPolicySeed() } }),
  play: async (context) => {
    const { canvas, userEvent } = context
    await logInWithPassword(context, 'en-US', 'bob', 'passw0rd')
    await expect(await canvas.findByText('We send a code to 138****8000.', {}, ANSWER_WAIT)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }))
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Resend in \d+s$/ })).toBeDisabled(), ANSWER_WAIT)
    await expect(authingOf(context).emulator.outbox({ to: '13800138000' })).toMatchObject([{ scene: 'mfa-verify' }])
    await userEvent.type(canvas.getByLabelText('Verification code'), authingOf(context).lastCode('13800138000'))
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await expectLoggedIn(context.args.onSuccess, 'bob')
  },
}

export const FirstLoginPassword: Story = {
  name: 'Password: choose one at the first login',
  play: async (context) => {
    const { canvas, userEvent } = context
    await logInWithPassword(context, 'en-US', 'first-login-carol', 'passw0rd')
    const input = await canvas.findByLabelText('New password', {}, ANSWER_WAIT)
    await waitFor(() => expect(input).toHaveFocus())
    await userEvent.type(input, 'carol-s-own-1')
    await userEvent.type(canvas.getByLabelText('Repeat the new password'), 'carol-s-own-1')
    await userEvent.click(canvas.getByRole('button', { name: 'Set the password and log in' }))
    await expectLoggedIn(context.args.onSuccess, 'first-login-carol')
  },
}

export const FirstLoginPasswordInChinese: Story = {
  name: 'Password: first login (zh-CN)',
  args: { lang: 'zh-CN' },
  play: async (context) => {
    await logInWithPassword(context, 'zh-CN', 'first-login-carol', 'passw0rd')
    await expect(await context.canvas.findByRole('heading', { name: '设置新密码' }, ANSWER_WAIT)).toBeVisible()
    // The heading comes first; the step's fields with its lazily loaded view.
    await expect(await context.canvas.findByLabelText('再次输入新密码', {}, ANSWER_WAIT)).toBeVisible()
  },
}

export const CompleteProfile: Story = {
  name: 'Profile completion: a missing nickname',
  parameters: authingParameters({ emulator: { seed: completionSeed() } }),
  play: async (context) => {
    const { canvas, userEvent } = context
    await logInWithPassword(context, 'en-US', 'nick', 'passw0rd')
    const nickname = await canvas.findByLabelText('Nickname *', {}, ANSWER_WAIT)
    await waitFor(() => expect(nickname).toHaveFocus())
    await userEvent.type(nickname, 'Nick{Enter}')
    await expectLoggedIn(context.args.onSuccess, 'nick')
  },
}

export const RequiredAgreement: Story = {
  name: 'Agreements: a required one blocks the login until ticked',
  parameters: authingParameters({ emulator: { seed: agreementSeed() } }),
  play: async (context) => {
    const { canvas, userEvent } = context
    const group = await canvas.findByRole('group', { name: 'Agreements' }, ANSWER_WAIT)
    await expect(within(group).getByRole('link', { name: 'terms of service' })).toHaveAttribute('target', '_blank')
    await logInWithPassword(context, 'en-US', 'bob', 'passw0rd')
    await expectAlert(context, 'Please accept the agreements marked *.')
    await expect(context.args.onSuccess).not.toHaveBeenCalled()
    await userEvent.click(within(group).getAllByRole('checkbox')[0] as HTMLElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }))
    await expectLoggedIn(context.args.onSuccess, 'bob')
  },
}

export const RequiredAgreementInChinese: Story = {
  name: 'Agreements: required (zh-CN)',
  args: { lang: 'zh-CN' },
  parameters: authingParameters({ emulator: { seed: agreementSeed() } }),
  play: async (context) => {
    const group = await context.canvas.findByRole('group', { name: '协议' }, ANSWER_WAIT)
    await expect(within(group).getByRole('link', { name: '服务条款' })).toBeVisible()
    await logInWithPassword(context, 'zh-CN', 'bob', 'passw0rd')
    await expectAlert(context, '请先阅读并同意标 * 的协议。')
  },
}

export const TextMessageInChinese: Story = {
  name: "MFA: the app's text-message code (zh-CN)",
  args: { lang: 'zh-CN' },
  parameters: authingParameters({ emulator: { seed: smsPolicySeed() } }),
  play: async (context) => {
    await logInWithPassword(context, 'zh-CN', 'bob', 'passw0rd')
    await expect(await context.canvas.findByText('验证码将发送到 138****8000。', {}, ANSWER_WAIT)).toBeVisible()
  },
}

export const CompleteProfileInChinese: Story = {
  name: 'Profile completion (zh-CN)',
  args: { lang: 'zh-CN' },
  parameters: authingParameters({ emulator: { seed: completionSeed() } }),
  play: async (context) => {
    await logInWithPassword(context, 'zh-CN', 'nick', 'passw0rd')
    await expect(await context.canvas.findByRole('heading', { name: '完善个人信息' }, ANSWER_WAIT)).toBeVisible()
    await expect(await context.canvas.findByRole('button', { name: '继续' }, ANSWER_WAIT)).toBeVisible()
  },
}
