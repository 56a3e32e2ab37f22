import type { ReactNode } from 'react'

import { useUpdatePassword } from '../../hooks/useUpdatePassword.js'
import { Field } from '../form/Field.js'
import { onSubmit, useFormFields } from '../form/useFormFields.js'
import type { Notices } from '../form/useNotices.js'
import * as rules from '../form/validation.js'
import type { UserProfileMessages } from './messages.js'

interface PasswordChangeProps {
  t: UserProfileMessages
  notices: Notices
}

/**
 * Changes the password. The current one is not checked here: a user who signed up with a phone
 * code has none, and for everyone else the server says when it is wrong or missing.
 */
export function PasswordChange({ t, notices }: PasswordChangeProps): ReactNode {
  const { updatePassword, isPending } = useUpdatePassword()
  const fields = useFormFields({ oldPassword: '', newPassword: '' }, t)
  const { values, set, bind } = fields

  const submit = onSubmit(async (form) => {
    notices.clear()
    if (!fields.check(form, { newPassword: rules.password })) return
    try {
      await updatePassword(values.newPassword, values.oldPassword === '' ? undefined : values.oldPassword)
      set('oldPassword', '')
      set('newPassword', '')
      notices.inform(t.passwordChanged)
    } catch (error) {
      notices.fail(error)
    }
  })

  return (
    <form className="ak-login__form ak-profile__section" aria-label={t.passwordTitle} noValidate onSubmit={submit}>
      <h3 className="ak-profile__section-title">{t.passwordTitle}</h3>
      <Field {...bind('oldPassword')} label={t.oldPassword} type="password" autoComplete="current-password" />
      <Field {...bind('newPassword')} label={t.newPassword} type="password" autoComplete="new-password" />
      <button type="submit" className="ak-login__submit" disabled={isPending}>
        {t.changePassword}
      </button>
    </form>
  )
}
