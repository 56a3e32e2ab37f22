import { captchaAlwaysRequired, loginStepOf } from '@authing-kit/client'
import { useEffect, useRef } from 'react'

import { Field } from '../../form/Field.js'
import { onSubmit, useFormFields } from '../../form/useFormFields.js'
import * as rules from '../../form/validation.js'
import { useAgreements } from '../Agreements.js'
import { useLoginFormContext } from '../formContext.js'
import { RememberMe } from '../RememberMe.js'

/**
 * One account field (username, email or phone, told apart by its shape) and a password; the
 * captcha once the pool asks for one (2000, or always by its policy), a new image after every failure.
 */
export function PasswordView() {
  const { t, rememberMe, fail, inform, clear, loggedIn, login: form, config } = useLoginFormContext()
  const { login, isPending } = form
  const fields = useFormFields({ account: '', password: '', captcha: '' }, t)
  const { values, bind, set } = fields
  const agreements = useAgreements('login')
  const captcha = form.captchaUrl
  const captchaInput = useRef<HTMLDivElement>(null)
  const always = config ? captchaAlwaysRequired(config) : false
  const { refreshCaptcha } = form
  useEffect(() => {
    if (always) refreshCaptcha()
  }, [always, refreshCaptcha])
  // Every new image starts with an empty answer.
  useEffect(() => set('captcha', ''), [captcha, set])

  const submit = onSubmit(async (form) => {
    clear()
    const checks = captcha
      ? { account: rules.account, password: rules.password, captcha: rules.required }
      : { account: rules.account, password: rules.password }
    if (!fields.check(form, checks) || !agreements.check(form)) return
    const account = values.account.trim()
    const extras = {
      password: values.password,
      ...(captcha ? { captchaCode: values.captcha.trim() } : {}),
      ...(agreements.ids ? { agreementIds: agreements.ids } : {}),
    }
    const options = { rememberMe }
    try {
      const kind = rules.detectAccount(account)
      const user =
        kind === 'email'
          ? await login('email', { email: account, ...extras }, options)
          : kind === 'phone'
            ? await login('phone', { phone: account, ...extras }, options)
            : await login('username', { username: account, ...extras }, options)
      loggedIn(user)
    } catch (error) {
      if (loginStepOf(error)?.kind !== 'captcha') return fail(error)
      inform(t.captchaNeeded)
      // The field appears with the new image; the user goes on there.
      setTimeout(() => captchaInput.current?.querySelector('input')?.focus())
    }
  })

  return (
    <form className="ak-login__form" aria-label={t.title} noValidate onSubmit={submit}>
      <Field
        {...bind('account')}
        label={t.account}
        autoComplete={config?.passkeyEnabled ? 'username webauthn' : 'username'}
      />
      <Field {...bind('password')} label={t.password} type="password" autoComplete="current-password" />
      {captcha ? (
        <div ref={captchaInput} className="ak-login__row">
          <Field {...bind('captcha')} label={t.captcha} autoComplete="off" spellCheck={false} />
          <img className="ak-login__captcha" src={captcha} alt={t.captchaImage} width={120} height={40} />
          <button type="button" className="ak-login__send" aria-label={t.captchaRefresh} onClick={refreshCaptcha}>
            ↻
          </button>
        </div>
      ) : null}
      {agreements.boxes}
      <RememberMe />
      <button type="submit" className="ak-login__submit" disabled={isPending}>
        {t.submitLogin}
      </button>
    </form>
  )
}
