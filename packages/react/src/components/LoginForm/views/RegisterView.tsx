import { useState } from 'react'

import { useRegister } from '../../../hooks/useRegister.js'
import { Field } from '../../form/Field.js'
import { onSubmit, useFormFields } from '../../form/useFormFields.js'
import * as rules from '../../form/validation.js'
import { useAgreements } from '../Agreements.js'
import { ChoiceGroup } from '../ChoiceGroup.js'
import { CodeFields, codeRules, emptyCodeFields } from '../CodeFields.js'
import { useLoginFormContext } from '../formContext.js'
import { useCodeSender } from '../useCodeSender.js'

type RegisterBy = 'username' | 'email' | 'phone'

/** Sign-up by username, email (both with a password) or phone code; then back to the login screen. */
export function RegisterView() {
  const { t, fail, clear, go } = useLoginFormContext()
  const { register, isPending } = useRegister()
  const [by, setBy] = useState<RegisterBy>('username')
  const sender = useCodeSender('phone', 'register')
  const fields = useFormFields({ ...emptyCodeFields, username: '', password: '' }, t)
  const { values, bind } = fields
  const agreements = useAgreements('register')

  const submit = onSubmit(async (form) => {
    clear()
    const checks =
      by === 'username' ? { username: rules.required } : by === 'email' ? { email: rules.email } : codeRules('phone')
    if (!fields.check(form, { ...checks, password: rules.password }) || !agreements.check(form)) return
    const { password } = values
    const options = agreements.ids ? { agreementIds: agreements.ids } : {}
    try {
      if (by === 'username') await register('username', { username: values.username.trim(), password }, options)
      else if (by === 'email') await register('email', { email: values.email.trim(), password }, options)
      else await register('phoneCode', { phone: values.phone.trim(), code: values.code.trim(), password }, options)
      go('login', t.registered)
    } catch (error) {
      fail(error)
    }
  })

  return (
    <form className="ak-login__form" aria-label={t.registerTitle} noValidate onSubmit={submit}>
      <ChoiceGroup<RegisterBy>
        legend={t.registerBy}
        value={by}
        onChange={setBy}
        choices={[
          { value: 'username', label: t.byUsername },
          { value: 'email', label: t.byEmail },
          { value: 'phone', label: t.byPhone },
        ]}
      />
      {by === 'username' ? (
        <Field {...bind('username')} label={t.username} autoComplete="username" />
      ) : by === 'email' ? (
        <Field {...bind('email')} label={t.email} type="email" autoComplete="email" />
      ) : (
        <CodeFields channel="phone" fields={fields} sender={sender} />
      )}
      <Field {...bind('password')} label={t.password} type="password" autoComplete="new-password" />
      {agreements.boxes}
      <button type="submit" className="ak-login__submit" disabled={isPending}>
        {t.submitRegister}
      </button>
    </form>
  )
}
