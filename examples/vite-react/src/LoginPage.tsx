import { useAuth } from '@authing-kit/react'
import { LoginForm, type LoginFormLang } from '@authing-kit/react/login-form'
import type { ReactNode } from 'react'

import { appHost } from './config.js'

const TEXT: Record<
  LoginFormLang,
  {
    or: string
    hosted: string
    demo: string
    stop: string
    codes: string
    dashboard: string
    end: string
    mfa: string
    mfaEnd: string
    firstLogin: string
    qr: string
  }
> = {
  'en-US': {
    or: 'or',
    hosted: 'Sign in with the hosted page',
    demo: 'Demo login: ',
    stop: '. ',
    codes: 'SMS and email codes appear in the terminal and on the ',
    dashboard: "emulator's dashboard",
    end: '.',
    mfa: ' asks for an authenticator code (the dashboard shows it; recovery code ',
    mfaEnd: ').',
    firstLogin: ' chooses her own password at the first login.',
    qr: 'QR code tab: the dashboard plays the phone (“Scan as bob”, then “Confirm”).',
  },
  'zh-CN': {
    or: '或',
    hosted: '使用托管登录页登录',
    demo: '演示账号：',
    stop: '。',
    codes: '短信和邮件验证码显示在终端和',
    dashboard: '模拟器控制台',
    end: '中。',
    mfa: ' 会要求输入身份验证器安全码（控制台显示当前安全码；恢复代码 ',
    mfaEnd: '）。',
    firstLogin: ' 首次登录时需要设置自己的密码。',
    qr: 'APP 扫码：模拟器控制台扮演手机（“Scan as bob”，再点 “Confirm”）。',
  },
}

/** The logged-out page: the embedded form (in either language) and the hosted login by redirect. */
export function LoginPage({ lang }: { lang: LoginFormLang }): ReactNode {
  const loginWithRedirect = useAuth((auth) => auth.loginWithRedirect)
  const error = useAuth((auth) => auth.error)
  const text = TEXT[lang]

  return (
    <div className="login-page" lang={lang}>
      {error && (
        <p className="error login-error" role="alert">
          {error.message}
        </p>
      )}
      <LoginForm lang={lang} className="login" />
      <div className="login-hosted">
        <span className="login-hosted__or">{text.or}</span>
        <button
          type="button"
          className="button button--ghost login-hosted__button"
          onClick={() => void loginWithRedirect().catch(() => {})}
        >
          {text.hosted}
        </button>
      </div>
      <p className="muted login-hint">
        {text.demo}
        <code>bob</code> / <code>passw0rd</code>
        {text.stop}
        {text.codes}
        <a href={`${appHost}/`}>{text.dashboard}</a>
        {text.end}
      </p>
      <p className="muted login-hint">
        <code>mfa-alice</code> / <code>passw0rd</code>
        {text.mfa}
        <code>alice-recovery-01</code>
        {text.mfaEnd}
      </p>
      <p className="muted login-hint">
        <code>first-login-carol</code> / <code>passw0rd</code>
        {text.firstLogin}
      </p>
      <p className="muted login-hint">{text.qr}</p>
    </div>
  )
}
