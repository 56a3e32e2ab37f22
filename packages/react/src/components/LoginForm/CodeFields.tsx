import type { MouseEvent } from 'react'

import { Field } from '../form/Field.js'
import type { FormFields } from '../form/useFormFields.js'
import * as rules from '../form/validation.js'
import { useLoginFormContext } from './formContext.js'
import type { CodeChannel, CodeSender } from './useCodeSender.js'

/** The fields every code flow has. */
export type CodeFieldName = 'phone' | 'countryCode' | 'email' | 'code'

export const DEFAULT_COUNTRY_CODE = '+86'

interface CodeFieldsProps {
  channel: CodeChannel
  fields: FormFields<CodeFieldName>
  sender: CodeSender
}

/**
 * Phone (with its editable country code) or email, the "send code" button with its countdown, and
 * the code input, which gets the focus once a code is on its way.
 */
export function CodeFields({ channel, fields, sender }: CodeFieldsProps) {
  const { t, fail, inform, clear } = useLoginFormContext()
  const { values, set, bind } = fields

  const sendCode = async (event: MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form
    clear()
    if (!fields.check(form, channel === 'phone' ? { phone: rules.phone } : { email: rules.email })) return
    try {
      await (channel === 'phone'
        ? sender.send(values.phone.trim(), values.countryCode.trim() || undefined)
        : sender.send(values.email.trim()))
      inform(t.codeSent)
      const code = form?.elements.namedItem('code')
      if (code instanceof HTMLElement) code.focus()
    } catch (error) {
      fail(error)
    }
  }

  return (
    <>
      {channel === 'phone' ? (
        <div className="ak-login__row">
          <Field
            className="ak-login__field--country"
            name="countryCode"
            label={t.countryCode}
            value={values.countryCode}
            onValue={(v) => set('countryCode', v)}
            autoComplete="tel-country-code"
          />
          <Field {...bind('phone')} label={t.phone} type="tel" inputMode="tel" autoComplete="tel-national" />
        </div>
      ) : (
        <Field {...bind('email')} label={t.email} type="email" autoComplete="email" />
      )}
      <div className="ak-login__row">
        <Field {...bind('code')} label={t.code} inputMode="numeric" autoComplete="one-time-code" />
        <button type="button" className="ak-login__send" disabled={!sender.canSend} onClick={sendCode}>
          {sender.secondsLeft > 0 ? t.resendIn.replace('{seconds}', String(sender.secondsLeft)) : t.sendCode}
        </button>
      </div>
    </>
  )
}

/** Validation of the code flow's target and code, in screen order. */
export function codeRules(channel: CodeChannel): Partial<Record<CodeFieldName, rules.Rule>> {
  return channel === 'phone'
    ? { phone: rules.phone, code: rules.required }
    : { email: rules.email, code: rules.required }
}

export const emptyCodeFields: Record<CodeFieldName, string> = {
  phone: '',
  countryCode: DEFAULT_COUNTRY_CODE,
  email: '',
  code: '',
}
