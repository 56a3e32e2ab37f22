/**
 * What a login that did not end in a session asks for next. Authing answers such a login with an
 * error whose code names the step and whose `data` carries its input; `loginStepOf` reads it into
 * a union an app can `switch` on. More kinds join as the emulator learns their flows.
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

export type LoginStep = MfaStep | CaptchaStep

const factors: readonly MfaFactor[] = ['OTP', 'SMS', 'EMAIL', 'FACE', 'PASSKEY']

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)

/** The step a failed login asks for, or null when `error` is a plain failure (or not Authing's). */
export function loginStepOf(error: unknown): LoginStep | null {
  if (!isAuthingError(error)) return null
  if (error.code === 2000) return { kind: 'captcha', code: 2000 }
  if (error.code !== 1635 && error.code !== 1636) return null
  return mfaStep(error as AuthingError & { code: 1635 | 1636 })
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
