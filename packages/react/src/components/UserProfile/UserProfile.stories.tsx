import { totpCodeAt } from '@authing-kit/emulator'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'

import { ANSWER_WAIT, authingOf, authingParameters } from '../../../../../.storybook/storyAuthing.js'
import { logInWithPassword } from '../../../../../.storybook/storyLoginForm.js'
import { LoginForm } from '../../loginForm.js'
import { UserProfile } from './UserProfile.js'

/** bob's profile, on the story's own emulator; he starts logged in, as a returning visitor would. */
const meta = {
  title: 'UserProfile',
  component: UserProfile,
  args: { lang: 'en-US', onSaved: fn(), onLoggedOut: fn(), onError: fn() },
  parameters: authingParameters({ loggedIn: true }),
} satisfies Meta<typeof UserProfile>

export default meta
type Story = StoryObj<typeof meta>

export const LoggedIn: Story = {
  name: 'Logged in as bob',
  play: async ({ canvas }) => {
    const profile = await canvas.findByRole('region', { name: 'Your profile' }, ANSWER_WAIT)
    await expect(profile).toBeVisible()
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent('Bob')
    await expect(canvas.getByText('bob@example.com')).toBeVisible()
    await expect(canvas.getByText('13800138000')).toBeVisible()
    await expect(canvas.getByLabelText('Nickname')).toHaveValue('Bob')
    // The photo loads from the story itself, with no server.
    const photo = canvas.getByRole<HTMLImageElement>('img', { name: 'Profile photo' })
    await waitFor(() => expect(photo.complete && photo.naturalWidth).toBeGreaterThan(0), ANSWER_WAIT)
  },
}

export const LoggedInInChinese: Story = {
  name: 'Logged in as bob (zh-CN)',
  args: { lang: 'zh-CN' },
  play: async ({ canvas }) => {
    await canvas.findByRole('region', { name: '个人资料' }, ANSWER_WAIT)
    await expect(canvas.getByLabelText('昵称')).toHaveValue('Bob')
    await expect(canvas.getByRole('button', { name: '退出登录' })).toBeEnabled()
  },
}

export const EditNickname: Story = {
  name: 'Edit the nickname',
  play: async (context) => {
    const { canvas, userEvent, args } = context
    const nickname = await canvas.findByLabelText('Nickname', {}, ANSWER_WAIT)
    await userEvent.clear(nickname)
    await userEvent.type(nickname, 'Bobby')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Saved.'), ANSWER_WAIT)
    await expect(args.onSaved).toHaveBeenCalledWith(expect.objectContaining({ username: 'bob', nickname: 'Bobby' }))
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent('Bobby')
    // Saved on the server, not just on screen: a login from elsewhere sees it.
    await expect(await authingOf(context).loginElsewhere('bob', 'passw0rd')).toMatchObject({ nickname: 'Bobby' })
  },
}

export const ChangePassword: Story = {
  name: 'Change the password',
  play: async (context) => {
    const { canvas, userEvent } = context
    await userEvent.type(await canvas.findByLabelText('Current password', {}, ANSWER_WAIT), 'passw0rd')
    await userEvent.type(canvas.getByLabelText('New password'), 'n3w-passw0rd')
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Your password was changed.'), ANSWER_WAIT)
    await expect(await authingOf(context).loginElsewhere('bob', 'n3w-passw0rd')).toMatchObject({ username: 'bob' })
  },
}

export const WrongCurrentPassword: Story = {
  name: 'Wrong current password (2203)',
  play: async (context) => {
    const { canvas, userEvent, args } = context
    await userEvent.type(await canvas.findByLabelText('Current password', {}, ANSWER_WAIT), 'not-my-password')
    await userEvent.type(canvas.getByLabelText('New password'), 'n3w-passw0rd{Enter}')
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 2203 })), ANSWER_WAIT)
    await expect(canvas.getByRole('alert')).not.toBeEmptyDOMElement()
  },
}

export const LogOut: Story = {
  name: 'Log out',
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Log out' }, ANSWER_WAIT))
    await waitFor(() => expect(args.onLoggedOut).toHaveBeenCalledTimes(1), ANSWER_WAIT)
    // Nobody is logged in any more: the profile renders nothing.
    await waitFor(() => expect(canvasElement.querySelector('.ak-profile')).toBeNull())
  },
}

export const AfterLoginForm: Story = {
  name: 'Appears after logging in with LoginForm',
  parameters: authingParameters({ loggedIn: false }),
  render: (args) => (
    <>
      <LoginForm lang="en-US" methods={['password']} />
      <UserProfile {...args} />
    </>
  ),
  play: async (context) => {
    await expect(context.canvas.queryByRole('region', { name: 'Your profile' })).toBeNull()
    await logInWithPassword(context, 'en-US', 'bob', 'passw0rd')
    await expect(await context.canvas.findByRole('region', { name: 'Your profile' }, ANSWER_WAIT)).toBeVisible()
    await expect(context.canvas.getByLabelText('Nickname')).toHaveValue('Bob')
  },
}

export const AuthenticatorApp: Story = {
  name: 'Turn the authenticator app on',
  play: async ({ canvas, userEvent }) => {
    const section = await canvas.findByRole('region', { name: 'Authenticator app' }, ANSWER_WAIT)
    await userEvent.click(await within(section).findByRole('button', { name: 'Turn on' }, ANSWER_WAIT))
    await within(section).findByRole('img', { name: 'QR code for your authenticator app' }, ANSWER_WAIT)
    const secret = section.querySelector('code')?.textContent ?? ''
    await userEvent.type(
      within(section).getByLabelText('Code from the app'),
      `${totpCodeAt(secret, Date.now())}{Enter}`,
    )
    await within(section).findByText(/Save this recovery code/, {}, ANSWER_WAIT)
    await userEvent.click(within(section).getByRole('button', { name: 'I saved it' }))
    await expect(within(section).getByRole('button', { name: 'Turn off' })).toBeEnabled()
  },
}
