import type { MfaAssociation, MfaFactor, MfaStep, User } from '@authing-kit/client'
import { type ReactNode, useEffect, useRef, useState } from 'react'

import type { MfaAnswer } from '../../../hooks/useLogin.js'
import { Field } from '../../form/Field.js'
import { onSubmit } from '../../form/useFormFields.js'
import * as rules from '../../form/validation.js'
import { useLoginFormContext } from '../formContext.js'
import { maskEmail, maskPhone } from './mask.js'
import { mfaMessages } from './mfaMessages.js'

type Choice = Extract<MfaFactor, 'OTP' | 'SMS' | 'EMAIL' | 'PASSKEY'> | 'recovery'

const CODE_LENGTH = 6

/**
 * The factors this form can offer, and the recovery code beside a bound authenticator app; an
 * unbound one goes last (it has to be set up first).
 */
function choicesOf(step: MfaStep): Choice[] {
  const offered = step.factors.filter(
    (f): f is Exclude<Choice, 'recovery'> => f === 'OTP' || f === 'SMS' || f === 'EMAIL' || f === 'PASSKEY',
  )
  if (step.totpEnabled) return offered.includes('OTP') ? [...offered, 'recovery'] : offered
  return [...offered.filter((f) => f !== 'OTP'), ...offered.filter((f) => f === 'OTP')]
}

/**
 * The second factor a login stopped at (1635/1636): the authenticator app's code (or setting one up,
 * when the app asks for it and none is bound), an SMS or email code (sent to the account's own phone
 * or email, or one it proves and binds), or a recovery code.
 */
