import type { AuthingError, QrCodeScene, QRCodeUserInfo, QrLogin, QrLoginSnapshot, User } from '@authing-kit/client'
import { useEffect, useRef, useState } from 'react'

import { useAuthingContext } from '../context.js'
import { withRememberMe } from '../rememberMe.js'
import { useDocumentVisible } from './useDocumentVisible.js'

/** `QrLoginStatus` of the client, and `idle` while `enabled` is false. */
export type QrLoginStatus = QrLoginSnapshot['status'] | 'idle'

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
  /** A code could not be drawn or checked, or the login failed (also in `error`). */
  onError?: (error: AuthingError) => void
  /** The phone's login met a step (MFA, profile completion): continue it with `useLogin().takeStep(error)`. */
  onLoginStep?: (error: AuthingError) => void
}

export interface UseQrLoginResult {
  /**
   * `loading` a code is on its way; `ready` shown; `scanned` waiting for the phone's confirmation;
   * `success` logged in; `expired` (after the automatic refreshes) and `cancelled` (on the phone)
   * until `refresh`; `step` the login needs another step (`error` holds it); `error`; `idle`.
   */
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

const loading: QrLoginSnapshot = { status: 'loading', imageUrl: null, expiresIn: null, scannedUser: null, error: null }

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
  const { scene = 'APP_AUTH', enabled = true, interval, autoRefresh, extIdpConnId } = options
  const provider = useAuthingContext('useQrLogin')
  const { client, router } = provider.runtime
  const qrcode =
    scene === 'WXAPP_AUTH' ? client.wxqrcode : scene === 'WECHATMP_AUTH' ? client.wechatmpqrcode : client.qrcode
  const latest = useRef(options)
  latest.current = { rememberMe: provider.rememberMe, ...options }
  const [login, setLogin] = useState<QrLogin | null>(null)
  const [snapshot, setSnapshot] = useState(loading)
  const visible = useDocumentVisible()

  useEffect(() => {
    if (!enabled) return
    let live: QrLogin | null = null
    let over = false
    void qrcode
      .createLogin({
        ...(interval === undefined ? {} : { interval }),
        ...(autoRefresh === undefined ? {} : { autoRefresh }),
        ...(extIdpConnId ? { extIdpConnId } : {}),
        exchange: (ticket) => withRememberMe(router, latest.current.rememberMe!, () => qrcode.exchangeUserInfo(ticket)),
        onSuccess: (user) => latest.current.onSuccess?.(user),
        onError: (error) => latest.current.onError?.(error),
        onLoginStep: (error) => latest.current.onLoginStep?.(error),
      })
      .then((created) => {
        // StrictMode's first mount (or a change of scene) is over before its login arrives.
        if (over) return created.stop()
        live = created
        created.subscribe(() => setSnapshot(created.getSnapshot()))
        setSnapshot(created.getSnapshot())
        setLogin(created)
      })
    return () => {
      over = true
      live?.stop()
      setLogin(null)
      setSnapshot(loading)
    }
  }, [qrcode, router, enabled, interval, autoRefresh, extIdpConnId])
  useEffect(() => {
    if (visible) login?.resume()
    else login?.pause()
  }, [login, visible])

  return { ...snapshot, status: enabled ? snapshot.status : 'idle', refresh: () => login?.refresh() }
}
