/**
 * TOTP (RFC 6238) as Authing's authenticators use it: SHA-1, 6 digits, 30 s, as the `otpauth://` URI
 * of its enrolment says. The arithmetic is otpauth's; the emulator decides what to accept.
 */
import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'

const periodSeconds = 30

function authenticator(secret: string, account = '', issuer = ''): TOTP {
  return new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: periodSeconds,
    issuer,
    label: account,
  })
}

/** 160 random bits (RFC 4226 §4 recommends them), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/**
 * The time step `code` belongs to, within one step of `nowMs` either way (clock drift), or null.
 * Callers refuse a step at or before the last one accepted: a code works once (RFC 6238 §5.2).
 */
export function totpStep(secret: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const delta = authenticator(secret).validate({ token: code, timestamp: nowMs, window: 1 })
  return delta === null ? null : Math.floor(nowMs / 1000 / periodSeconds) + delta
}

/** The code an authenticator app shows at `nowMs` (the dashboard and in-process tests read it). */
export function totpCodeAt(secret: string, nowMs: number): string {
  return authenticator(secret).generate({ timestamp: nowMs })
}

/** The enrolment's `otpauth://` URI and a PNG of its QR code, as `qrcode_uri` and `qrcode_data_url`. */
export async function totpEnrolmentImage(
  secret: string,
  account: string,
  issuer: string,
): Promise<{ uri: string; dataUrl: string }> {
  const uri = authenticator(secret, account, issuer).toString()
  return { uri, dataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2 }) }
}
