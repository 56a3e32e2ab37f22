import { demoSeed } from '@authing-kit/emulator'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'

import { ANSWER_WAIT, authingOf, authingParameters } from '../../../../../.storybook/storyAuthing.js'
import { expectLoggedIn } from '../../../../../.storybook/storyLoginForm.js'
import { LoginForm } from './LoginForm.js'

type Context = Parameters<NonNullable<Story['play']>>[0]

/**
 * Plays the provider of a popup login: `window.open` answers a stand-in window, whose page (the
 * emulator's provider page, continued) posts its answer to the form as the real one would.
 */
async function socialLogin(context: Context, button: string) {
  const authing = authingOf(context)
  let opened = ''
  const popup = { closed: false, close: () => void (popup.closed = true) }
  const open = window.open
  window.open = ((url: string) => ((opened = String(url)), popup)) as typeof window.open
  try {
    await context.userEvent.click(await context.canvas.findByRole('button', { name: button }, ANSWER_WAIT))
    await waitFor(() => expect(opened).not.toBe(''), ANSWER_WAIT)
    // A page cannot set Referer on its own fetch: name the opener as the provider page's form would.
    const page = new URL(opened)
    page.searchParams.set('opener_origin', location.origin)
    const answer = await authing.emulator.social.continue(page.href)
    if (answer.relay !== 'web_message') throw new Error('expected the popup relay')
    const event = new MessageEvent('message', { data: answer.message, origin: new URL(authing.info.appHost).origin })
    Object.defineProperty(event, 'source', { value: popup })
    window.dispatchEvent(event)
  } finally {
    window.open = open
  }
}

/** The other ways to sign in beside the password: social providers and passkeys, from the app's console. */
const meta = {
  title: 'LoginForm/Social and passkeys',
  component: LoginForm,
  args: { lang: 'en-US', onSuccess: fn(), onError: fn() },
  parameters: authingParameters({ emulator: { seed: demoSeed } }),
} satisfies Meta<typeof LoginForm>

export default meta
type Story = StoryObj<typeof meta>

export const Buttons: Story = {
  name: "The app's social providers and the passkey button",
  play: async ({ canvas }) => {
    const github = await canvas.findByRole('button', { name: 'Continue with GitHub' }, ANSWER_WAIT)
    const list = within(github.closest('ul') as HTMLElement)
    for (const name of ['WeChat', 'DingTalk', 'WeCom', 'Alipay', 'Google', 'QQ', 'Weibo'])
      await expect(list.getByRole('button', { name: `Continue with ${name}` })).toBeVisible()
    await expect(await canvas.findByRole('button', { name: 'Sign in with a passkey' }, ANSWER_WAIT)).toBeVisible()
  },
}

export const ButtonsInChinese: Story = {
  name: "The app's social providers (zh-CN)",
  args: { lang: 'zh-CN' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: '使用 微信扫码 登录' }, ANSWER_WAIT)).toBeVisible()
    await expect(canvas.getByText('其他登录方式')).toBeVisible()
  },
}

export const GitHub: Story = {
  name: 'GitHub by popup: logged in as octocat',
  play: async (context) => {
    await socialLogin(context, 'Continue with GitHub')
    const octocat = expect.objectContaining({ nickname: 'octocat' })
    await waitFor(() => expect(context.args.onSuccess).toHaveBeenCalledWith(octocat), ANSWER_WAIT)
  },
}

export const BindExistingAccount: Story = {
  name: 'Weibo, new here: link it to an existing account (1641)',
  play: async (context) => {
    await socialLogin(context, 'Continue with Weibo')
    const step = await context.canvas.findByRole('form', { name: 'Link your account' }, ANSWER_WAIT)
    await expect(within(step).getByRole('button', { name: 'Create a new account' })).toBeVisible()
    await context.userEvent.type(within(step).getByLabelText('Username, email or phone'), 'bob')
    await context.userEvent.type(within(step).getByLabelText('Password'), 'passw0rd{Enter}')
    await expectLoggedIn(context.args.onSuccess, 'bob')
  },
}

export const RefusingProvider: Story = {
  name: 'QQ refuses: its message is shown',
  play: async (context) => {
    await socialLogin(context, 'Continue with QQ')
    await expect(
      await context.canvas.findByText('The QQ user refused to authorise the app', {}, ANSWER_WAIT),
    ).toBeVisible()
  },
}
