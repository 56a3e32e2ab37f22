import type { BindIdentityStep } from '@authing-kit/client'
import { type ReactNode, useEffect, useRef } from 'react'

import { Field } from '../../form/Field.js'
import { onSubmit, useFormFields } from '../../form/useFormFields.js'
import { required } from '../../form/validation.js'
import { useLoginFormContext } from '../formContext.js'
import { bindMessages } from './bindMessages.js'

/**
 * A social account seen for the first time (1640, 1641): the user proves an existing account with
 * its password to link the two, or (1641, `canCreate`) makes a new account of it.
 */
export function BindIdentityView({ step }: { step: BindIdentityStep }): ReactNode {
  const { t, lang, login, fail, clear, announce, loggedIn } = useLoginFormContext()
  const m = bindMessages[lang]
  const fields = useFormFields({ account: '', password: '' }, t)
  const root = useRef<HTMLFormElement>(null)
  const intro = step.canCreate ? m.introCreate : m.intro

  useEffect(() => {
    announce(`${t.bindTitle}: ${intro}`)
    root.current?.querySelector('input')?.focus()
    // Once, when the step appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const finish = async (answer: Promise<Parameters<typeof loggedIn>[0]>) => {
    try {
      loggedIn(await answer)
    } catch (error) {
      fail(error)
    }
  }
  const submit = onSubmit(async (form) => {
    clear()
    if (!fields.check(form, { account: required, password: required })) return
    await finish(login.bindIdentityByPassword(fields.values.account.trim(), fields.values.password))
  })

  return (
    <form ref={root} className="ak-login__form" aria-label={t.bindTitle} noValidate onSubmit={submit}>
      <p className="ak-login__hint">{intro}</p>
      <Field {...fields.bind('account')} label={t.account} autoComplete="username" />
      <Field {...fields.bind('password')} label={t.password} type="password" autoComplete="current-password" />
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
