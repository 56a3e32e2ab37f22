/**
 * What a login that did not end in a session asks for next. Authing answers such a login with an
 * error whose code names the step and whose `data` carries its input; `loginStepOf` reads it into
 * a union an app can `switch` on: a second factor, a password to change, a profile to complete.
 * More kinds join as the emulator learns their flows.
 */
import { type AuthingError, isAuthingError } from './errors.js'

/** Second factors, as Authing names them (`applicationMfa[].mfaPolicy`). */
export type MfaFactor = 'OTP' | 'SMS' | 'EMAIL' | 'FACE' | 'PASSKEY'

export interface MfaStep {
  kind: 'mfa'
  /** 1635: the user's own authenticator app; 1636: the application's MFA policy */
  code: 1635 | 1636
  /** for `client.mfa`'s calls; dies when the step is passed, after a few wrong codes, or after minutes */
  mfaToken: string
  /** the factors the user may choose from, in the app's order */
  factors: MfaFactor[]
  /** whether an authenticator app is bound (if not, `OTP` means binding one now) */
  totpEnabled: boolean
  /** where SMS and email codes go, unmasked (mask them for display); null when the account has none */
  phone: string | null
  phoneCountryCode: string | null
  email: string | null
}

/**
 * 2000: the pool wants a captcha with this password login. Show `client.getCaptchaUrl()` in an
 * `<img>` and retry with its text as `captchaCode`; a 2001 answer means a new image is needed.
 */
export interface CaptchaStep {
  kind: 'captcha'
  code: 2000
}

/**
 * 1639: the user's first login (an administrator created them with `resetPasswordOnFirstLogin`).
 * Finish with `resetPasswordByFirstLoginToken(token, password)`; no session follows: log in again
 * with the new password.
 */
export interface FirstLoginPasswordStep {
  kind: 'firstLoginPassword'
  code: 1639
  /** single-use, valid for minutes */
  token: string
  /** Authing asks for an SMS code to `phone` too (`enableFirstLoginResetPasswordVerifyPhone`) */
  verifyPhone: boolean
  phone: string | null
}

/** 2058: the password is older than the pool allows. `resetPasswordByForceResetToken(token, old, new)`, then log in again. */
export interface ForcePasswordResetStep {
  kind: 'forcePasswordReset'
  code: 2058
  token: string
  /** how often passwords must change, in `forcedCycleUnit`s, when the server says */
  forcedCycle: number | null
  forcedCycleUnit: 'DAY' | 'MONTH' | 'YEAR' | null
}

/** 2071: the password is on the pool's weak-password list. `resetPasswordByFirstLoginToken(token, password)`, then log in again. */
export interface UnsafePasswordStep {
  kind: 'unsafePassword'
  code: 2071
  token: string
}

/** One field of a profile-completion step, as Authing's `metaData[]` describes it. */
export interface CompletionField {
  /** the user field (`email`, `phone`, `nickname`, …) or the user-defined field's key */
  name: string
  label: string
  /** Authing's input type: `username`, `phone`, `email`, `string`, `number`, `date`, `boolean`, `select`, … */
  type: string
  required: boolean
  /** `phone` and `email` need the code sent to them (scenes `complete-phone`, `INFORMATION_COMPLETION_VERIFY_CODE`) */
  needsCode: boolean
  validateRules: { type: string; content: string; errorMessage?: string }[]
  options: { value: string; label: string }[]
}

/**
 * 1642: the app wants profile fields the user has not filled in. Finish with
 * `completeProfile(step, fieldValues)` (or `skipProfileCompletion(step)` when `skip`): the login
 * then ends in a session.
 */
export interface CompleteProfileStep {
  kind: 'completeProfile'
  code: 1642
  /** names the step on `/interaction/authFlow` */
  flowHandle: string
  /** whether the user may skip it (the next login asks again) */
  skip: boolean
  fields: CompletionField[]
}

/**
 * 1640 / 1641: a social account seen for the first time must be bound to an existing account —
 * `client.social.bindIdentityByPassword(step, account, password)` — or, with 1641 (`canCreate`),
 * may become a new one: `client.social.createFederationAccount(step)`. Either ends in a session.
 */
export interface BindIdentityStep {
  kind: 'bindIdentity'
  code: 1640 | 1641
  flowHandle: string
  /** how the existing account may prove itself (`username-password`, `email-password`, `phone-password`, …) */
  methods: string[]
  canCreate: boolean
}

