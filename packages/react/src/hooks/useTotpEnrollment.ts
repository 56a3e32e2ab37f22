import type { AuthingError, MfaAssociation } from '@authing-kit/client'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'

import { useAuthingContext } from '../context.js'
import { authingQueryKeys } from '../queryKeys.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useAuth } from './useAuth.js'
import { useAuthingMutation } from './useAuthingMutation.js'

/** A binding under way: what the user scans or types into their authenticator app. */
export interface TotpEnrollment {
  /** `data:image/png;base64,…`, for an `<img>` */
  qrCodeDataUrl: string
  /** base32, for typing in by hand */
  secret: string
  /** `otpauth://totp/…` */
  otpauthUri: string
}

export interface UseTotpEnrollmentResult {
  /** `loading` until known; `off`; `enrolling` between `start` and `confirm`; `on` once bound. */
  status: 'loading' | 'off' | 'enrolling' | 'on'
  /** While enrolling: the QR image, the manual key and the URI. */
  enrollment: TotpEnrollment | null
  /**
   * After `confirm`: the recovery code that logs in when the phone is lost. Shown once: it is
   * gone after `dismissRecoveryCode`, a new `start` or a remount, and no call gives it again.
   */
  recoveryCode: string | null
  /** Starts binding (a new secret each time). */
  start(): Promise<void>
  /** Finishes binding with the app's first code (6001 when wrong: the binding stays open). */
  confirm(code: string): Promise<void>
  /** Abandons a binding under way (nothing was turned on). */
  cancel(): void
  /** Unbinds the authenticator app: logins no longer ask for its code. */
  unbind(): Promise<void>
  dismissRecoveryCode(): void
  isPending: boolean
  error: AuthingError | null
}

type Action = { kind: 'start' } | { kind: 'confirm'; code: string } | { kind: 'unbind' }

/**
 * The logged-in user's authenticator app (TOTP): whether one is bound, binding one (QR image,
 * manual key, first code, recovery code shown once) and unbinding it.
 *
 * @example
 * const totp = useTotpEnrollment()
 * if (totp.status === 'off') return <button onClick={() => totp.start()}>Turn on</button>
 * if (totp.enrollment) return <img src={totp.enrollment.qrCodeDataUrl} alt="QR code" />
 */
export function useTotpEnrollment(): UseTotpEnrollmentResult {
  const { client } = useAuthingContext('useTotpEnrollment').runtime
  const queryClient = useAuthingQueryClient('useTotpEnrollment')
  const userId = useAuth((auth) => auth.user?.id ?? null)
  const queryKey = authingQueryKeys.mfaAuthenticators(userId)
  const bound = useQuery<boolean, AuthingError>(
    {
      queryKey,
      queryFn: async () => (await client.mfa.getMfaAuthenticators()).some((a) => a.enable),
      enabled: userId !== null,
    },
    queryClient,
  )
  const [association, setAssociation] = useState<MfaAssociation | null>(null)
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null)
  const { run, isPending, error, reset } = useAuthingMutation<Action, void>(
    'useTotpEnrollment',
    async ({ client: mfaClient }, action) => {
      if (action.kind === 'start') {
        setRecoveryCode(null)
        setAssociation(await mfaClient.mfa.assosicateMfaAuthenticator())
        return
      }
      if (action.kind === 'confirm') {
        await mfaClient.mfa.confirmAssosicateMfaAuthenticator({ totp: action.code })
        setRecoveryCode(association?.recovery_code ?? null)
        setAssociation(null)
      } else {
        await mfaClient.mfa.deleteMfaAuthenticator()
      }
      queryClient.setQueryData(queryKey, action.kind === 'confirm')
    },
  )
  const cancel = useCallback(() => {
    setAssociation(null)
    reset()
  }, [reset])
  const status =
    userId === null || bound.data === undefined ? 'loading' : association ? 'enrolling' : bound.data ? 'on' : 'off'
  return {
    status,
    enrollment: association && {
      qrCodeDataUrl: association.qrcode_data_url,
      secret: association.secret,
      otpauthUri: association.qrcode_uri,
    },
    recoveryCode,
    start: () => run({ kind: 'start' }),
    confirm: (code) => run({ kind: 'confirm', code }),
    cancel,
    unbind: () => run({ kind: 'unbind' }),
    dismissRecoveryCode: () => setRecoveryCode(null),
    isPending,
    error: error ?? bound.error,
  }
}
