import { AuthingError, type CommonMessage } from '@authing-kit/client'
import { useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useAuthingContext } from '../context.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useCountdown } from './useCountdown.js'
import { useSingleFlight } from './useSingleFlight.js'

/** Seconds before another code may be sent, unless `resendSeconds` says otherwise. */
export const SMS_RESEND_SECONDS = 60

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
export function useSendSmsCode({ resendSeconds = SMS_RESEND_SECONDS }: { resendSeconds?: number } = {}): UseSendSmsCodeResult {
  const { client } = useAuthingContext('useSendSmsCode').runtime
  const queryClient = useAuthingQueryClient('useSendSmsCode')
  const { secondsLeft, start, remaining } = useCountdown()
  const { mutateAsync, isPending, error, reset } = useMutation<CommonMessage, AuthingError, { phone: string } & SendSmsCodeOptions>(
    {
      mutationFn: ({ phone, phoneCountryCode, scene }) => client.sendSmsCode(phone, phoneCountryCode, scene),
      onSuccess: () => start(resendSeconds),
    },
    queryClient,
  )
  const run = useSingleFlight(mutateAsync)
  const send = useCallback(
    (phone: string, options: SendSmsCodeOptions = {}): Promise<CommonMessage> => {
      const retryAfter = remaining()
      if (retryAfter > 0) {
        return Promise.reject(new AuthingError('rate_limited', `Wait ${retryAfter} s before sending another code`, { retryAfter }))
      }
      return run({ phone, ...options })
    },
    [remaining, run],
  )
  return { send, isPending, error, reset, secondsLeft, canSend: secondsLeft === 0 && !isPending }
}
