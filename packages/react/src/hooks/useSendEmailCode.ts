import type { AuthingError, CommonMessage } from '@authing-kit/client'
import { useCallback } from 'react'

import { SMS_RESEND_SECONDS, useCountedSend } from './useCountedSend.js'

export interface UseSendEmailCodeResult {
  /** Sends a code for `scene` (`LOGIN_VERIFY_CODE`, `RESET_PASSWORD`, …). During the countdown it rejects with `rate_limited`. */
  send(email: string, scene: string): Promise<CommonMessage>
  isPending: boolean
  error: AuthingError | null
  reset(): void
  /** Seconds until `send` may be called again; 0 when it may. */
  secondsLeft: number
  canSend: boolean
}

/**
 * Sends an email verification code, then counts down (60 s by default) before the next may be sent.
 *
 * @example
 * const { send, canSend } = useSendEmailCode()
 * await send(email, 'LOGIN_VERIFY_CODE')
 */
export function useSendEmailCode({
  resendSeconds = SMS_RESEND_SECONDS,
}: { resendSeconds?: number } = {}): UseSendEmailCodeResult {
  const { send, ...state } = useCountedSend<{ email: string; scene: string }>(
    'useSendEmailCode',
    (client, { email, scene }) => client.sendEmail(email, scene),
    resendSeconds,
  )
  const sendEmail = useCallback((email: string, scene: string) => send({ email, scene }), [send])
  return { ...state, send: sendEmail }
}
