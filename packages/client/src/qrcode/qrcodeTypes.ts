/** The shapes of QR-code login (login-flows §7), shared by the sub-client and its login store. */
import type { AuthingError } from '../errors.js'
import type { SignalOptions } from '../options.js'
import type { User } from '../types.js'

/** `client.qrcode`, `client.wxqrcode`, `client.wechatmpqrcode`, in this order. */
export const qrcodeScenes = ['APP_AUTH', 'WXAPP_AUTH', 'WECHATMP_AUTH'] as const
export type QrCodeScene = (typeof qrcodeScenes)[number]

export interface QRCodeGenarateResult {
  /** the code's id, for `checkStatus` */
  random: string
  /** the code's image (an `<img src>`) */
  url: string
  /** a logo to draw in the middle, when the console sets one */
  customLogo?: string
  /** seconds the code lives (120 unless the console says otherwise) */
  expiresIn?: number
}

/** Who scanned: nickname and photo only, unless the console returns the full user. */
export interface QRCodeUserInfo {
  nickname: string | null
  photo: string | null
  token?: string
  [field: string]: unknown
}

/** -1 expired, 0 waiting, 1 scanned, 2 confirmed (with `ticket`), 3 cancelled, 4 a login step, 5 an error. */
export type QRCodeStatusCode = -1 | 0 | 1 | 2 | 3 | 4 | 5

export interface QRCodeStatus {
  random: string
  status: QRCodeStatusCode
  ticket?: string
  userInfo?: QRCodeUserInfo
  scannedUserId?: string
  /** status 4 and 5: Authing's answer to the phone's login, `{code, apiCode, statusCode, message, data?, errmsg?}` */
  scannedResult?: Record<string, unknown>
}

export interface GeneCodeOptions extends SignalOptions {
  /** passed to the pipeline */
  context?: Record<string, unknown>
  /** written to the user's custom fields */
  customData?: Record<string, unknown>
  withCustomData?: boolean
  /** the console's id of the WeChat connection the code is for */
  extIdpConnId?: string
}

/** The SDK's polling callbacks. `onError` gets an AuthingError; `onLoginStep` the same step as an error, for `loginStepOf`. */
export interface PollingOptions extends SignalOptions {
  /** ms between one answer and the next check. Defaults to 800 (the SDK's). */
  interval?: number
  /** once, as polling starts, with the function that stops it */
  onStart?: (stop: StopPolling) => void
  /** every answer */
  onResult?: (data: QRCodeStatus) => void
  /** once, at the first answer with status 1 */
  onScanned?: (userInfo: QRCodeUserInfo) => void
  /** status 2: polling ends. With `autoExchangeUserInfo` (startScanning), `userInfo` is the logged-in user */
  onSuccess?: (userInfo: QRCodeUserInfo, ticket: string) => void
  onCancel?: () => void
  onExpired?: () => void
  /** status 5, or a failed check: polling ends */
  onError?: (error: AuthingError) => void
  /** status 4 when the step is a second factor (1635/1636) */
  onMfa?: (code: number, message: string, data: Record<string, unknown>) => void
  /** status 4: the phone's answer as it came */
  onAuthFlow?: (flow: Record<string, unknown>) => void
  /** status 4, as the error a login stopped at that step throws: pass it to `loginStepOf` */
  onLoginStep?: (error: AuthingError) => void
}

export interface ScanningOptions extends PollingOptions, Omit<GeneCodeOptions, 'signal'> {
  /** exchange the ticket at once (the user becomes the session) and hand the user to `onSuccess` */
  autoExchangeUserInfo?: boolean
  /** a code is ready: show `url` */
  onCodeLoaded?: (random: string, url: string) => void
  onCodeShow?: (random: string, url: string) => void
  onCodeLoadFailed?: (error: AuthingError) => void
}

/** Stops polling; a check in flight is aborted and nothing more is called back. */
export type StopPolling = () => void

/** What the login store calls: the sub-client's own methods. */
export interface QrCodeCalls {
  geneCode(options?: GeneCodeOptions): Promise<QRCodeGenarateResult>
  startPolling(random: string, options?: PollingOptions): Promise<StopPolling>
  exchangeUserInfo(ticket: string, options?: SignalOptions): Promise<User>
}
