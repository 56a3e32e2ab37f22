/**
 * The calls login and register forms make beyond the plain SDK logins: the app's public config
 * (fetched once per client, failures not kept), the registrations, and the REST logins and
 * registrations Guard uses, which carry the accepted `agreementIds` (the GraphQL inputs have no such
 * field; the email-code login is only REST). Loaded on first use.
 */
import type { ClientCore } from '../clientCore.js'
import * as documents from '../documents/register.js'
import { AuthingError } from '../errors.js'
import type { RegisterOptions } from '../options.js'
import { pipelineParams } from '../requestParams.js'
import type { SessionStore } from '../session/sessionStore.js'
import { startSession } from '../session/startSession.js'
import { abortable } from '../transport/abortable.js'
import type { RegisterProfile, User } from '../types.js'
import { userFromWire, type UserOnWire } from '../user.js'
import type { ApplicationPublicConfig } from './publicConfig.js'

type RegisterField = 'registerByUsername' | 'registerByEmail' | 'registerByPhoneCode'

const registerDocuments: Record<RegisterField, string> = {
  registerByUsername: documents.registerByUsernameDocument,
  registerByEmail: documents.registerByEmailDocument,
  registerByPhoneCode: documents.registerByPhoneCodeDocument,
}

// The password logins all go to `login/account`, which takes any identifier as `account`.
const restPaths: Record<string, string> = {
  loginByPhoneCode: 'login/phone-code',
  loginByEmailCode: 'login/email-code',
  registerByUsername: 'register/username',
  registerByEmail: 'register/email',
  registerByPhoneCode: 'register/phone-code',
}

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

  /** A registration (`password` optional by phone code only). The new user becomes the session only with `forceLogin`. */
  async register(
    field: RegisterField,
    fields: Record<string, unknown>,
    password: string | undefined,
    profile: RegisterProfile,
    options: RegisterOptions,
  ): Promise<User> {
    const { agreementIds, signal } = options
    const input = {
      ...fields,
      password:
        password === undefined && field === 'registerByPhoneCode'
          ? undefined
          : await this.core.encrypt(password as string, signal),
      profile: Object.keys(profile ?? {}).length ? profile : undefined,
      forceLogin: options.forceLogin,
      generateToken: options.generateToken,
      emailToken: options.emailToken,
      phoneToken: options.phoneToken,
      ...pipelineParams(options),
    }
    const raw = agreementIds
      ? await this.rest(field, input, agreementIds, signal)
      : (
          await this.core.transport.graphql<Record<string, UserOnWire | null>>(
            registerDocuments[field],
            { input },
            { auth: false, signal },
          )
        )[field]
    if (!raw) throw new AuthingError('bad_response', `${field} answered no user`)
    // Unlike v4, a registration without forceLogin leaves the current session alone.
    return options.forceLogin && raw.token ? startSession(this.session, raw) : userFromWire(raw)
  }

  /** `rest` for a login: the user becomes the session. */
  async login(
    field: string,
    input: Record<string, unknown>,
    agreementIds: number[] | undefined,
    signal: AbortSignal | undefined,
  ): Promise<User> {
    return startSession(this.session, (await this.rest(field, input, agreementIds, signal)) as UserOnWire)
  }

  /**
   * The REST call Guard makes for the SDK's GraphQL login or registration `field` (its input as
   * the GraphQL call would send it), with the accepted agreements: answers the user.
   */
  async rest(
    field: string,
    input: Record<string, unknown>,
    agreementIds: number[] | undefined,
    signal: AbortSignal | undefined,
  ): Promise<UserOnWire | null> {
    const path = restPaths[field] ?? 'login/account'
    const { username, email, phone, password, captchaCode } = input
    const body =
      path === 'login/account'
        ? { account: username ?? email ?? phone, password, captchaCode, agreementIds }
        : { ...input, agreementIds }
    const withCookies = captchaCode !== undefined
    const { data } = await this.core.transport.rest('POST', `/api/v2/${path}`, {
      body,
      auth: false,
      signal,
      withCookies,
    })
    return data as UserOnWire | null
  }
}
