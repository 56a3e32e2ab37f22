import { onSubmit, useFormFields } from '../../form/useFormFields.js'
import { useAgreements } from '../Agreements.js'
import { CodeFields, codeRules, emptyCodeFields } from '../CodeFields.js'
import { useLoginFormContext } from '../formContext.js'
import { RememberMe } from '../RememberMe.js'
import { type CodeChannel, useCodeSender } from '../useCodeSender.js'

/** Login with a code sent by SMS (with a country code) or by email. */
export function CodeView({ channel }: { channel: CodeChannel }) {
  const { t, rememberMe, fail, clear, loggedIn, login: form } = useLoginFormContext()
  const { login, isPending } = form
  const sender = useCodeSender(channel, 'login')
  const fields = useFormFields(emptyCodeFields, t)
  const { values } = fields
  const agreements = useAgreements('login')

  const submit = onSubmit(async (form) => {
    clear()
    if (!fields.check(form, codeRules(channel)) || !agreements.check(form)) return
    const code = values.code.trim()
    const extras = agreements.ids ? { agreementIds: agreements.ids } : {}
    try {
      const countryCode = values.countryCode.trim()
      const user =
        channel === 'phone'
          ? await login(
              'phoneCode',
              countryCode
                ? { phone: values.phone.trim(), code, phoneCountryCode: countryCode, ...extras }
                : { phone: values.phone.trim(), code, ...extras },
              { rememberMe },
            )
          : await login('emailCode', { email: values.email.trim(), code, ...extras }, { rememberMe })
      loggedIn(user)
    } catch (error) {
      fail(error)
    }
  })

  return (
    <form className="ak-login__form" aria-label={t.title} noValidate onSubmit={submit}>
      <CodeFields channel={channel} fields={fields} sender={sender} />
      {agreements.boxes}
      <RememberMe />
      <button type="submit" className="ak-login__submit" disabled={isPending}>
        {t.submitLogin}
      </button>
    </form>
  )
}
