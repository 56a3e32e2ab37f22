/**
 * QR-code login with the names of authing-js-sdk v4's `QrCodeAuthenticationClient` (`client.qrcode`
 * for Authing's app, `wxqrcode` for a WeChat mini-program, `wechatmpqrcode` for an official
 * account; facts: login-flows §7). Unlike it: polling is sequential (the next check only after the
 * previous answer plus `interval`, as Guard does, so requests never overlap), every failure is an
 * `AuthingError`, a successful exchange becomes the session like a password login, and
 * `startScanning` draws nothing: `onCodeShow` hands over the image URL for the app to show.
 * Loaded on first use (see `AuthenticationClient.qrcode`).
 */
import type { ClientCore } from '../clientCore.js'
import { AuthingError } from '../errors.js'
import type { SignalOptions } from '../options.js'
import { requireShortString } from '../requestParams.js'
import type { SessionStore } from '../session/sessionStore.js'
import { startSession } from '../session/startSession.js'
import type { User } from '../types.js'
import type { UserOnWire } from '../user.js'
import { createQrLogin, type QrLogin, type QrLoginOptions } from './qrcodeLogin.js'
import type {
  GeneCodeOptions,
  PollingOptions,
  QRCodeGenarateResult,
  QrCodeScene,
  QRCodeStatus,
  QRCodeUserInfo,
  ScanningOptions,
  StopPolling,
} from './qrcodeTypes.js'

const stepError = (result: Record<string, unknown>, fallback: string): AuthingError => {
  const code = typeof result.code === 'number' ? result.code : 'bad_response'
  const text = [result.errmsg, result.message].find((m): m is string => typeof m === 'string') ?? fallback
  return new AuthingError(code, text, { data: result.data ?? result })
}

export class QrCodeAuthenticationClient {
  constructor(
    private readonly core: ClientCore,
    private readonly session: SessionStore,
    private readonly scene: QrCodeScene,
  ) {}

  /** A new code of this scene. */
  geneCode(options: GeneCodeOptions = {}): Promise<QRCodeGenarateResult> {
    return this.core.run(async () => {
      const { context, customData, extIdpConnId, withCustomData, signal } = options
      const body = {
        autoMergeQrCode: false,
        scene: this.scene,
        context,
        params: customData,
        extIdpConnId,
        withCustomData,
      }
      return (await this.core.transport.rest('POST', '/api/v2/qrcode/gene', { body, signal }))
        .data as QRCodeGenarateResult
    })
  }

  /** The code's status now. */
  checkStatus(random: string, options: SignalOptions = {}): Promise<QRCodeStatus> {
    return this.core.run(async () => {
      const query = { random: requireShortString('random', random) }
      const envelope = await this.core.transport.rest('GET', '/api/v2/qrcode/check', { query, signal: options.signal })
      return envelope.data as QRCodeStatus
    })
  }

  /** The confirmed code's ticket (single-use, minutes) for the user and token; the user becomes the session. */
  exchangeUserInfo(ticket: string, options: SignalOptions = {}): Promise<User> {
    return this.core.run(async () => {
      const body = { ticket: requireShortString('ticket', ticket) }
      const envelope = await this.core.transport.rest('POST', '/api/v2/qrcode/userinfo', {
        body,
        signal: options.signal,
      })
      return startSession(this.session, envelope.data as UserOnWire)
    })
  }

  /**
   * Checks `random` until it is confirmed, cancelled, expired, stopped at a login step or failed,
   * calling back as it goes; answers the function that stops it (so does `options.signal`).
   */
  async startPolling(random: string, options: PollingOptions = {}): Promise<StopPolling> {
    const { interval = 800 } = options
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let wake: (() => void) | undefined
    const stop: StopPolling = () => {
      controller.abort()
      clearTimeout(timer)
      wake?.()
    }
    if (options.signal?.aborted) stop()
    options.signal?.addEventListener('abort', stop, { once: true })
    const pause = () =>
      new Promise<void>((resolve) => {
        wake = resolve
        timer = setTimeout(resolve, interval)
      })
    const { signal } = controller
    let scanned = false
    const poll = async (): Promise<void> => {
      while (!signal.aborted) {
        let data: QRCodeStatus
        try {
          data = await this.checkStatus(random, { signal })
        } catch (error) {
          if (!signal.aborted) options.onError?.(error as AuthingError)
          return
        }
        if (signal.aborted) return
        options.onResult?.(data)
        if (data.status === 1 && !scanned) {
          scanned = true
          options.onScanned?.(data.userInfo ?? { nickname: null, photo: null })
        }
        if (data.status !== 0 && data.status !== 1) return this.settle(data, options)
        await pause()
      }
    }
    options.onStart?.(stop)
    void poll().finally(() => options.signal?.removeEventListener('abort', stop))
    return stop
  }

  /** Stops what `startPolling` started (the SDK's name; calling the stop function does the same). */
  async stopPolling(stop: StopPolling): Promise<void> {
    stop()
  }

  /**
   * Generates a code, hands its image to `onCodeLoaded`/`onCodeShow` and polls it; a cancelled code
   * is replaced by a new one at once, as the SDK does. Answers the function that stops it all.
   */
  async startScanning(options: ScanningOptions = {}): Promise<StopPolling> {
    let stopCurrent: StopPolling = () => {}
    let stopped = false
    const start = async (): Promise<void> => {
      let code: QRCodeGenarateResult
      try {
        code = await this.geneCode(options)
      } catch (error) {
        if (!options.signal?.aborted) options.onCodeLoadFailed?.(error as AuthingError)
        return
      }
      if (stopped) return
      options.onCodeLoaded?.(code.random, code.url)
      options.onCodeShow?.(code.random, code.url)
      stopCurrent = await this.startPolling(code.random, {
        ...options,
        onCancel: () => {
          void start()
          options.onCancel?.()
        },
        onSuccess: (userInfo, ticket) => {
          if (!options.autoExchangeUserInfo || userInfo.token) return options.onSuccess?.(userInfo, ticket)
          this.exchangeUserInfo(ticket).then(
            (user) => options.onSuccess?.(user as unknown as QRCodeUserInfo, ticket),
            (error: unknown) => options.onError?.(error as AuthingError),
          )
        },
      })
      if (stopped) stopCurrent()
    }
    await start()
    return () => {
      stopped = true
      stopCurrent()
    }
  }

  /**
   * A login by this scene's codes as a store (`subscribe` / `getSnapshot`) for UI layers: draws,
   * polls, redraws on expiry, logs in on confirmation; `pause` while the page is hidden.
   */
  async createLogin(options: QrLoginOptions = {}): Promise<QrLogin> {
    return createQrLogin(this, options)
  }

  private settle(data: QRCodeStatus, options: PollingOptions): void {
    const result = data.scannedResult ?? {}
    if (data.status === -1) options.onExpired?.()
    else if (data.status === 2) options.onSuccess?.(data.userInfo ?? { nickname: null, photo: null }, data.ticket ?? '')
    else if (data.status === 3) options.onCancel?.()
    else if (data.status === 4) {
      const error = stepError(result, 'The login needs another step')
      if (error.code === 1635 || error.code === 1636)
        options.onMfa?.(error.code, error.message, (result.data ?? {}) as Record<string, unknown>)
      options.onAuthFlow?.(result)
      options.onLoginStep?.(error)
    } else options.onError?.(stepError(result, 'The QR-code login failed'))
  }
}
