/**
 * The calls a login form makes beyond the plain SDK logins: the app's public config (fetched once
 * per client, failures not kept), and the REST logins and registrations Guard uses, which carry the
 * accepted `agreementIds` (the GraphQL inputs have no such field); the email-code login is only REST.
 * Loaded on first use.
 */
import type { ClientCore } from '../clientCore.js'
import type { AgreementOptions, SignalOptions } from '../options.js'
import type { SessionStore } from '../session/sessionStore.js'
import { startSession } from '../session/startSession.js'
import { abortable } from '../transport/abortable.js'
import type { User } from '../types.js'
import type { UserOnWire } from '../user.js'
import type { ApplicationPublicConfig } from './publicConfig.js'

export class LoginFormCalls {
  private config: Promise<ApplicationPublicConfig> | undefined

  constructor(
    private readonly core: ClientCore,
    private readonly session: SessionStore,
    private readonly appId: string,
  ) {}

  /** Shared by concurrent callers and kept once it arrived; each caller's signal only stops its own wait. */
  publicConfig(signal: AbortSignal | undefined): Promise<ApplicationPublicConfig> {
    this.config ??= this.core.transport
      .rest('GET', `/api/v2/applications/${encodeURIComponent(this.appId)}/public-config`, { auth: false })
      .then(
        ({ data }) => data as ApplicationPublicConfig,
        (error: unknown) => {
          this.config = undefined
          throw error
        },
      )
    return abortable(this.config, signal)
  }

  /** `POST /api/v2/login/{path}` with the options' captcha answer and agreements: the user becomes the session. */
  async login(
    path: 'account' | 'phone-code' | 'email-code',
    fields: Record<string, unknown>,
    options: SignalOptions & AgreementOptions & { captchaCode?: string },
  ): Promise<User> {
    const body = { ...fields, captchaCode: options.captchaCode, agreementIds: options.agreementIds }
    const { data } = await this.core.transport.rest('POST', `/api/v2/login/${path}`, {
      body,
      auth: false,
      signal: options.signal,
    })
    return startSession(this.session, data as UserOnWire)
  }

  /** The REST twin of a GraphQL registration (`field`, its input), with the agreements: answers the new user. */
  async register(field: string, input: Record<string, unknown>, options: SignalOptions & AgreementOptions) {
    const path = { registerByUsername: 'username', registerByEmail: 'email' }[field] ?? 'phone-code'
    const body = { ...input, agreementIds: options.agreementIds }
    const { data } = await this.core.transport.rest('POST', `/api/v2/register/${path}`, {
      body,
      auth: false,
      signal: options.signal,
    })
    return data as UserOnWire | null
  }
}
