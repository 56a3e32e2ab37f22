/** Authing's default minimum password length. */
export const MIN_PASSWORD_LENGTH = 6

/** The strings the rules speak in; the login form and the profile both carry them. */
export interface ValidationMessages {
  required: string
  invalidEmail: string
  invalidPhone: string
  passwordTooShort: string
}

/** A check of one field: the message to show, or null when the value is fine. */
export type Rule = (value: string, t: ValidationMessages) => string | null

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+?\d{5,15}$/

export const isEmail = (value: string): boolean => EMAIL.test(value.trim())
export const isPhone = (value: string): boolean => PHONE.test(value.trim())

/** Which password login the single account field means. */
export function detectAccount(value: string): 'email' | 'phone' | 'username' {
  if (isEmail(value)) return 'email'
  if (isPhone(value)) return 'phone'
  return 'username'
}

export const required: Rule = (value, t) => (value.trim() === '' ? t.required : null)
export const email: Rule = (value, t) => required(value, t) ?? (isEmail(value) ? null : t.invalidEmail)
export const phone: Rule = (value, t) => required(value, t) ?? (isPhone(value) ? null : t.invalidPhone)
/** The password login's account: a value with an `@` is meant as an email, so it must be one. */
export const account: Rule = (value, t) =>
  required(value, t) ?? (value.includes('@') && !isEmail(value) ? t.invalidEmail : null)
export const password: Rule = (value, t) =>
  required(value, t) ??
  (value.length < MIN_PASSWORD_LENGTH ? t.passwordTooShort.replace('{min}', String(MIN_PASSWORD_LENGTH)) : null)
