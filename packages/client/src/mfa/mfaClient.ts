/**
 * The second-factor step of a login and authenticator binding, with the names and arguments of
 * authing-js-sdk v4's `MfaAuthenticationClient` (its spelling too: `assosicateMfaAuthenticator`).
 * Unlike it, a passed step becomes the session (stored, remembered, subscribers told), exactly like
 * a password login, and `confirmAssosicateMfaAuthenticator` sends the `mfaToken` it is given.
 * Loaded on first use (see `AuthenticationClient.mfa`).
 */
import type { ClientCore } from '../clientCore.js'
import type { SignalOptions } from '../options.js'
import { requireShortString } from '../requestParams.js'
import type { SessionStore } from '../session/sessionStore.js'
import { loginUserOf, startSession } from '../session/startSession.js'
import type { RestMethod } from '../transport/rest.js'
import type { CommonMessage, User } from '../types.js'
import type { UserOnWire } from '../user.js'

/** `SELF`: the user binds it from their profile; `APPLICATION`: an app's MFA policy asked for it. */
export type TotpSource = 'SELF' | 'APPLICATION'

export interface MfaAuthenticator {
  id: string
  createdAt: string
  updatedAt: string
  userId: string
  enable: boolean
  /** Empty when listed with an mfaToken (the emulator keeps it to the user's own session). */
  secret: string
  authenticatorType: 'totp'
  recoveryCode: string
}

/** What associating answers: show the QR image (or the secret) and keep the recovery code. */
export interface MfaAssociation {
  authenticator_type: 'totp'
  /** base32, for typing into an authenticator app by hand */
  secret: string
  /** `otpauth://totp/…` */
  qrcode_uri: string
  /** `data:image/png;base64,…`: the QR code of `qrcode_uri` */
  qrcode_data_url: string
  /** shown once; logs in when the phone is lost */
  recovery_code: string
}

type WithMfaToken = SignalOptions & { mfaToken: string }

export class MfaAuthenticationClient {
  constructor(
    private readonly core: ClientCore,
    private readonly session: SessionStore,
  ) {}

  /** The user's bound authenticators (`[]` when none): with the mfaToken of a login's step, or the session. */
  getMfaAuthenticators(
    options: SignalOptions & { type?: string; mfaToken?: string; source?: TotpSource } = {},
  ): Promise<MfaAuthenticator[]> {
    const { type = 'totp', source = 'SELF' } = options
    return this.call('GET', '/api/v2/mfa/authenticator', options, { query: { type, source } }) as Promise<
      MfaAuthenticator[]
    >
  }

  /** Starts binding an authenticator app: a new secret, its `otpauth://` URI and QR image, a recovery code. */
  assosicateMfaAuthenticator(
    options: SignalOptions & { authenticatorType?: string; mfaToken?: string; source?: TotpSource } = {},
  ): Promise<MfaAssociation> {
    const body = { authenticator_type: options.authenticatorType ?? 'totp', source: options.source ?? 'SELF' }
    return this.call('POST', '/api/v2/mfa/totp/associate', options, { body }) as Promise<MfaAssociation>
  }

  /**
   * Finishes binding with the app's first code. In a login's step (`mfaToken`), the server answers
   * the logged-in user, who becomes the session.
   */
  async confirmAssosicateMfaAuthenticator(
    options: SignalOptions & { authenticatorType?: string; totp: string; source?: TotpSource; mfaToken?: string },
  ): Promise<CommonMessage> {
    return this.core.run(async () => {
      const body = {
        authenticator_type: options.authenticatorType ?? 'totp',
        totp: requireShortString('totp', options.totp),
        source: options.source ?? 'SELF',
      }
      const envelope = await this.send('POST', '/api/v2/mfa/totp/associate/confirm', options, { body })
      if (envelope.data) startSession(this.session, envelope.data as UserOnWire)
      return { code: 200, message: envelope.message }
    })
  }

