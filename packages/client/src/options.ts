import type { AuthingErrorCode } from './errors.js'
import type { ProtocolOptions } from './protocols/types.js'
import type { RequestContextOptions } from './requestParams.js'
import type { TokenStore } from './session/tokenStore.js'
import type { FetchFunction } from './transport/send.js'
import type { Lang } from './types.js'

/**
 * Authing's shared API server, used when no `appHost` (or `host`) is given. It signs no tokens under
 * its own name: an app's tokens carry `iss` = `https://<app-domain>/oidc` whichever server the client calls.
 */
export const DEFAULT_APP_HOST = 'https://core.authing.cn'

/** The last argument of every async method of both clients: pass `signal` to cancel the call. */
export interface SignalOptions {
  signal?: AbortSignal
}

/** Options both clients take, with the same meaning and defaults. */
export interface CommonClientOptions {
  /** Milliseconds before a call fails with `timeout`. Defaults to 10000. */
  timeout?: number
  /** Called once per failed call, before the promise rejects (not for aborted calls). */
  onError?: (code: AuthingErrorCode, message: string, data: unknown) => void
  /** The user pool's RSA public key (PEM). Defaults to fetching it once from `/api/v2/.well-known`. */
  encPublicKey?: string
  /** Language of server messages. Defaults to `zh-CN`. */
  lang?: Lang
  /** The fetch to use (tests, proxies, the in-process emulator). Defaults to the global fetch. */
  fetch?: FetchFunction
  /**
   * Accept a plain `http:` server that is not on this machine (a private deployment on a trusted
   * network). Off by default: tokens, passwords and the pool secret would cross the network in clear.
   * Loopback addresses (`localhost`, `127.0.0.0/8`, `[::1]`), where the emulator runs, need no opt-in.
   */
  allowInsecureHttp?: boolean
}

export interface AuthenticationClientOptions extends CommonClientOptions, ProtocolOptions {
  /** The application's id (console → Applications). Sent as `x-authing-app-id` on every call. */
  appId: string
  /** The application's domain, or a private deployment's base URL. Defaults to `https://core.authing.cn`. */
  appHost?: string
  /** Start logged in with this id_token (e.g. one your server handed over). */
  token?: string
  /**
   * Where the session is remembered. Defaults to `localStorage` in browser pages (keys namespaced by
   * app id) and to memory elsewhere; a store that throws falls back to memory.
   */
  tokenStore?: TokenStore
}

/** Options of the logins a form with agreements makes. */
export interface AgreementOptions {
  /**
   * The ids of the agreements the user ticked (public config `agreements`). Given, the call goes
   * through Authing's REST login or registration (`/api/v2/login/account`, `/login/phone-code`,
   * `/login/email-code`, `/api/v2/register/{username,email,phone-code}`), which refuses one lacking
   * a required agreement; the GraphQL logins and registrations cannot carry them.
   */
  agreementIds?: number[]
}

export interface LoginOptions extends RequestContextOptions, SignalOptions, AgreementOptions {
  /** Create the account when it does not exist yet (not with `agreementIds`). */
  autoRegister?: boolean
  /**
   * The captcha answer, once the pool asks for one (error 2000; image: `getCaptchaUrl()`). Each
   * image answers one login, right or wrong: show a new one after a failure.
   */
  captchaCode?: string
}

export interface PhoneCodeLoginOptions extends RequestContextOptions, SignalOptions, AgreementOptions {
  autoRegister?: boolean
  phoneCountryCode?: string
}

export interface RegisterOptions extends RequestContextOptions, SignalOptions, AgreementOptions {
  /** Log the new user in: the result carries a token and becomes the session. */
  forceLogin?: boolean
  /** Issue a token for the new user without making it this client's session. */
  generateToken?: boolean
  emailToken?: string
  phoneToken?: string
}
