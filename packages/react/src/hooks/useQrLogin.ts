import type { AuthingError, QrCodeScene, QRCodeUserInfo, User } from '@authing-kit/client'
import { useCallback, useEffect, useRef, useState } from 'react'

import { useAuthingContext } from '../context.js'
import { withRememberMe } from '../rememberMe.js'
import { useDocumentVisible } from './useDocumentVisible.js'

/**
 * `loading` a code is on its way; `ready` shown, waiting for a scan; `scanned` waiting for the phone's
 * confirmation; `success` logged in; `expired` (after the automatic refreshes) and `cancelled` (on the
 * phone) until `refresh`; `step` the login needs another step (`error` holds it, see `onLoginStep`);
 * `error` a failure (`error`); `idle` while `enabled` is false.
 */
export type QrLoginStatus =
  'idle' | 'loading' | 'ready' | 'scanned' | 'success' | 'expired' | 'cancelled' | 'step' | 'error'

export interface UseQrLoginOptions {
  /** `APP_AUTH` (Authing's app, the default), `WXAPP_AUTH` (WeChat mini program), `WECHATMP_AUTH` (official account). */
  scene?: QrCodeScene
  /** Whether to show a code and poll it. Defaults to true. */
  enabled?: boolean
  /** ms between one answer and the next check. Defaults to the client's (800). */
  interval?: number
  /** New codes drawn by themselves when one expires unscanned, before `expired` shows. Defaults to 3. */
  autoRefresh?: number
  /** The console's id of the WeChat connection (public config `qrcodeTabsSettings`). */
  extIdpConnId?: string
  /** Remember the login across browser sessions. Defaults to the provider's `rememberMe`. */
  rememberMe?: boolean
  /** The user scanned and confirmed: the session is in place. */
  onSuccess?: (user: User) => void
  /** The phone's login met a step (MFA, profile completion): continue it with `useLogin().takeStep(error)`. */
  onLoginStep?: (error: AuthingError) => void
}

export interface UseQrLoginResult {
  status: QrLoginStatus
  /** The code's image, for an `<img src>`; null while none is shown. */
  imageUrl: string | null
  /** Seconds the shown code lives. */
  expiresIn: number | null
  /** Who scanned (status `scanned`): nickname and photo. */
  scannedUser: QRCodeUserInfo | null
  error: AuthingError | null
  /** Draws a new code (after `expired`, `cancelled`, `error`, or at will). */
  refresh(): void
}

interface QrState {
  status: QrLoginStatus
  code: { random: string; url: string; expiresIn: number | null } | null
  scannedUser: QRCodeUserInfo | null
  error: AuthingError | null
}

const fresh: QrState = { status: 'loading', code: null, scannedUser: null, error: null }

/**
 * Login by scanning a QR code with a phone: draws a code, polls it one request at a time while the
 * tab is shown (paused while hidden, stopped on unmount), draws a new one when it expires, and logs
 * the user in once the phone confirms. StrictMode-safe: one poller per mounted hook.
 *
 * @example
 * const qr = useQrLogin({ onSuccess: () => navigate('/') })
 * return qr.imageUrl ? <img src={qr.imageUrl} alt="Scan with the app" /> : null
 */
export function useQrLogin(options: UseQrLoginOptions = {}): UseQrLoginResult {
  const { scene = 'APP_AUTH', enabled = true, interval, autoRefresh = 3, extIdpConnId } = options
  const provider = useAuthingContext('useQrLogin')
  const { client, router } = provider.runtime
  const qrcode =
    scene === 'WXAPP_AUTH' ? client.wxqrcode : scene === 'WECHATMP_AUTH' ? client.wechatmpqrcode : client.qrcode
  const latest = useRef({ options, rememberMe: provider.rememberMe })
  latest.current = { options, rememberMe: provider.rememberMe }
  const [state, setState] = useState<QrState>(fresh)
  // Each round draws one code: `refresh` and an expiry start the next.
  const [round, setRound] = useState(0)
  const refreshesLeft = useRef(autoRefresh)
  const visible = useDocumentVisible()

  useEffect(() => {
    if (!enabled) return
    const controller = new AbortController()
    setState(fresh)
    // A code of a round that is over (a refresh, StrictMode's second mount) is dropped.
    const unlessOver = (next: QrState) => controller.signal.aborted || setState(next)
    qrcode.geneCode({ ...(extIdpConnId ? { extIdpConnId } : {}), signal: controller.signal }).then(
      ({ random, url, expiresIn }) =>
        unlessOver({ ...fresh, status: 'ready', code: { random, url, expiresIn: expiresIn ?? null } }),
      (error: AuthingError) => unlessOver({ ...fresh, status: 'error', error }),
    )
    return () => controller.abort()
  }, [qrcode, enabled, extIdpConnId, round])

  const random = state.code?.random
  const waiting = state.status === 'ready' || state.status === 'scanned'
  useEffect(() => {
    if (!random || !waiting || !visible) return
    const controller = new AbortController()
    const to = (status: QrLoginStatus, error: AuthingError | null = null) =>
      setState((now) => ({ ...now, status, error }))
    void qrcode.startPolling(random, {
      ...(interval === undefined ? {} : { interval }),
      signal: controller.signal,
      onScanned: (scannedUser) => {
        refreshesLeft.current = autoRefresh
        setState((now) => ({ ...now, status: 'scanned', scannedUser }))
      },
      onSuccess: (_userInfo, ticket) => {
        const { options: current, rememberMe } = latest.current
        withRememberMe(router, current.rememberMe ?? rememberMe, () => qrcode.exchangeUserInfo(ticket)).then(
          (user) => (to('success'), latest.current.options.onSuccess?.(user)),
          (error: AuthingError) => to('error', error),
        )
      },
      onExpired: () => {
        if (refreshesLeft.current-- > 0) setRound((n) => n + 1)
        else to('expired')
      },
      onCancel: () => to('cancelled'),
      onLoginStep: (error) => (to('step', error), latest.current.options.onLoginStep?.(error)),
      onError: (error) => to('error', error),
    })
    return () => controller.abort()
  }, [qrcode, router, random, waiting, visible, interval, autoRefresh])

  const refresh = useCallback(() => {
    refreshesLeft.current = autoRefresh
    setRound((n) => n + 1)
  }, [autoRefresh])
  const shown = enabled && state.code && state.status !== 'success'
  return {
    status: enabled ? state.status : 'idle',
    imageUrl: shown ? state.code!.url : null,
    expiresIn: shown ? state.code!.expiresIn : null,
    scannedUser: state.status === 'scanned' ? state.scannedUser : null,
    error: state.error,
    refresh,
  }
}
