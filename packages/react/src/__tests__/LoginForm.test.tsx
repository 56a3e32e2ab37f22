// @vitest-environment jsdom
import { AuthenticationClient, type AuthingError, type User } from '@authing-kit/client'
import { defaultSeed } from '@authing-kit/emulator'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { LoginForm, type LoginFormProps } from '../loginForm.js'
import { BOB_ID, type ProviderProps, startAuthing } from './testAuthing.js'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

type Authing = Awaited<ReturnType<typeof startAuthing>>

/** Renders the form on the emulator and waits for its lazily loaded code. */
async function renderForm(authing: Authing, props: LoginFormProps = {}, provider: ProviderProps = {}) {
  const onSuccess = vi.fn<(user: User) => void>()
  const onError = vi.fn<(error: AuthingError) => void>()
  const user = userEvent.setup(vi.isFakeTimers() ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {})
  const view = render(<LoginForm onSuccess={onSuccess} onError={onError} {...props} />, {
    wrapper: authing.wrapper(provider),
  })
  await screen.findByRole('heading')
  return { ...view, onSuccess, onError, user }
}

/** Logs in with the password form, as a user types. */
async function passwordLogin(
  user: ReturnType<typeof userEvent.setup>,
  account: string,
  password: string,
  labels = { account: '用户名 / 邮箱 / 手机号', password: '密码', submit: '登录' },
) {
  await user.type(screen.getByLabelText(labels.account), account)
  await user.type(screen.getByLabelText(labels.password), password)
  await user.click(screen.getByRole('button', { name: labels.submit }))
}

/** The text of the elements an input's aria-describedby points at. */
const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')

const EN = { account: 'Username, email or phone', password: 'Password', submit: 'Log in' }

