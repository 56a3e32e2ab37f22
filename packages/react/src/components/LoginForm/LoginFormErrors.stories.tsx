import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'

import { authingOf, authingParameters } from '../../../../../.storybook/storyAuthing.js'
import { expectAlert, logInWithPassword, sendCode } from '../../../../../.storybook/storyLoginForm.js'
import { RETRY_AFTER_SECONDS } from '../../../../../.storybook/storyNetwork.js'
import { LoginForm } from './LoginForm.js'

/**
 * Every failure the form explains, in the alert region. Authing's own refusals come from the real
 * emulator; only the network's faults (offline, no answer, a gateway's 429 or HTML page) are injected.
 */
const meta = {
  title: 'LoginForm/Errors',
  component: LoginForm,
  args: { lang: 'en-US', onSuccess: fn(), onError: fn() },
} satisfies Meta<typeof LoginForm>

export default meta
type Story = StoryObj<typeof meta>

/** onError got an AuthingError with this code, and the form never reported a success. */
async function expectFailure(args: Story['args'] & object, code: number | string): Promise<void> {
  await waitFor(() => expect(args.onError).toHaveBeenLastCalledWith(expect.objectContaining({ code })))
  await expect(args.onSuccess).not.toHaveBeenCalled()
}

type Play = NonNullable<Story['play']>

/** A play: `act`, then the form explains the refusal `code` with `alert`, and reports no success. */
function failsWith(act: (context: Parameters<Play>[0]) => Promise<void>, alert: string, code: number | string): Play {
  return async (context) => {
    await act(context)
    await expectAlert(context, alert)
    await expectFailure(context.args, code)
  }
}

/** A play: bob logs in with `password`, and the form explains the refusal `code` with `alert`. */
function passwordLoginFails(
  alert: string,
  code: number | string,
  { lang = 'en-US', password = 'passw0rd' }: { lang?: 'en-US' | 'zh-CN'; password?: string } = {},
): Play {
  return failsWith((context) => logInWithPassword(context, lang, 'bob', password), alert, code)
}

export const WrongPassword: Story = {
  name: 'Wrong password (2333)',
  play: passwordLoginFails('Incorrect account or password.', 2333, { password: 'wrong-password' }),
}

export const WrongPasswordInChinese: Story = {
  name: 'Wrong password (2333, zh-CN)',
  args: { lang: 'zh-CN' },
  play: passwordLoginFails('账号或密码错误。', 2333, { lang: 'zh-CN', password: 'wrong-password' }),
}

export const LockedAccount: Story = {
  name: 'Locked account (2005)',
  // Five wrong passwords before the story starts: even the right one is refused now.
  parameters: authingParameters({ failedLogins: 5 }),
  play: passwordLoginFails('Too many failed attempts. Your account is locked for a while; try again later.', 2005),
}

export const WrongCode: Story = {
  name: 'Wrong code (2001)',
  args: { defaultMethod: 'emailCode' },
  play: async (context) => {
    await sendCode(context, 'en-US', 'email', 'bob@example.com')
    const sent = authingOf(context).lastCode('bob@example.com')
    const wrong = String((Number(sent) + 1) % 1_000_000).padStart(sent.length, '0')
    await context.userEvent.type(context.canvas.getByLabelText('Verification code'), `${wrong}{Enter}`)
    await expectAlert(context, 'The verification code is incorrect.')
    await expectFailure(context.args, 2001)
  },
}

export const ExpiredCode: Story = {
  name: 'Expired code (2300)',
  args: { defaultMethod: 'phoneCode' },
  play: async (context) => {
    const authing = authingOf(context)
    await sendCode(context, 'en-US', 'phone', '13800138000')
    // The user reads the SMS too late: the emulator's clock moves past the code's 300 s lifetime.
    authing.advanceClock(301_000)
    await context.userEvent.type(
      context.canvas.getByLabelText('Verification code'),
      `${authing.lastCode('13800138000')}{Enter}`,
    )
    await expectAlert(context, 'The verification code has expired. Request a new one.')
    await expectFailure(context.args, 2300)
  },
}

/** Opens the sign-up screen and signs up with `by`, as the form offers it. */
async function signUp(
  context: Parameters<Play>[0],
  by: 'With a username' | 'With an email',
  field: 'Username' | 'Email',
  value: string,
) {
  const { canvas, userEvent } = context
  await userEvent.click(await canvas.findByRole('button', { name: 'Create an account' }))
  await userEvent.click(await canvas.findByRole('radio', { name: by }))
  await userEvent.type(canvas.getByLabelText(field), value)
  await userEvent.type(canvas.getByLabelText('Password'), 'an0ther-pass{Enter}')
}

export const UsernameTaken: Story = {
  name: 'Username taken (2034)',
  play: failsWith((context) => signUp(context, 'With a username', 'Username', 'bob'), 'This username is taken.', 2034),
}

export const AccountExists: Story = {
  name: 'Account exists (2026)',
  play: failsWith(
    (context) => signUp(context, 'With an email', 'Email', 'bob@example.com'),
    'An account with these details already exists.',
    2026,
  ),
}

export const PhoneTaken: Story = {
  name: 'Phone number taken (2035)',
  play: async (context) => {
    const { canvas, userEvent } = context
    await userEvent.click(await canvas.findByRole('button', { name: 'Create an account' }))
    await userEvent.click(await canvas.findByRole('radio', { name: 'With a phone number' }))
    await sendCode(context, 'en-US', 'phone', '13800138000')
    await userEvent.type(canvas.getByLabelText('Verification code'), authingOf(context).lastCode('13800138000'))
    await userEvent.type(canvas.getByLabelText('Password'), 'an0ther-pass{Enter}')
    await expectAlert(context, 'This phone number is already in use.')
    await expectFailure(context.args, 2035)
  },
}

export const NetworkError: Story = {
  name: 'Network error',
  parameters: authingParameters({ network: 'offline' }),
  play: passwordLoginFails('Cannot reach the server. Check your connection and try again.', 'network_error'),
}

export const Timeout: Story = {
  parameters: authingParameters({ network: 'silent', timeout: 1_500 }),
  play: passwordLoginFails('The server took too long to answer. Try again.', 'timeout'),
}

export const RateLimited: Story = {
  name: 'Rate limited (429)',
  parameters: authingParameters({ network: 'rateLimited' }),
  play: async (context) => {
    await logInWithPassword(context, 'en-US', 'bob', 'passw0rd')
    await expectAlert(context, 'Too many attempts. Wait a moment and try again.')
    await waitFor(() =>
      expect(context.args.onError).toHaveBeenLastCalledWith(
        expect.objectContaining({ code: 'rate_limited', status: 429, retryAfter: RETRY_AFTER_SECONDS }),
      ),
    )
  },
}

export const BadGateway: Story = {
  name: 'Bad gateway (HTML 502)',
  parameters: authingParameters({ network: 'badGateway' }),
  play: passwordLoginFails('The server sent an unexpected answer. Try again later.', 'bad_response'),
}
