/**
 * Social login with authing-js-sdk v4's names (`client.social.authorize(provider, options)`; facts:
 * login-flows §8). The provider's page lives on the app's host, at `/connections/social/{identifier}`;
 * its answer comes back one of two ways:
 * - popup (the default): the page posts `{code, message, data, event}` to this window. Unlike the
 *   SDK and Guard, only a message whose `origin` is the app host's and whose `source` is the popup
 *   we opened counts: any other window can post messages too.
 * - redirect (`popup: false`): the page itself goes to the provider and comes back to `targetUrl`
 *   with `code`, `message` and `data` in the query, read by `handleRedirectCallback`. A one-time
 *   state kept in sessionStorage and carried in `targetUrl` keeps another site from logging this
 *   browser into its account (login CSRF).
 * A login step (1641 bind-or-create, MFA, profile completion) rejects with the error `loginStepOf`
 * reads (`bindIdentity` for 1640/1641); its calls finish it. Loaded on first use (see `AuthenticationClient.social`).
 */
import type { ClientCore } from '../clientCore.js'
import { AuthingError, isAuthingError } from '../errors.js'
import { LoginStepCalls } from '../flows/loginStepCalls.js'
import type { BindIdentityStep } from '../loginStep.js'
import type { SignalOptions } from '../options.js'
import type { SessionStore } from '../session/sessionStore.js'
import { startSession } from '../session/startSession.js'
import type { User } from '../types.js'
import type { UserOnWire } from '../user.js'
import { socialStateParam } from './socialRedirect.js'
import { parseSocialResult, type SocialResult } from './socialResult.js'

export interface SocialAuthorizeOptions extends SignalOptions {
  /** Open the provider in a centred 585×649 popup; false: this page goes there and comes back. Defaults to true. */
  popup?: boolean
  /** Redirect mode: where the provider sends the browser back (an address the app allows). Defaults to this page. */
  targetUrl?: string
  /** Redirect mode: goes to the provider's URL (a router, a test). Defaults to `location.assign`. */
  openUrl?: (url: string) => void
  /** The user's `identities` in the answer. Defaults to false. */
  withIdentities?: boolean
  /** The user's `customData` in the answer. Defaults to false. */
  withCustomData?: boolean
  /** passed to the pipeline */
  context?: Record<string, unknown>
  /** written to the user's custom fields */
  customData?: Record<string, unknown>
  /** extra parameters for the provider's authorize URL */
  authorizationParams?: Record<string, string>
  /** the logged-in user (also what the promise resolves with) */
  onSuccess?: (user: User) => void
  /** the failure (also what the promise rejects with), a login step included */
  onError?: (error: AuthingError) => void
  /**
   * Popup mode: when the browser blocks the popup, continue in this page (a redirect) instead of
   * rejecting with `popup_blocked`. Defaults to false.
   */
  fallbackToRedirect?: boolean
  /** Told (with a `popup_blocked` notice) just before the page leaves because the popup was blocked. */
  onPopupBlocked?: (notice: AuthingError) => void
}

const resultParams = ['code', 'message', 'data', socialStateParam]
const popupSize = { width: 585, height: 649 }
const closedPollMs = 500

/** The browser, read when a login starts: nothing of it at import time (Node, SSR). */
interface Browser {
  window: Window
  sessionStorage: Storage | null
}

function browser(): Browser {
  const win = (globalThis as { window?: Window }).window
  if (!win) throw new AuthingError('config', 'Social login needs a browser window')
  // Reading sessionStorage throws where storage is blocked (some privacy modes, sandboxed frames).
  const storage = (() => {
    try {
      return win.sessionStorage
    } catch {
      return null
    }
  })()
  return { window: win, sessionStorage: storage }
}

const randomState = (length: number): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
}

export class SocialAuthenticationClient {
  private readonly steps: LoginStepCalls
  private readonly appId: string
  private readonly tenantId: string | undefined

