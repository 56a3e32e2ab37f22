import type { AuthingError, CommonMessage } from '@authing-kit/client'
import { useCallback } from 'react'

import { SMS_RESEND_SECONDS, useCountedSend } from './useCountedSend.js'

export { SMS_RESEND_SECONDS }

export interface SendSmsCodeOptions {
  phoneCountryCode?: string
  /** What the code may be used for: `login`, `register`, `reset`, `bind`, `unbind`. */
  scene?: string
}

export interface UseSendSmsCodeResult {
  /** Sends a code. During the countdown it rejects with `rate_limited` and sends nothing. */
  send(phone: string, options?: SendSmsCodeOptions): Promise<CommonMessage>
  isPending: boolean
  error: AuthingError | null
  reset(): void
  /** Seconds until `send` may be called again; 0 when it may. */
  secondsLeft: number
  canSend: boolean
}

/**
 * Sends an SMS verification code, then counts down before the next may be sent.
 *
 * @example
 * const { send, secondsLeft, canSend } = useSendSmsCode()
 * <button disabled={!canSend} onClick={() => send(phone, { scene: 'login' })}>
 *   {secondsLeft ? `Resend in ${secondsLeft}s` : 'Send code'}
 * </button>
 */
export function useSendSmsCode({
  resendSeconds = SMS_RESEND_SECONDS,
}: { resendSeconds?: number } = {}): UseSendSmsCodeResult {
  const { send, ...state } = useCountedSend<{ phone: string } & SendSmsCodeOptions>(
    'useSendSmsCode',
    (client, { phone, phoneCountryCode, scene }) => client.sendSmsCode(phone, phoneCountryCode, scene),
    resendSeconds,
  )
  const sendSms = useCallback((phone: string, options: SendSmsCodeOptions = {}) => send({ phone, ...options }), [send])
  return { ...state, send: sendSms }
}
