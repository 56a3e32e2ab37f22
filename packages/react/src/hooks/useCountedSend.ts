import { type AuthenticationClient, AuthingError, type CommonMessage } from '@authing-kit/client'
import { useCallback } from 'react'

import { useAuthingMutation } from './useAuthingMutation.js'
import { useCountdown } from './useCountdown.js'

/** Seconds before another code may be sent, unless `resendSeconds` says otherwise. */
export const SMS_RESEND_SECONDS = 60

export interface CountedSend<V> {
  send(variables: V): Promise<CommonMessage>
  isPending: boolean
  error: AuthingError | null
  reset(): void
  secondsLeft: number
  canSend: boolean
}

/**
 * What the code-sending hooks share: one request in flight, then a countdown during which another
 * send is refused with `rate_limited` (and nothing is sent).
 */
export function useCountedSend<V>(
  hookName: string,
  sendCode: (client: AuthenticationClient, variables: V) => Promise<CommonMessage>,
  resendSeconds: number,
): CountedSend<V> {
  const { secondsLeft, start, remaining } = useCountdown()
  const { run, isPending, error, reset } = useAuthingMutation<V, CommonMessage>(
    hookName,
    ({ client }, variables) => sendCode(client, variables),
    { onSuccess: () => start(resendSeconds) },
  )
  const send = useCallback(
    (variables: V): Promise<CommonMessage> => {
      const retryAfter = remaining()
      if (retryAfter > 0) {
        return Promise.reject(
          new AuthingError('rate_limited', `Wait ${retryAfter} s before sending another code`, { retryAfter }),
        )
      }
      return run(variables)
    },
    [remaining, run],
  )
  return { send, isPending, error, reset, secondsLeft, canSend: secondsLeft === 0 && !isPending }
}
