/** What the LoginForm stories' play functions do, as a user would: by label, role and visible text. */
import type { StoryContext } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'

import { enUS } from '../packages/react/src/components/LoginForm/i18n/en-US.js'
import { zhCN } from '../packages/react/src/components/LoginForm/i18n/zh-CN.js'
import type { LoginFormLang } from '../packages/react/src/loginForm.js'
import { ANSWER_WAIT } from './storyAuthing.js'

type Play = Pick<StoryContext, 'canvas' | 'userEvent'>

/** The form's strings in `lang`, to find fields by their labels. */
export const formText = (lang: LoginFormLang) => (lang === 'en-US' ? enUS : zhCN)

/** Logs in with the password form. */
export async function logInWithPassword(
  { canvas, userEvent }: Play,
  lang: LoginFormLang,
  account: string,
  password: string,
): Promise<void> {
  const t = formText(lang)
  await userEvent.type(await canvas.findByLabelText(t.account), account)
  await userEvent.type(canvas.getByLabelText(t.password), password)
  await userEvent.click(canvas.getByRole('button', { name: t.submitLogin }))
}

/** Types the phone or email, presses "send code" and waits for the code to be on its way. */
export async function sendCode(
  { canvas, userEvent }: Play,
  lang: LoginFormLang,
  field: 'phone' | 'email',
  to: string,
): Promise<void> {
  const t = formText(lang)
  await userEvent.type(await canvas.findByLabelText(t[field]), to)
  await userEvent.click(canvas.getByRole('button', { name: t.sendCode }))
  await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t.codeSent), ANSWER_WAIT)
}

/** Waits for the alert region (role=alert, read out by screen readers) to say `text`. */
export async function expectAlert({ canvas }: Play, text: string): Promise<void> {
  await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(text), ANSWER_WAIT)
}

/** Waits for the status region to say `text`. */
export async function expectStatus({ canvas }: Play, text: string): Promise<void> {
  await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(text), ANSWER_WAIT)
}

/** Waits for `onSuccess` to be called with the user named `username`. */
export async function expectLoggedIn(onSuccess: unknown, username: string): Promise<void> {
  await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ username })), ANSWER_WAIT)
}
