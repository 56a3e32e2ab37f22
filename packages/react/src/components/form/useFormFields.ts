import { type FormEvent, useCallback, useState } from 'react'

import type { Rule, ValidationMessages } from './validation.js'

export interface FormFields<K extends string> {
  values: Record<K, string>
  errors: Partial<Record<K, string>>
  set(name: K, value: string): void
  /** The props that tie a `<Field>` to one input: its name, value, change handler and message. */
  bind(name: K): { name: string; value: string; onValue(value: string): void; error: string | undefined }
  /**
   * Checks the given fields in order; on failure shows each message and focuses the first
   * invalid input (found by its `name` in the submitted form). True when all pass.
   */
  check(form: HTMLFormElement | null, rules: Partial<Record<K, Rule>>): boolean
}

/** Values and validation messages of one form's inputs, checked with messages from `t`. */
export function useFormFields<K extends string>(initial: Record<K, string>, t: ValidationMessages): FormFields<K> {
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({})
  const set = useCallback((name: K, value: string) => {
    setValues((current) => ({ ...current, [name]: value }))
    setErrors((current) => (current[name] === undefined ? current : { ...current, [name]: undefined }))
  }, [])
  const check = (form: HTMLFormElement | null, rules: Partial<Record<K, Rule>>): boolean => {
    const found: Partial<Record<K, string>> = {}
    let first: K | null = null
    for (const name of Object.keys(rules) as K[]) {
      const message = rules[name]?.(values[name], t) ?? null
      if (message === null) continue
      found[name] = message
      first ??= name
    }
    setErrors(found)
    if (first === null) return true
    const input = form?.elements.namedItem(first)
    if (input instanceof HTMLElement) input.focus()
    return false
  }
  const bind = (name: K) => ({
    name,
    value: values[name],
    onValue: (value: string) => set(name, value),
    error: errors[name],
  })
  return { values, errors, set, bind, check }
}

/** Stops the browser's own submit (a page load) and hands over the form element. */
export const onSubmit = (handler: (form: HTMLFormElement) => void) => (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault()
  handler(event.currentTarget)
}