describe('<LoginForm> password login', () => {
  it.each([
    ['username', 'bob', 'loginByUsername'],
    ['email', 'bob@example.com', 'loginByEmail'],
    ['phone', '13800138000', 'loginByPhonePassword'],
  ])(
    'logs in by %s in the one account field (detected) and calls onSuccess with the user',
    async (_kind, account, operation) => {
      const authing = await startAuthing()
      const { user, onSuccess, onError } = await renderForm(authing, { lang: 'en-US' })
      await passwordLogin(user, account, 'passw0rd', EN)
      await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
      expect(onSuccess.mock.calls[0]![0]).toMatchObject({ id: BOB_ID, username: 'bob' })
      expect(authing.requests).toContain(operation)
      expect(onError).not.toHaveBeenCalled()
      expect(screen.getByRole('status').textContent).toContain('Welcome, Bob')
      expect(localStorage.getItem(authing.tokenKey)).not.toBeNull()
    },
  )

  it.each([
    ['zh-CN' as const, { account: '用户名 / 邮箱 / 手机号', password: '密码', submit: '登录' }, '账号或密码错误。'],
    ['en-US' as const, EN, 'Incorrect account or password.'],
  ])('shows a wrong password (2333) in %s in the alert region, and tells onError', async (lang, labels, message) => {
    const authing = await startAuthing()
    const { user, onSuccess, onError } = await renderForm(authing, { lang })
    await passwordLogin(user, 'bob', 'wrong-password', labels)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(message))
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 2333 })
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('says how many attempts are left before the lockout (2333 remainCount)', async () => {
    const authing = await startAuthing({ lockout: { maxFailures: 3 } })
    const { user } = await renderForm(authing, { lang: 'en-US' })
    await passwordLogin(user, 'bob', 'wrong-password', EN)
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Incorrect account or password. 2 attempts left before the account locks.',
      ),
    )
  })

  it('explains a lockout (2005)', async () => {
    const authing = await startAuthing({ lockout: { maxFailures: 2 } })
    const { user, onError } = await renderForm(authing, { lang: 'en-US' })
    await passwordLogin(user, 'bob', 'wrong-1', EN)
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    const password = screen.getByLabelText('Password')
    for (let attempt = 0; attempt < 2; attempt++) {
      await user.clear(password)
      await user.type(password, `wrong-${attempt + 2}{Enter}`)
      await waitFor(() => expect(onError).toHaveBeenCalledTimes(attempt + 2))
    }
    expect(onError.mock.lastCall![0]).toMatchObject({ code: 2005 })
    expect(screen.getByRole('alert').textContent).toContain(
      'Too many failed attempts. Your account is locked for a while; try again later.',
    )
  })

  it('explains a dropped connection', async () => {
    const authing = await startAuthing()
    const { user } = await renderForm(authing, { lang: 'en-US' })
    authing.setOffline(true)
    await passwordLogin(user, 'bob', 'passw0rd', EN)
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'Cannot reach the server. Check your connection and try again.',
      ),
    )
  })

  it.each([
    ['empty fields', '', '', 'Username, email or phone', 'This field is required'],
    ['a malformed email', 'bob@example', 'passw0rd', 'Username, email or phone', 'Enter a valid email address'],
    ['a short password', 'bob', '123', 'Password', 'The password needs at least 6 characters'],
  ])(
    'checks %s before sending anything, and focuses the first invalid field',
    async (_case, account, password, invalid, message) => {
      const authing = await startAuthing()
      const { user } = await renderForm(authing, { lang: 'en-US' })
      const sent = authing.requests.length
      if (account) await user.type(screen.getByLabelText('Username, email or phone'), account)
      if (password) await user.type(screen.getByLabelText('Password'), password)
      await user.click(screen.getByRole('button', { name: 'Log in' }))
      const field = screen.getByLabelText(invalid)
      expect(document.activeElement).toBe(field)
      expect(field.getAttribute('aria-invalid')).toBe('true')
      expect(description(field)).toBe(message)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(authing.requests.slice(sent)).toEqual([])
    },
  )

  it('checks the email and phone of the code logins before sending a code or logging in', async () => {
    const authing = await startAuthing()
    const { user } = await renderForm(authing, { lang: 'en-US', defaultMethod: 'emailCode' })
    const sent = authing.requests.length
    await user.type(screen.getByLabelText('Email'), 'bob.example.com')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    expect(document.activeElement).toBe(screen.getByLabelText('Email'))
    expect(description(screen.getByLabelText('Email'))).toBe('Enter a valid email address')

    await user.click(screen.getByRole('button', { name: 'Phone code' }))
    await user.type(screen.getByLabelText('Phone number'), '138-abc')
    await user.type(screen.getByLabelText('Verification code'), '123456{Enter}')
    expect(document.activeElement).toBe(screen.getByLabelText('Phone number'))
    expect(description(screen.getByLabelText('Phone number'))).toBe('Enter a valid phone number')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(authing.requests.slice(sent)).toEqual([])
    expect(authing.emulator.outbox()).toEqual([])
  })

  it('disables submit while the login is pending', async () => {
    const authing = await startAuthing()
    const { user, onSuccess } = await renderForm(authing, { lang: 'en-US' })
    const release = authing.hold()
    await passwordLogin(user, 'bob', 'passw0rd', EN)
    const submit = screen.getByRole('button', { name: 'Log in' })
    await waitFor(() => expect((submit as HTMLButtonElement).disabled).toBe(true))
    release()
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect((submit as HTMLButtonElement).disabled).toBe(false)
  })

  it('keeps the session in sessionStorage when remember-me is unchecked', async () => {
    const authing = await startAuthing()
    const { user, onSuccess } = await renderForm(authing, { lang: 'en-US' })
    const remember = screen.getByRole('checkbox', { name: 'Remember me' })
    expect((remember as HTMLInputElement).checked).toBe(true)
    await user.click(remember)
    await passwordLogin(user, 'bob', 'passw0rd', EN)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(sessionStorage.getItem(authing.tokenKey)).not.toBeNull()
    expect(localStorage.getItem(authing.tokenKey)).toBeNull()
  })

  it('shows remember-me off and disabled, with the reason, where the browser refuses storage; login still works', async () => {
    const authing = await startAuthing()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(refuse)
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(refuse)
    const { user, onSuccess } = await renderForm(authing, { lang: 'en-US' })
    const remember = screen.getByRole('checkbox', { name: 'Remember me' }) as HTMLInputElement
    expect(remember.checked).toBe(false)
    expect(remember.disabled).toBe(true)
    expect(description(remember)).toContain('ends when you close the page')
    await passwordLogin(user, 'bob', 'passw0rd', EN)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('works from the keyboard alone: tab order follows the form, Enter submits', async () => {
    const authing = await startAuthing()
    const { user, onSuccess } = await renderForm(authing, { lang: 'en-US', methods: ['password'] })
    await user.tab()
    expect(document.activeElement).toBe(screen.getByLabelText('Username, email or phone'))
    await user.keyboard('bob')
    await user.tab()
    expect(document.activeElement).toBe(screen.getByLabelText('Password'))
    await user.keyboard('passw0rd')
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Remember me' }))
    await user.keyboard(' ')
    expect((screen.getByRole('checkbox', { name: 'Remember me' }) as HTMLInputElement).checked).toBe(false)
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Log in' }))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(sessionStorage.getItem(authing.tokenKey)).not.toBeNull()
  })
})

