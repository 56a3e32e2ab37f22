import { loginStepOf, type User } from '@authing-kit/client'
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react'

import { useAuthingContext } from '../../context.js'
import { useLogin } from '../../hooks/useLogin.js'
import { usePublicConfig } from '../../hooks/usePublicConfig.js'
import { displayName } from '../form/displayName.js'
import { formCss } from '../form/formCss.js'
import { NoticeRegions } from '../form/NoticeRegions.js'
import { useNotices } from '../form/useNotices.js'
import { configuredMethods, configuredQrMethods } from './configuredMethods.js'
import { LoginFormContext, type LoginFormContextValue, type LoginFormScreen } from './formContext.js'
import { useMessages } from './i18n/messages.js'
import { loginFormCss } from './loginFormCss.js'
import type { LoginFormMethod, LoginFormProps } from './loginFormProps.js'
import { type Recovered, StepScreen, stepTitle } from './StepScreen.js'
import { CodeView } from './views/CodeView.js'
import { PasswordView } from './views/PasswordView.js'

const ALL_METHODS: readonly LoginFormMethod[] = ['password', 'phoneCode', 'emailCode']

// Chunks of their own, loaded when shown: most visits never open them.
const QrCodeView = lazy(() => import('./methods/QrCodeView.js').then((module) => ({ default: module.QrCodeView })))
const RegisterView = lazy(() => import('./views/RegisterView.js').then((module) => ({ default: module.RegisterView })))
const PasskeyButton = lazy(() =>
  import('./methods/PasskeyButton.js').then((module) => ({ default: module.PasskeyButton })),
)
const SocialButtons = lazy(() =>
  import('./methods/SocialButtons.js').then((module) => ({ default: module.SocialButtons })),
)
const ForgotView = lazy(() => import('./views/ForgotView.js').then((module) => ({ default: module.ForgotView })))

// Inline, so that it stays hidden with `unstyled` too.
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const