export type LoginStep =
  | MfaStep
  | CaptchaStep
  | FirstLoginPasswordStep
  | ForcePasswordResetStep
  | UnsafePasswordStep
  | CompleteProfileStep
  | BindIdentityStep

const factors: readonly MfaFactor[] = ['OTP', 'SMS', 'EMAIL', 'FACE', 'PASSKEY']

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)

/** The step a failed login asks for, or null when `error` is a plain failure (or not Authing's). */
export function loginStepOf(error: unknown): LoginStep | null {
  if (!isAuthingError(error)) return null
  if (error.code === 2000) return { kind: 'captcha', code: 2000 }
  if (error.code === 1635 || error.code === 1636) return mfaStep(error as AuthingError & { code: 1635 | 1636 })
  return passwordStep(error) ?? completionStep(error) ?? bindIdentityStep(error)
}

function bindIdentityStep({ code, data }: AuthingError): BindIdentityStep | null {
  const d = (data ?? {}) as Record<string, unknown>
  const flowHandle = text(d.flowHandle)
  if ((code !== 1640 && code !== 1641) || !flowHandle) return null
  const methods = Array.isArray(d.methods) ? d.methods.filter((m): m is string => typeof m === 'string') : []
  return { kind: 'bindIdentity', code, flowHandle, methods, canCreate: code === 1641 }
}

function passwordStep({ code, data }: AuthingError): LoginStep | null {
  const d = (data ?? {}) as Record<string, unknown>
  const token = text(d.token)
  if (!token) return null
  if (code === 1639)
    return {
      kind: 'firstLoginPassword',
      code,
      token,
      verifyPhone: d.enableFirstLoginResetPasswordVerifyPhone === true,
      phone: text(d.phone),
    }
  if (code === 2071) return { kind: 'unsafePassword', code, token }
  if (code !== 2058) return null
  const unit = d.forcedCycleUnit
  return {
    kind: 'forcePasswordReset',
    code,
    token,
    forcedCycle: typeof d.forcedCycle === 'number' ? d.forcedCycle : null,
    forcedCycleUnit: unit === 'DAY' || unit === 'MONTH' || unit === 'YEAR' ? unit : null,
  }
}

function completionStep({ code, data }: AuthingError): CompleteProfileStep | null {
  const d = (data ?? {}) as Record<string, unknown>
  const flowHandle = text(d.flowHandle)
  if (code !== 1642 || !flowHandle) return null
  const list = (Array.isArray(d.metaData) ? d.metaData : []) as Record<string, unknown>[]
  const fields = list.map((m): CompletionField => {
    const type = text(m.type) ?? 'string'
    return {
      name: text(m.name) ?? '',
      label: text(m.label) ?? text(m.name) ?? '',
      type,
      required: m.required === true,
      needsCode: type === 'phone' || type === 'email',
      validateRules: Array.isArray(m.validateRules) ? m.validateRules : [],
      options: Array.isArray(m.options) ? m.options : [],
    }
  })
  return { kind: 'completeProfile', code, flowHandle, skip: d.skip === true, fields }
}

function mfaStep(error: AuthingError & { code: 1635 | 1636 }): MfaStep | null {
  const data = (error.data ?? {}) as Record<string, unknown>
  const mfaToken = text(data.mfaToken)
  if (!mfaToken) return null
  const policies = Array.isArray(data.applicationMfa)
    ? (data.applicationMfa as { mfaPolicy?: unknown; sort?: unknown }[])
    : []
  const offered = policies
    .filter((p) => factors.includes(p?.mfaPolicy as MfaFactor))
    .sort((a, b) => Number(a.sort ?? 0) - Number(b.sort ?? 0))
    .map((p) => p.mfaPolicy as MfaFactor)
  return {
    kind: 'mfa',
    code: error.code,
    mfaToken,
    // A 1635 names no policy on some deployments: the user's own authenticator app is the factor.
    factors: offered.length ? offered : ['OTP'],
    totpEnabled: data.totpMfaEnabled === true,
    phone: text(data.mfaPhone) ?? text(data.phone),
    phoneCountryCode: text(data.mfaPhoneCountryCode) ?? text(data.phoneCountryCode),
    email: text(data.mfaEmail) ?? text(data.email),
  }
}