describe('<LoginForm> code login', () => {
  it('logs in with an SMS code (+86 by default) and counts 60 s down before the next send', async () => {
    const authing = await startAuthing()
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      shouldAdvanceTime: true,
    })
    const { user, onSuccess } = await renderForm(authing, { lang: 'en-US', defaultMethod: 'phoneCode' })
    expect(screen.getByRole('button', { name: 'Phone code' }).getAttribute('aria-pressed')).toBe('true')
    expect((screen.getByLabelText('Country code') as HTMLInputElement).value).toBe('+86')
    await user.type(screen.getByLabelText('Phone number'), '13800138000')
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    await screen.findByRole('button', { name: 'Resend in 60s' })
    expect(document.activeElement).toBe(screen.getByLabelText('Verification code'))
    expect(authing.emulator.outbox({ to: '13800138000' })).toMatchObject([{ channel: 'sms', scene: 'login' }])

    await act(() => vi.advanceTimersByTimeAsync(20_000))
    expect((screen.getByRole('button', { name: 'Resend in 40s' }) as HTMLButtonElement).disabled).toBe(true)

    await user.type(screen.getByLabelText('Verification code'), `${authing.lastCode('13800138000')}{Enter}`)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ id: BOB_ID })

    await act(() => vi.advanceTimersByTimeAsync(40_000))
    expect((screen.getByRole('button', { name: 'Send code' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('logs in with an email code, and shows a wrong code (2001)', async () => {
    const authing = await startAuthing()
    const { user, onSuccess } = await renderForm(authing, { lang: 'zh-CN', methods: ['emailCode', 'password'] })
    await user.type(screen.getByLabelText('邮箱'), 'bob@example.com')
    await user.click(screen.getByRole('button', { name: '发送验证码' }))
    await screen.findByText('验证码已发送。')
    await user.type(screen.getByLabelText('验证码'), '000000{Enter}')
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('验证码不正确。'))
    const code = authing.lastCode('bob@example.com')
    await user.clear(screen.getByLabelText('验证码'))
    await user.type(screen.getByLabelText('验证码'), `${code}{Enter}`)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })
})

describe('<LoginForm> other screens', () => {
  it('registers by username, then the new account logs in', async () => {
    const authing = await startAuthing()
    const { user, onSuccess } = await renderForm(authing, { lang: 'en-US' })
    await user.click(screen.getByRole('button', { name: 'Create an account' }))
    const form = await screen.findByRole('form', { name: 'Create an account' })
    await user.type(within(form).getByLabelText('Username'), 'carol')
    await user.type(within(form).getByLabelText('Password'), 'c4rol-pass')
    await user.click(within(form).getByRole('button', { name: 'Sign up' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Your account was created. You can log in now.'),
    )
    expect(authing.requests).toContain('registerByUsername')

    await passwordLogin(user, 'carol', 'c4rol-pass', EN)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ username: 'carol' })
  })

  it('refuses a taken username (2034) in Chinese', async () => {
    const authing = await startAuthing()
    const { user } = await renderForm(authing)
    await user.click(screen.getByRole('button', { name: '注册新账号' }))
    const form = await screen.findByRole('form', { name: '注册新账号' })
    await user.type(within(form).getByLabelText('用户名'), 'bob')
    await user.type(within(form).getByLabelText('密码'), 'passw0rd{Enter}')
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('用户名已被占用。'))
  })

  it('resets a forgotten password with an email code', async () => {
    const authing = await startAuthing()
    const { user, onSuccess } = await renderForm(authing, { lang: 'en-US' })
    await user.click(screen.getByRole('button', { name: 'Forgot password?' }))
    const form = await screen.findByRole('form', { name: 'Reset your password' })
    await user.click(within(form).getByRole('radio', { name: 'With an email' }))
    await user.type(within(form).getByLabelText('Email'), 'bob@example.com')
    await user.click(within(form).getByRole('button', { name: 'Send code' }))
    await waitFor(() =>
      expect(authing.emulator.outbox({ to: 'bob@example.com' })).toMatchObject([{ scene: 'RESET_PASSWORD' }]),
    )
    await user.type(within(form).getByLabelText('Verification code'), authing.lastCode('bob@example.com'))
    await user.type(within(form).getByLabelText('New password'), 'n3w-passw0rd{Enter}')
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Your password was reset. You can log in now.'),
    )

    await passwordLogin(user, 'bob', 'n3w-passw0rd', EN)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })
})