/** The form itself, loaded on demand by `LoginForm`. */
export function LoginFormView(props: LoginFormProps): ReactNode {
  const { defaultMethod, lang = 'zh-CN', allowRegister = true, allowForgotPassword = true, unstyled = false } = props
  // First: it suspends until the language's strings are in (LoginForm started loading them).
  const { t, errors } = useMessages(lang)
  const provider = useAuthingContext('LoginForm')
  const { config } = usePublicConfig({ enabled: props.publicConfig !== false })
  const configured = props.followPublicConfig && config ? configuredMethods(config) : []
  const offered = configured.length
    ? configured
    : props.methods?.length
      ? props.methods
      : [...ALL_METHODS, ...configuredQrMethods(config)]
  const [chosen, setMethod] = useState<LoginFormMethod | null>(null)
  // The console's default tab once its config is in (until the user picks one), else the app's.
  const method =
    chosen && offered.includes(chosen)
      ? chosen
      : !configured.length && defaultMethod && offered.includes(defaultMethod)
        ? defaultMethod
        : offered[0]!
  // Guard shows a connection of action `message` as a notice only: none of ours.
  const social = props.socialLogin === false ? [] : (config?.socialConnections ?? []).filter((c) => c.action === 'auth')
  const passkey = props.passkey !== false && config?.passkeyEnabled && typeof PublicKeyCredential !== 'undefined'
  const register = allowRegister && !(props.followPublicConfig && config?.registerDisabled)
  const [screen, setScreen] = useState<LoginFormScreen>('login')
  const [rememberMe, setRememberMe] = useState(provider.rememberMe)
  const notices = useNotices(errors, props.onError)
  const login = useLogin()
  // The server speaks the form's language too: its messages, and the agreements it checks a login against.
  useEffect(() => provider.runtime.client.setLang(lang), [provider.runtime, lang])
  const [announcement, announce] = useState('')
  const [recovered, setRecovered] = useState<Recovered | null>(null)

  const done = (user: User) => {
    setRecovered(null)
    notices.inform(t.welcome.replace('{name}', displayName(user)))
    props.onSuccess?.(user)
  }
  const context: LoginFormContextValue = {
    t,
    lang,
    unstyled,
    login,
    config,
    rememberMe,
    setRememberMe,
    // A login that stops at a step is no failure: the step's view takes over and announces itself.
    fail: (error) => (loginStepOf(error) ? notices.clear() : notices.fail(error)),
    inform: notices.inform,
    warn: notices.warn,
    clear: notices.clear,
    announce,
    loggedIn({ recoveryCode, ...user }) {
      if (recoveryCode) setRecovered({ user, recoveryCode })
      else done(user)
    },
    done,
    go(next, message = '') {
      setScreen(next)
      notices.inform(message)
    },
  }
  // A captcha is no screen of its own: the password form shows it.
  const step = login.step?.kind === 'captcha' ? null : login.step

  const methodLabels: Record<LoginFormMethod, string> = {
    password: t.methodPassword,
    phoneCode: t.methodPhoneCode,
    emailCode: t.methodEmailCode,
    appQrcode: t.methodAppQrcode,
    wechatMiniProgramQrcode: t.methodMiniProgramQrcode,
    wechatmpQrcode: t.methodOfficialAccountQrcode,
  }
  const title =
    step || recovered
      ? stepTitle(step, t)
      : screen === 'login'
        ? t.title
        : screen === 'register'
          ? t.registerTitle
          : t.forgotTitle

  return (
    <div className={props.className ? `ak-login ${props.className}` : 'ak-login'} style={props.style} lang={lang}>
      {unstyled ? null : <style>{formCss + loginFormCss}</style>}
      <h2 className="ak-login__title">{title}</h2>
      <LoginFormContext.Provider value={context}>
        <Suspense fallback={<p className="ak-login__status">{t.loading}</p>}>
          {recovered || step ? (
            <StepScreen step={step} recovered={recovered} passwordLevel={config?.passwordStrength} />
          ) : screen === 'login' ? (
            <>
              {offered.length > 1 ? (
                <div className="ak-login__tabs" role="group" aria-label={t.tabs}>
                  {offered.map((m) => (
                    <button
                      key={m}
                      type="button"
                      className="ak-login__tab"
                      aria-pressed={m === method}
                      onClick={() => (context.clear(), setMethod(m))}
                    >
                      {methodLabels[m]}
                    </button>
                  ))}
                </div>
              ) : null}
              {method === 'password' ? (
                <PasswordView />
              ) : method === 'phoneCode' || method === 'emailCode' ? (
                <CodeView key={method} channel={method === 'phoneCode' ? 'phone' : 'email'} />
              ) : (
                // Its own boundary: the tabs stay while the tab's chunk loads.
                <Suspense fallback={<p className="ak-login__status">{t.loading}</p>}>
                  <QrCodeView key={method} method={method} />
                </Suspense>
              )}
              {passkey ? (
                <Suspense fallback={null}>
                  <PasskeyButton />
                </Suspense>
              ) : null}
              {social.length ? (
                <Suspense fallback={null}>
                  <SocialButtons connections={social} />
                </Suspense>
              ) : null}
            </>
          ) : screen === 'register' ? (
            <RegisterView />
          ) : (
            <ForgotView />
          )}
        </Suspense>
      </LoginFormContext.Provider>
      <NoticeRegions notices={notices} />
      <p className="ak-login__announcement" aria-live="polite" style={visuallyHidden}>
        {announcement}
      </p>
      <div className="ak-login__links">
        {recovered ? null : step ? (
          <button type="button" className="ak-login__link" onClick={() => (login.cancelStep(), notices.clear())}>
            {t.toLogin}
          </button>
        ) : screen !== 'login' ? (
          <button type="button" className="ak-login__link" onClick={() => context.go('login')}>
            {t.toLogin}
          </button>
        ) : (
          <>
            {register ? (
              <button type="button" className="ak-login__link" onClick={() => context.go('register')}>
                {t.toRegister}
              </button>
            ) : null}
            {allowForgotPassword ? (
              <button type="button" className="ak-login__link" onClick={() => context.go('forgot')}>
                {t.toForgot}
              </button>
            ) : null}
          </>
        )}
      </div>
    </div>
  )
}
