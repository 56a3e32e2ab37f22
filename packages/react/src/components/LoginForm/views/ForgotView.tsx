import { useState } from 'react'

import { useResetPassword } from '../../../hooks/useResetPassword.js'
import { Field } from '../../form/Field.js'
import { onSubmit, useFormFields } from '../../form/useFormFields.js'
import * as rules from '../../form/validation.js'
import { ChoiceGroup } from '../ChoiceGroup.js'
import { CodeFields, codeRules, emptyCodeFields } from '../CodeFields.js'
import { useLoginFormContext } from '../formContext.js'
import { type CodeChannel, useCodeSender } from '../useCodeSender.js'

/** A new password, proven by a code sent to the account's phone or email; then back to the login screen. */
export function ForgotView() {
  const { t, fail, clear, go } = useLoginFormContext()
  const { resetPassword, isPending } = useResetPassword()
  const [channel, setChannel] = useState<CodeChannel>('phone')
  const sender = useCodeSender(channel, 'reset')
  const fields = useFormFields({ ...emptyCodeFields, newPassword: '' }, t)
  const { values, bind } = fields

  const submit = onSubmit(async (form) => {
    clear()
    if (!fields.check(form, { ...codeRules(channel), newPassword: rules.password })) return
    const code = values.code.trim()
    const { newPassword } = values
    try {
      const countryCode = values.countryCode.trim()
      await resetPassword(
        channel === 'email'
          ? { email: values.email.trim(), code, newPassword }
          : countryCode
            ? { phone: values.phone.trim(), code, newPassword, phoneCountryCode: countryCode }
            : { phone: values.phone.trim(), code, newPassword },
      )
      go('login', t.passwordReset)
    } catch (error) {
      fail(error)
    }
  })

  return (
    <form className="ak-login__form" aria-label={t.forgotTitle} noValidate onSubmit={submit}>
      <ChoiceGroup<CodeChannel>
        legend={t.resetBy}
        value={channel}
        onChange={setChannel}
        choices={[
          { value: 'phone', label: t.byPhone },
          { value: 'email', label: t.byEmail },
        ]}
      />
      <CodeFields channel={channel} fields={fields} sender={sender} />
      <Field {...bind('newPassword')} label={t.newPassword} type="password" autoComplete="new-password" />
      <button type="submit" className="ak-login__submit" disabled={isPending}>
        {t.submitReset}
      </button>
    </form>
  )
}