  constructor(
    private readonly core: ClientCore,
    private readonly session: SessionStore,
    options: { appId: string; tenantId?: string | undefined },
  ) {
    this.steps = new LoginStepCalls(core, session)
    this.appId = options.appId
    this.tenantId = options.tenantId
  }

  /** The URL of the provider's page, with the SDK's query (`from_guard`, `app_id`, `uuid`, …). */
  private authorizationUrl(
    provider: string,
    options: Omit<SocialAuthorizeOptions, 'popup' | 'signal' | 'onSuccess' | 'onError' | 'openUrl'> & {
      relayMethod?: 'web_message' | 'query'
    } = {},
  ): string {
    if (typeof provider !== 'string' || !/^[\w:.-]{1,64}$/.test(provider))
      throw new AuthingError('invalid_argument', 'provider must be a connection identifier, e.g. "github"')
    const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value))
    const query: Record<string, string | undefined> = {
      from_guard: '1',
      app_id: this.appId,
      authorization_params: json(options.authorizationParams),
      with_identities: options.withIdentities ? '1' : '0',
      with_custom_data: options.withCustomData ? '1' : '0',
      protocol: 'oidc',
      uuid: randomState(20),
      target_url: options.targetUrl,
      relay_method: options.relayMethod,
      context: json(options.context),
      tenant_id: this.tenantId,
      custom_data: json(options.customData),
    }
    const search = Object.entries(query)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&')
    return `${this.core.transport.baseUrl}/connections/social/${provider}?${search}`
  }

  /**
   * Logs in through `provider` (the connection's identifier, e.g. `github`). Popup: resolves with
   * the user, who becomes the session; rejects with `popup_blocked`, `popup_closed`, `aborted`, the
   * provider's refusal, or a login step (`loginStepOf`). Redirect: the page leaves, and the promise
   * never settles; `handleRedirectCallback` finishes the login on return.
   */
  authorize(provider: string, options: SocialAuthorizeOptions = {}): Promise<User> {
    const login =
      options.popup === false
        ? this.redirect(provider, options)
        : this.popup(provider, options).catch((failure: unknown) => {
            if (!options.fallbackToRedirect || !isAuthingError(failure) || failure.code !== 'popup_blocked')
              throw failure
            options.onPopupBlocked?.(
              new AuthingError(
                'popup_blocked',
                'The browser blocked the login popup: continuing in this page instead',
                {
                  cause: failure,
                },
              ),
            )
            return this.redirect(provider, options)
          })
    login.then(options.onSuccess, (error: unknown) => {
      if (isAuthingError(error)) options.onError?.(error)
    })
    return login
  }

  /**
   * Finishes a redirect login on the page it came back to: checks the one-time state, makes the
   * user the session and takes the result out of the address bar. Answers null when `url` carries
   * no social result; rejects with `invalid_state` when the state is not the one this tab kept.
   */
  handleRedirectCallback(url?: string): Promise<User | null> {
    return this.core.run(async () => {
      const { window: win, sessionStorage } = browser()
      const here = new URL(url ?? win.location.href)
      if (!here.searchParams.has('code') || !here.searchParams.has(socialStateParam)) return null
      const expected = sessionStorage?.getItem(this.stateKey) ?? null
      sessionStorage?.removeItem(this.stateKey)
      if (url === undefined || url === win.location.href) {
        const clean = new URL(here.href)
        for (const name of resultParams) clean.searchParams.delete(name)
        win.history.replaceState(win.history.state, '', clean.href)
      }
      if (!expected || here.searchParams.get(socialStateParam) !== expected)
        throw new AuthingError('invalid_state', 'This social login was not started by this tab: start it again')
      const data = (() => {
        try {
          return JSON.parse(here.searchParams.get('data') ?? 'null') as unknown
        } catch {
          throw new AuthingError('bad_response', 'The social login answered a user that is not JSON')
        }
      })()
      const code = Number(here.searchParams.get('code'))
      return this.finish({ code, message: here.searchParams.get('message') ?? '', data })
    })
  }

  /** Answers a `bindIdentity` step with an existing account's password; the login becomes the session. */
  bindIdentityByPassword(
    step: Pick<BindIdentityStep, 'flowHandle'>,
    account: string,
    password: string,
    options: SignalOptions = {},
  ): Promise<User> {
    return this.core.run(() => this.steps.bindIdentityByPassword(step, account, password, options))
  }

  /** Answers a 1641 `bindIdentity` step with a new account of the provider's user; the login becomes the session. */
  createFederationAccount(step: Pick<BindIdentityStep, 'flowHandle'>, options: SignalOptions = {}): Promise<User> {
    return this.core.run(() => this.steps.createFederationAccount(step, options))
  }

  private get stateKey(): string {
    return `authing-kit:${this.appId}:social-state`
  }

  private finish(result: SocialResult): User {
    const outcome = parseSocialResult(result)
    if (outcome instanceof AuthingError) throw outcome
    return startSession(this.session, outcome as UserOnWire)
  }

  private redirect(provider: string, options: SocialAuthorizeOptions): Promise<User> {
    return this.core.run(async () => {
      const { window: win, sessionStorage } = browser()
      if (!sessionStorage) throw new AuthingError('config', 'A redirect social login needs sessionStorage')
      const state = randomState(32)
      const target = new URL(options.targetUrl ?? win.location.href)
      for (const name of resultParams) target.searchParams.delete(name)
      target.searchParams.set(socialStateParam, state)
      sessionStorage.setItem(this.stateKey, state)
      const url = this.authorizationUrl(provider, { ...options, targetUrl: target.href, relayMethod: 'query' })
      if (options.openUrl) options.openUrl(url)
      else win.location.assign(url)
      return new Promise<User>(() => {})
    })
  }

  private popup(provider: string, options: SocialAuthorizeOptions): Promise<User> {
    return this.core.run(
      () =>
        new Promise<User>((resolve, reject) => {
          const { window: win } = browser()
          const { signal } = options
          if (signal?.aborted) return reject(new AuthingError('aborted', 'The social login was aborted'))
          const url = this.authorizationUrl(provider, { ...options, relayMethod: 'web_message' })
          const left = (win.screenX ?? 0) + ((win.outerWidth ?? popupSize.width) - popupSize.width) / 2
          const top = (win.screenY ?? 0) + ((win.outerHeight ?? popupSize.height) - popupSize.height) / 2
          const features = `popup=yes,width=${popupSize.width},height=${popupSize.height},left=${left},top=${top}`
          const popup = win.open(url, 'authing-social-login', features)
          if (!popup) return reject(new AuthingError('popup_blocked', 'The browser blocked the login popup'))
          const origin = new URL(this.core.transport.baseUrl).origin
          const done = (settle: () => void) => {
            win.removeEventListener('message', onMessage)
            clearInterval(timer)
            signal?.removeEventListener('abort', onAbort)
            settle()
          }
          const onMessage = (event: MessageEvent) => {
            const data = event.data as Partial<SocialResult> & { event?: { source?: unknown; eventType?: unknown } }
            if (event.origin !== origin || event.source !== popup) return
            if (data?.event?.source !== 'authing' || data.event.eventType !== 'socialLogin') return
            done(() => {
              try {
                resolve(this.finish(data as SocialResult))
              } catch (error) {
                reject(error)
              }
            })
          }
          const onAbort = () =>
            done(() => {
              popup.close()
              reject(new AuthingError('aborted', 'The social login was aborted'))
            })
          const timer = setInterval(() => {
            if (popup.closed) done(() => reject(new AuthingError('popup_closed', 'The login popup was closed')))
          }, closedPollMs)
          win.addEventListener('message', onMessage)
          signal?.addEventListener('abort', onAbort, { once: true })
        }),
    )
  }
}
