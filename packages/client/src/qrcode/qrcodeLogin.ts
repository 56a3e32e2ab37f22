/**
 * A QR-code login as a store (`subscribe` / `getSnapshot`), for UI layers: it draws a code, polls
 * it while not paused, draws new ones when it expires (a few times), and logs the user in once the
 * phone confirms. React's `useQrLogin` is this plus the tab's visibility.
 */
import type { AuthingError } from '../errors.js'
import type { User } from '../types.js'
import type { QrCodeCalls, QRCodeUserInfo } from './qrcodeTypes.js'

/**
 * `loading` a code is on its way; `ready` shown, waiting for a scan; `scanned` waiting for the phone's
 * confirmation; `success` logged in; `expired` (after the automatic refreshes) and `cancelled` (on the
 * phone) until `refresh`; `step` the login needs another step (`error` holds it); `error` a failure.
 */
export type QrLoginStatus = 'loading' | 'ready' | 'scanned' | 'success' | 'expired' | 'cancelled' | 'step' | 'error'

export interface QrLoginSnapshot {
  status: QrLoginStatus
  /** The code's image, for an `<img src>`; null while none is shown. */
  imageUrl: string | null
  /** Seconds the shown code lives. */
  expiresIn: number | null
  /** Who scanned (status `scanned`): nickname and photo. */
  scannedUser: QRCodeUserInfo | null
  error: AuthingError | null
}

export interface QrLoginOptions {
  /** ms between one answer and the next check. Defaults to 800. */
  interval?: number
  /** New codes drawn by themselves when one expires unscanned, before `expired` shows. Defaults to 3. */
  autoRefresh?: number
  /** The console's id of the WeChat connection (public config `qrcodeTabsSettings`). */
  extIdpConnId?: string
  /** Turns the confirmed code's ticket into the session. Defaults to `exchangeUserInfo`. */
  exchange?: (ticket: string) => Promise<User>
  onSuccess?: (user: User) => void
  /** The phone's login met a step (MFA, profile completion): pass the error to `loginStepOf`. */
  onLoginStep?: (error: AuthingError) => void
  onError?: (error: AuthingError) => void
}

export interface QrLogin {
  getSnapshot(): QrLoginSnapshot
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
  /** Draws a new code (after `expired`, `cancelled`, `error`, or at will). */
  refresh(): void
  /** Stops checking (a hidden tab) and `resume`s with a check at once; the code stays. */
  pause(): void
  resume(): void
  /** Ends it: nothing more is requested or called back. */
  stop(): void
}

export function createQrLogin(qrcode: QrCodeCalls, options: QrLoginOptions): QrLogin {
  const { interval, autoRefresh = 3, extIdpConnId } = options
  const exchange = options.exchange ?? ((ticket: string) => qrcode.exchangeUserInfo(ticket))
  const listeners = new Set<() => void>()
  let snapshot: QrLoginSnapshot = { status: 'loading', imageUrl: null, expiresIn: null, scannedUser: null, error: null }
  const set = (change: Partial<QrLoginSnapshot>) => {
    snapshot = { ...snapshot, ...change }
    for (const listener of listeners) listener()
  }
  // One code at a time: a new round (refresh, expiry, stop) aborts the last one's requests.
  let round = new AbortController()
  let polling: AbortController | null = null
  let random: string | null = null
  let paused = false
  let refreshesLeft = autoRefresh
  const halt = () => {
    polling?.abort()
    polling = null
  }
  const failed = (error: AuthingError) => {
    set({ status: 'error', error })
    options.onError?.(error)
  }
  const poll = () => {
    const waiting = snapshot.status === 'ready' || snapshot.status === 'scanned'
    if (paused || polling || !random || !waiting || round.signal.aborted) return
    const controller = (polling = new AbortController())
    void qrcode.startPolling(random, {
      ...(interval === undefined ? {} : { interval }),
      signal: controller.signal,
      onScanned: (scannedUser) => {
        refreshesLeft = autoRefresh
        set({ status: 'scanned', scannedUser })
      },
      onSuccess: (_userInfo, ticket) =>
        void exchange(ticket).then((user) => {
          set({ status: 'success', imageUrl: null, expiresIn: null })
          options.onSuccess?.(user)
        }, failed),
      onExpired: () => (refreshesLeft-- > 0 ? draw() : set({ status: 'expired' })),
      onCancel: () => set({ status: 'cancelled' }),
      onLoginStep: (error) => {
        set({ status: 'step', error })
        options.onLoginStep?.(error)
      },
      onError: failed,
    })
  }
  const draw = () => {
    halt()
    round.abort()
    const { signal } = (round = new AbortController())
    random = null
    set({ status: 'loading', imageUrl: null, expiresIn: null, scannedUser: null, error: null })
    qrcode.geneCode({ ...(extIdpConnId ? { extIdpConnId } : {}), signal }).then(
      (code) => {
        if (signal.aborted) return
        random = code.random
        set({ status: 'ready', imageUrl: code.url, expiresIn: code.expiresIn ?? null })
        poll()
      },
      (error: AuthingError) => signal.aborted || failed(error),
    )
  }
  draw()
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    refresh() {
      refreshesLeft = autoRefresh
      draw()
    },
    pause() {
      paused = true
      halt()
    },
    resume() {
      paused = false
      poll()
    },
    stop() {
      halt()
      round.abort()
      listeners.clear()
    },
  }
}