  /** Unbinds the user's authenticator app (needs the session, not an mfaToken). */
  deleteMfaAuthenticator(options: SignalOptions = {}): Promise<CommonMessage> {
    return this.core.run(async () => {
      const envelope = await this.send('DELETE', '/api/v2/mfa/totp/associate', options, {})
      return { code: 200, message: envelope.message }
    })
  }

  /** Passes the step with the authenticator app's current code; the user becomes the session. */
  verifyTotpMfa(options: WithMfaToken & { totp: string }): Promise<User> {
    return this.login('/api/v2/mfa/totp/verify', options, { totp: requireShortString('totp', options.totp) })
  }

  /** Passes the step with the code sent by `sendSmsCode(phone, undefined, 'mfa-verify')`. */
  verifyAppSmsMfa(options: WithMfaToken & { phone: string; code: string; phoneCountryCode?: string }): Promise<User> {
    const body = {
      phone: requireShortString('phone', options.phone),
      code: requireShortString('code', options.code),
      phoneCountryCode: options.phoneCountryCode,
    }
    return this.login('/api/v2/applications/mfa/sms/verify', options, body)
  }

  /** Passes the step with the code sent by `sendEmail(email, 'MFA_VERIFY_CODE')`. */
  verifyAppEmailMfa(options: WithMfaToken & { email: string; code: string }): Promise<User> {
    const body = { email: requireShortString('email', options.email), code: requireShortString('code', options.code) }
    return this.login('/api/v2/applications/mfa/email/verify', options, body)
  }

  /**
   * Passes the step with the recovery code. It works once: the answer carries the next one
   * (`recoveryCode`), to show the user; the session holds the user without it. With
   * `startSession: false` the session is left alone until you pass the user to `setCurrentUser`:
   * a screen showing the next code stays up, where an app would otherwise move on at once.
   */
  verifyTotpRecoveryCode(
    options: WithMfaToken & { recoveryCode: string; startSession?: boolean },
  ): Promise<User & { recoveryCode: string }> {
    return this.core.run(async () => {
      const body = { recoveryCode: requireShortString('recoveryCode', options.recoveryCode) }
      const envelope = await this.send('POST', '/api/v2/mfa/totp/recovery', options, { body })
      const raw = envelope.data as UserOnWire
      const user = options.startSession === false ? loginUserOf(raw) : startSession(this.session, raw)
      return { ...user, recoveryCode: typeof envelope.recoveryCode === 'string' ? envelope.recoveryCode : '' }
    })
  }

  /** Whether the step may bind this phone or email (an account without one proves and binds it). */
  phoneOrEmailBindable(options: WithMfaToken & { phone?: string; email?: string }): Promise<boolean> {
    const body = { phone: options.phone, email: options.email }
    return this.call('POST', '/api/v2/applications/mfa/check', options, { body }).then((data) => data === true)
  }

  private login(path: string, options: WithMfaToken, body: Record<string, unknown>): Promise<User> {
    return this.core.run(async () => {
      const envelope = await this.send('POST', path, options, { body })
      return startSession(this.session, envelope.data as UserOnWire)
    })
  }

  private call(
    method: RestMethod,
    path: string,
    options: SignalOptions & { mfaToken?: string },
    request: { query?: Record<string, string>; body?: unknown },
  ): Promise<unknown> {
    return this.core.run(async () => (await this.send(method, path, options, request)).data)
  }

  /** The step's calls carry its mfaToken; the others the session's token. */
  private send(
    method: RestMethod,
    path: string,
    options: SignalOptions & { mfaToken?: string },
    request: { query?: Record<string, string>; body?: unknown },
  ) {
    const mfaToken = options.mfaToken === undefined ? undefined : requireShortString('mfaToken', options.mfaToken)
    return this.core.transport.rest(method, path, {
      ...request,
      signal: options.signal,
      ...(mfaToken === undefined ? {} : { bearer: mfaToken }),
    })
  }
}
