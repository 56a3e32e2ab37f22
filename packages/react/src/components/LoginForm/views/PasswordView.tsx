import { Field } from '../../form/Field.js'
import { onSubmit, useFormFields } from '../../form/useFormFields.js'
import * as rules from '../../form/validation.js'
import { useLoginFormContext } from '../formContext.js'
import { RememberMe } from '../RememberMe.js'

/** One account field (username, email or phone, told apart by its shape) and a password. */
export function PasswordView() {
  const { t, rememberMe, fail, clear, loggedIn, login: form } = useLoginFormContext()
  const { login, isPending } = form
  const fields = useFormFields({ account: '', password: '' }, t)
  const { values, bind } = fields

  const submit = onSubmit(async (form) => {
    clear()
    if (!fields.check(form, { account: rules.account, password: rules.password })) return
    const account = values.account.trim()
    const { password } = values
    const options = { rememberMe }
    try {
      const kind = rules.detectAccount(account)
      const user =
        kind === 'email'
          ? await login('email', { email: account, password }, options)
          : kind === 'phone'
            ? await login('phone', { phone: account, password }, options)
            : await login('username', { username: account, password }, options)
      loggedIn(user)
    } catch (error) {
      fail(error)
    }
  })

  return (
    <form className="ak-login__form" aria-label={t.title} noValidate onSubmit={submit}>
      <Field {...bind('account')} label={t.account} autoComplete="username" />
      <Field {...bind('password')} label={t.password} type="password" autoComplete="current-password" />
      <RememberMe />
      <button type="submit" className="ak-login__submit" disabled={isPending}>
        {t.submitLogin}
      </button>
    </form>
  )
}