describe('<LoginForm> rendering', () => {
  it('scopes its styles under its root class, and renders no <style> when unstyled', async () => {
    const authing = await startAuthing()
    const styled = await renderForm(authing, { className: 'mine' })
    const root = styled.container.querySelector('.ak-login.mine')!
    const css = root.querySelector('style')!.textContent!
    const selectors = css
      .replace(/\{[^}]*\}/g, '\n')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean)
    expect(selectors.every((selector) => selector.startsWith('.ak-login'))).toBe(true)
    expect(css).toContain('--ak-color-primary')
    styled.unmount()

    const bare = await renderForm(authing, { unstyled: true })
    expect(bare.container.querySelector('.ak-login')).not.toBeNull()
    expect(document.querySelectorAll('style')).toHaveLength(0)
  })

  it('shows a nickname holding HTML as text', async () => {
    const nickname = '<img src=x onerror="alert(1)"><b>Bobby</b>'
    const seed = {
      ...defaultSeed,
      users: defaultSeed.users!.map((u) => (u.username === 'bob' ? { ...u, nickname } : u)),
    }
    const authing = await startAuthing({ seed })
    const { user, container, onSuccess } = await renderForm(authing, { lang: 'en-US' })
    await passwordLogin(user, 'bob', 'passw0rd', EN)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(screen.getByRole('status').textContent).toContain(`Welcome, ${nickname}`)
    expect(container.querySelector('img, b')).toBeNull()
  })

  it('shows an unknown server message holding HTML as text', async () => {
    const authing = await startAuthing()
    const serverMessage = '<img src=x onerror="alert(1)">Blocked by <b>policy</b>'
    // A gateway in front of Authing that answers its own code and message for every refusal.
    const gateway = async (request: Request) => {
      const response = await authing.fetch(request)
      const text = await response.text()
      const rewritten = text.includes('"code":2333')
        ? JSON.stringify({ errors: [{ message: { code: 4321, message: serverMessage } }], data: null })
        : text
      return new Response(rewritten, { status: response.status, headers: response.headers })
    }
    const client = new AuthenticationClient({
      appId: authing.info.appId,
      appHost: authing.info.appHost,
      fetch: (input, init) => gateway(new Request(input, init)),
    })
    const { user, container, onError } = await renderForm(authing, { lang: 'en-US' }, { client })
    await passwordLogin(user, 'bob', 'wrong-password', EN)
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 4321 })
    expect(screen.getByRole('alert').textContent).toContain(serverMessage)
    expect(container.querySelector('img, b')).toBeNull()
  })
})