export function MfaStepView({ step }: { step: MfaStep }): ReactNode {
  const { t, lang, login, fail, inform, clear, announce, loggedIn } = useLoginFormContext()
  const m = mfaMessages[lang]
  const choices = choicesOf(step)
  const [choice, setChoice] = useState<Choice | undefined>(choices[0])
  const [code, setCode] = useState('')
  const [to, setTo] = useState('')
  const [errors, setErrors] = useState<{ code?: string; to?: string }>({})
  const [binding, setBinding] = useState<MfaAssociation | null>(null)
  const first = useRef<HTMLDivElement>(null)
  const channel = choice === 'SMS' || choice === 'EMAIL' ? choice : null
  const own = channel === 'SMS' ? step.phone : channel === 'EMAIL' ? step.email : null
  const numeric = choice !== 'recovery'
  const bindable = choice === 'OTP' && !step.totpEnabled

  const intro =
    choice === undefined
      ? m.unsupported
      : choice === 'OTP'
        ? step.totpEnabled
          ? m.introOTP
          : binding
            ? m.bindScan
            : m.bindIntro
        : choice === 'recovery'
          ? m.introRecovery
          : choice === 'PASSKEY'
            ? m.introPasskey
            : own
              ? m[`intro${choice}`].replace('{to}', channel === 'SMS' ? maskPhone(own) : maskEmail(own))
              : m[choice === 'SMS' ? 'noPhone' : 'noEmail']

  // Each choice announces itself and hands the focus to its first input, as a new screen would.
  useEffect(() => {
    announce(`${t.mfaTitle}: ${intro}`)
    first.current?.querySelector('input')?.focus()
    // `announce` is rebuilt on every render of the form; announcing once per choice is the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [choice, binding])

  const pick = (next: Choice) => {
    clear()
    setCode('')
    setErrors({})
    setChoice(next)
  }

  const target = () => (own ? {} : channel === 'SMS' ? { phone: to.trim() } : { email: to.trim() })
  const checkTarget = () => {
    if (own || !channel) return true
    const message = (channel === 'SMS' ? rules.phone : rules.email)(to, t)
    setErrors(message ? { to: message } : {})
    return message === null
  }

  const startBinding = async () => {
    clear()
    try {
      setBinding(await login.bindTotp())
    } catch (error) {
      fail(error)
    }
  }

  const send = async () => {
    clear()
    if (!channel || !checkTarget()) return
    try {
      await login.sendMfaCode({ factor: channel, ...target() })
      inform(t.codeSent)
    } catch (error) {
      fail(error)
    }
  }

  const verify = async (value: string) => {
    if (!choice || login.isPending) return
    clear()
    if (!value.trim()) return setErrors({ code: t.required })
    if (!checkTarget()) return
    // A recovery code's session waits for "Continue": the app would otherwise move on before the next code shows.
    const answer = (
      choice === 'recovery'
        ? { factor: choice, code: value.trim(), startSession: false }
        : { factor: bindable ? 'bindOTP' : choice, code: value, ...target() }
    ) as MfaAnswer
    try {
      loggedIn(await login.verifyMfa(answer))
    } catch (error) {
      setCode('')
      fail(error)
    }
  }

  // No maxLength on the input: a browser would cut a pasted "123 456" before the spaces go.
  const onCode = (value: string) => {
    const next = numeric ? value.replace(/\D/g, '').slice(0, CODE_LENGTH) : value
    setCode(next)
    setErrors({})
    // A pasted or fully typed authenticator code submits itself, as the apps' own prompts do.
    if (choice === 'OTP' && next.length === CODE_LENGTH) void verify(next)
  }

  const usable = choice !== undefined && choice !== 'PASSKEY' && (!bindable || binding !== null)
  const withPasskey = async () => {
    clear()
    try {
      loggedIn(await login.verifyMfa({ factor: 'PASSKEY' }))
    } catch (error) {
      fail(error)
    }
  }
  return (
    <form className="ak-login__form" aria-label={t.mfaTitle} noValidate onSubmit={onSubmit(() => void verify(code))}>
      {choices.length > 1 ? (
        <div className="ak-login__tabs" role="group" aria-label={m.factors}>
          {choices.map((c) => (
            <button key={c} type="button" className="ak-login__tab" aria-pressed={c === choice} onClick={() => pick(c)}>
              {m[c]}
            </button>
          ))}
        </div>
      ) : null}
      <p className="ak-login__hint">{intro}</p>
      {choice === 'PASSKEY' ? (
        <button
          type="button"
          className="ak-login__submit"
          disabled={login.isPending}
          onClick={() => void withPasskey()}
        >
          {m.usePasskey}
        </button>
      ) : null}
      {bindable && !binding ? (
        <button type="button" className="ak-login__submit" onClick={() => void startBinding()}>
          {m.bindStart}
        </button>
      ) : null}
      {binding ? (
        <>
          <img className="ak-login__qr" src={binding.qrcode_data_url} alt={m.qrAlt} width={160} height={160} />
          <p className="ak-login__hint">
            {m.key}: <code className="ak-login__secret">{binding.secret}</code>
          </p>
          <p className="ak-login__hint">
            {m.bindRecovery} <code className="ak-login__secret">{binding.recovery_code}</code>
          </p>
        </>
      ) : null}
      {usable ? (
        <div ref={first} className="ak-login__form">
          {channel && !own ? (
            <Field
              name="to"
              label={channel === 'SMS' ? t.phone : t.email}
              type={channel === 'SMS' ? 'tel' : 'email'}
              value={to}
              onValue={(v) => (setTo(v), setErrors({}))}
              error={errors.to}
              autoComplete={channel === 'SMS' ? 'tel' : 'email'}
            />
          ) : null}
          <div className="ak-login__row">
            <Field
              name="code"
              label={choice === 'OTP' ? m.otpCode : choice === 'recovery' ? m.recoveryCode : t.code}
              value={code}
              onValue={onCode}
              error={errors.code}
              {...(numeric
                ? { inputMode: 'numeric', autoComplete: 'one-time-code' }
                : { autoComplete: 'off', spellCheck: false })}
            />
            {channel ? (
              <button
                type="button"
                className="ak-login__send"
                disabled={login.mfaCodeSecondsLeft > 0}
                onClick={() => void send()}
              >
                {login.mfaCodeSecondsLeft > 0
                  ? t.resendIn.replace('{seconds}', String(login.mfaCodeSecondsLeft))
                  : t.sendCode}
              </button>
            ) : null}
          </div>
          <button type="submit" className="ak-login__submit" disabled={login.isPending}>
            {m.verify}
          </button>
        </div>
      ) : null}
    </form>
  )
}

/** After a recovery code: the next one, shown once, before the app takes over. */
export function NewRecoveryCode({ user, recoveryCode }: { user: User; recoveryCode: string }): ReactNode {
  const { lang, login, done } = useLoginFormContext()
  const m = mfaMessages[lang]
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => button.current?.focus(), [])
  return (
    <div className="ak-login__form" role="group" aria-label={m.newRecoveryTitle}>
      <p>{m.newRecoveryText}</p>
      <p>
        <code className="ak-login__secret">{recoveryCode}</code>
      </p>
      <button
        ref={button}
        type="button"
        className="ak-login__submit"
        onClick={() => (login.startSession(user), done(user))}
      >
        {m.continue}
      </button>
    </div>
  )
}
