import type { CompleteProfileStep, CompletionField, CompletionFieldValue } from '@authing-kit/client'
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'

import { useSendEmailCode } from '../../../hooks/useSendEmailCode.js'
import { useSendSmsCode } from '../../../hooks/useSendSmsCode.js'
import { Field } from '../../form/Field.js'
import { onSubmit } from '../../form/useFormFields.js'
import * as rules from '../../form/validation.js'
import { useLoginFormContext } from '../formContext.js'
import { completeMessages } from './completeMessages.js'

type Values = Record<string, string>

const inputTypes: Partial<Record<string, string>> = { number: 'number', date: 'date', datetime: 'datetime-local' }

/** The message of the first rule `value` breaks (Authing's `validateRules`), or null. */
function brokenRule(field: CompletionField, value: string, fallback: string): string | null {
  for (const rule of field.validateRules) {
    let ok = true
    if (rule.type === 'email') ok = rules.isEmail(value)
    else if (rule.type === 'phone') ok = rules.isPhone(value)
    else if (rule.type === 'isNumber') ok = value.trim() !== '' && Number.isFinite(Number(value))
    else if (rule.type === 'regExp') {
      try {
        ok = new RegExp(rule.content).test(value)
      } catch {
        // A pattern this browser cannot compile is the server's to judge.
      }
    }
    if (!ok) return rule.errorMessage || fallback
  }
  return null
}

/**
 * The fields an app wants filled in before the login completes (1642): one input per field, by
 * Authing's type, a phone or email with the code sent to it, and "skip" where the app allows it.
 */
export function CompleteProfileView({ step }: { step: CompleteProfileStep }): ReactNode {
  const { t, lang, login, fail, inform, clear, announce, loggedIn } = useLoginFormContext()
  const m = completeMessages[lang]
  const [values, setValues] = useState<Values>({})
  const [errors, setErrors] = useState<Values>({})
  const sms = useSendSmsCode()
  const mail = useSendEmailCode()
  const root = useRef<HTMLFormElement>(null)
  const id = useId()

  useEffect(() => {
    announce(`${t.completeTitle}: ${m.intro}`)
    root.current?.querySelector<HTMLElement>('input,select')?.focus()
    // Once, when the step appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const set = (name: string, value: string) => {
    setValues((current) => ({ ...current, [name]: value }))
    setErrors((current) => ({ ...current, [name]: '' }))
  }
  const value = (name: string) => values[name] ?? ''
  const codeName = (field: CompletionField) => `${field.name}:code`

  const problems = (): Values => {
    const found: Values = {}
    for (const field of step.fields) {
      const v = value(field.name).trim()
      if (!v) {
        if (field.required) found[field.name] = t.required
        continue
      }
      const builtIn = field.type === 'email' ? rules.email(v, t) : field.type === 'phone' ? rules.phone(v, t) : null
      const broken = builtIn ?? brokenRule(field, v, m.invalid)
      if (broken) found[field.name] = broken
      else if (field.needsCode && !value(codeName(field)).trim()) found[codeName(field)] = t.required
    }
    return found
  }

  const submit = onSubmit(async (form) => {
    clear()
    const found = problems()
    setErrors(found)
    const first = Object.keys(found)[0]
    const invalid = first === undefined ? null : form.elements.namedItem(first)
    if (invalid instanceof HTMLElement) return invalid.focus()
    if (first !== undefined) return
    const answer: CompletionFieldValue[] = step.fields
      .filter((field) => value(field.name).trim())
      .map((field) => ({
        name: field.name,
        value: value(field.name).trim(),
        ...(field.needsCode ? { code: value(codeName(field)).trim() } : {}),
      }))
    try {
      loggedIn(await login.completeProfile(answer))
    } catch (error) {
      fail(error)
    }
  })

  const skip = async () => {
    clear()
    try {
      loggedIn(await login.skipProfile())
    } catch (error) {
      fail(error)
    }
  }

  const send = async (field: CompletionField) => {
    clear()
    const to = value(field.name).trim()
    const problem = (field.type === 'phone' ? rules.phone : rules.email)(to, t)
    if (problem) return setErrors((current) => ({ ...current, [field.name]: problem }))
    try {
      await (field.type === 'phone'
        ? sms.send(to, { scene: 'complete-phone' })
        : mail.send(to, 'INFORMATION_COMPLETION_VERIFY_CODE'))
      inform(t.codeSent)
    } catch (error) {
      fail(error)
    }
  }

  const input = (field: CompletionField): ReactNode => {
    const label = field.required ? `${field.label} *` : field.label
    const common = { name: field.name, value: value(field.name), onValue: (v: string) => set(field.name, v) }
    const choices =
      field.type === 'gender' && !field.options.length
        ? ['M', 'F', 'U'].map((g) => ({ value: g, label: m[g as 'M'] }))
        : field.options
    if (field.type === 'boolean')
      return (
        <label key={field.name} className="ak-login__remember">
          <input
            type="checkbox"
            name={field.name}
            checked={value(field.name) === 'true'}
            onChange={(event) => set(field.name, event.target.checked ? 'true' : '')}
          />
          {label}
        </label>
      )
    if (choices.length)
      return (
        <div key={field.name} className="ak-login__field">
          <label className="ak-login__label" htmlFor={`${id}-${field.name}`}>
            {label}
          </label>
          <select
            id={`${id}-${field.name}`}
            name={field.name}
            className="ak-login__input"
            value={value(field.name)}
            aria-invalid={errors[field.name] ? true : undefined}
            aria-describedby={errors[field.name] ? `${id}-${field.name}-error` : undefined}
            onChange={(event) => set(field.name, event.target.value)}
          >
            <option value="">{m.choose}</option>
            {choices.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {errors[field.name] ? (
            <span id={`${id}-${field.name}-error`} className="ak-login__field-error">
              {errors[field.name]}
            </span>
          ) : null}
        </div>
      )
    if (!field.needsCode)
      return (
        <Field
          key={field.name}
          {...common}
          label={label}
          error={errors[field.name]}
          type={inputTypes[field.type] ?? 'text'}
        />
      )
    const sender = field.type === 'phone' ? sms : mail
    return (
      <div key={field.name} className="ak-login__form">
        <Field
          {...common}
          label={label}
          error={errors[field.name]}
          type={field.type === 'phone' ? 'tel' : 'email'}
          autoComplete={field.type === 'phone' ? 'tel' : 'email'}
        />
        <div className="ak-login__row">
          <Field
            name={codeName(field)}
            label={m.codeFor.replace('{field}', field.label)}
            value={value(codeName(field))}
            onValue={(v) => set(codeName(field), v)}
            error={errors[codeName(field)]}
            inputMode="numeric"
            autoComplete="one-time-code"
          />
          <button type="button" className="ak-login__send" disabled={!sender.canSend} onClick={() => void send(field)}>
            {sender.secondsLeft > 0 ? t.resendIn.replace('{seconds}', String(sender.secondsLeft)) : t.sendCode}
          </button>
        </div>
      </div>
    )
  }

  return (
    <form ref={root} className="ak-login__form" aria-label={t.completeTitle} noValidate onSubmit={submit}>
      <p className="ak-login__hint">{m.intro}</p>
      {step.fields.map(input)}
      <button type="submit" className="ak-login__submit" disabled={login.isPending}>
        {m.continue}
      </button>
      {step.skip ? (
        <button type="button" className="ak-login__link" onClick={() => void skip()}>
          {m.skip}
        </button>
      ) : null}
    </form>
  )
}
