import type { BindIdentityStep } from '@authing-kit/client'
import { type ReactNode, useEffect, useRef, useState } from 'react'

import { Field } from '../../form/Field.js'
import { onSubmit } from '../../form/useFormFields.js'
import { useLoginFormContext } from '../formContext.js'
import { bindMessages } from './bindMessages.js'

/**
 * A social account seen for the first time (1640, 1641): the user proves an existing account with
 * its password to link the two, or (1641, `canCreate`) makes a new account of it.
 */
export function BindIdentityView({ step }: { step: BindIdentityStep }): ReactNode {
  const { t, lang, login, fail, clear, announce, loggedIn } = useLoginFormContext()
  const m = bindMessages[lang]
  const [values, setValues] = useState({ account: '', password: '' })
  const [errors, setErrors] = useState<Partial<typeof values>>({})
  const root = useRef<HTMLFormElement>(null)
  const intro = step.canCreate ? m.introCreate : m.intro

  useEffect(() => {
    announce(`${t.bindTitle}: ${intro}`)
    root.current?.querySelector('input')?.focus()
    // Once, when the step appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const set = (name: keyof typeof values) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }))
    setErrors((current) => ({ ...current, [name]: undefined }))
  }
  const finish = async (answer: Promise<Parameters<typeof loggedIn>[0]>) => {
    try {
      loggedIn(await answer)
    } catch (error) {
      fail(error)
    }
  }
  const submit = onSubmit(async (form) => {
    clear()
    const found: Partial<typeof values> = {}
    if (!values.account.trim()) found.account = t.required
    if (!values.password) found.password = t.required
    setErrors(found)
    const first = Object.keys(found)[0]
    const invalid = first ? form.elements.namedItem(first) : null
    if (invalid instanceof HTMLElement) return invalid.focus()
    if (!first) await finish(login.bindIdentityByPassword(values.account.trim(), values.password))
  })

  return (
    <form ref={root} className="ak-login__form" aria-label={t.bindTitle} noValidate onSubmit={submit}>
      <p className="ak-login__hint">{intro}</p>
      <Field
        name="account"
        label={t.account}
        autoComplete="username"
        value={values.account}
        onValue={set('account')}
        error={errors.account}
      />
      <Field
        name="password"
        label={t.password}
        type="password"
        autoComplete="current-password"
        value={values.password}
        onValue={set('password')}
        error={errors.password}
      />
      <button type="submit" className="ak-login__submit" disabled={login.isPending}>
        {m.link}
      </button>
      {step.canCreate ? (
        <button
          type="button"
          className="ak-login__link"
          disabled={login.isPending}
          onClick={() => (clear(), void finish(login.createFederationAccount()))}
        >
          {m.create}
        </button>
      ) : null}
    </form>
  )
}
