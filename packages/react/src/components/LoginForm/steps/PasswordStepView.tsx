import { type ReactNode, useEffect, useRef, useState } from 'react'

import type { PasswordStep } from '../../../hooks/loginStepAnswers.js'
import { Field } from '../../form/Field.js'
import { onSubmit } from '../../form/useFormFields.js'
import { MIN_PASSWORD_LENGTH } from '../../form/validation.js'
import { useLoginFormContext } from '../formContext.js'
import { passwordMessages } from './passwordMessages.js'

/** Letters, digits and other characters: how many of the three kinds `password` mixes. */
const kindsIn = (password: string) => [/[a-z]/i, /\d/, /[^a-z\d]/i].filter((pattern) => pattern.test(password)).length

/** The rules of the pool's strength level (Authing's 0–3), each with whether `password` meets it. */
function rulesOf(level: number, password: string, m: (typeof passwordMessages)['en-US']) {
  if (level < 1) return []
  const length = {
    text: m.length.replace('{min}', String(MIN_PASSWORD_LENGTH)),
    met: password.length >= MIN_PASSWORD_LENGTH,
  }
  if (level < 2) return [length]
  return [length, { text: m.kinds.replace('{n}', String(level)), met: kindsIn(password) >= level }]
}

/**
 * A password the login must change first: at the first login (1639), after the pool's maximum age
 * (2058: the current one too) or when it is on the weak list (2071). The pool's rules are shown and
 * ticked off as the user types; the login then repeats with the new password.
 */
export function PasswordStepView({ step, level = 1 }: { step: PasswordStep; level?: number }): ReactNode {
  const { t, lang, login, fail, clear, announce, loggedIn, go } = useLoginFormContext()
  const m = passwordMessages[lang]
  const [values, setValues] = useState({ current: '', password: '', repeat: '' })
  const [errors, setErrors] = useState<Partial<typeof values>>({})
  const root = useRef<HTMLFormElement>(null)
  const rotation = step.kind === 'forcePasswordReset'
  const reason =
    rotation && step.forcedCycle && step.forcedCycleUnit
      ? m.forcePasswordResetCycle.replace('{n}', String(step.forcedCycle)).replace('{unit}', m[step.forcedCycleUnit])
      : m[step.kind]
  const rules = rulesOf(level, values.password, m)

  useEffect(() => {
    announce(`${t.passwordStepTitle}: ${reason}`)
    root.current?.querySelector('input')?.focus()
    // Once, when the step appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const set = (name: keyof typeof values) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }))
    setErrors((current) => ({ ...current, [name]: undefined }))
  }

  const submit = onSubmit(async (form) => {
    clear()
    const found: Partial<typeof values> = {}
    if (rotation && !values.current) found.current = t.required
    if (!values.password) found.password = t.required
    else if (rules.some((rule) => !rule.met)) found.password = rules.find((rule) => !rule.met)?.text ?? ''
    else if (values.repeat !== values.password) found.repeat = m.mismatch
    setErrors(found)
    const first = Object.keys(found)[0]
    const invalid = first ? form.elements.namedItem(first) : null
    if (invalid instanceof HTMLElement) return invalid.focus()
    if (first) return
    try {
      const user = await login.setNewPassword(values.password, rotation ? { oldPassword: values.current } : {})
      if (user) loggedIn(user)
      else go('login', t.passwordReset)
    } catch (error) {
      fail(error)
    }
  })

  return (
    <form ref={root} className="ak-login__form" aria-label={t.passwordStepTitle} noValidate onSubmit={submit}>
      <p className="ak-login__hint">{reason}</p>
      {rotation ? (
        <Field
          name="current"
          label={m.current}
          type="password"
          autoComplete="current-password"
          value={values.current}
          onValue={set('current')}
          error={errors.current}
        />
      ) : null}
      <Field
        name="password"
        label={t.newPassword}
        type="password"
        autoComplete="new-password"
        value={values.password}
        onValue={set('password')}
        error={errors.password}
      />
      {rules.length ? (
        <ul className="ak-login__rules" aria-label={m.rules}>
          {rules.map((rule) => (
            <li key={rule.text} data-met={rule.met}>
              {rule.met ? '✓ ' : '○ '}
              {rule.text}
            </li>
          ))}
        </ul>
      ) : null}
      <Field
        name="repeat"
        label={m.repeat}
        type="password"
        autoComplete="new-password"
        value={values.repeat}
        onValue={set('repeat')}
        error={errors.repeat}
      />
      <button type="submit" className="ak-login__submit" disabled={login.isPending}>
        {m.save}
      </button>
    </form>
  )
}
