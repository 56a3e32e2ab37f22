import { AuthingError, type CommonMessage } from '@authing-kit/client'
import { useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useAuthingContext } from '../context.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useCountdown } from './useCountdown.js'
import { SMS_RESEND_SECONDS } from './useSendSmsCode.js'
import { useSingleFlight } from './useSingleFlight.js'

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
export function useSendEmailCode({ resendSeconds = SMS_RESEND_SECONDS }: { resendSeconds?: number } = {}): UseSendEmailCodeResult {
  const { client } = useAuthingContext('useSendEmailCode').runtime
  const queryClient = useAuthingQueryClient('useSendEmailCode')
  const { secondsLeft, start, remaining } = useCountdown()
  const { mutateAsync, isPending, error, reset } = useMutation<CommonMessage, AuthingError, { email: string; scene: string }>(
    { mutationFn: ({ email, scene }) => client.sendEmail(email, scene), onSuccess: () => start(resendSeconds) },
    queryClient,
  )
  const run = useSingleFlight(mutateAsync)
  const send = useCallback(
    (email: string, scene: string): Promise<CommonMessage> => {
      const retryAfter = remaining()
      if (retryAfter > 0) {
        return Promise.reject(new AuthingError('rate_limited', `Wait ${retryAfter} s before sending another code`, { retryAfter }))
      }
      return run({ email, scene })
    },
    [remaining, run],
  )
  return { send, isPending, error, reset, secondsLeft, canSend: secondsLeft === 0 && !isPending }
}
