import { ClientCore, parseBaseUrl } from './clientCore.js'
import * as auth from './documents/auth.js'
import * as codes from './documents/codes.js'
import * as profile from './documents/profile.js'
import * as session from './documents/session.js'
import { AuthingError, isAuthingError } from './errors.js'
import type { AccountCalls } from './flows/accountCalls.js'
import type { CompletionFieldValue, LoginStepCalls } from './flows/loginStepCalls.js'
import { type LazyModule, lazyModule } from './lazyModule.js'
import { lazyNamespace } from './lazyNamespace.js'
import type { LoginFormCalls } from './loginForm/loginFormCalls.js'
import type { ApplicationPublicConfig } from './loginForm/publicConfig.js'
import type { CompleteProfileStep } from './loginStep.js'
import type { MfaAuthenticationClient } from './mfa/mfaClient.js'
import {
  type AgreementOptions,
  type AuthenticationClientOptions,
  DEFAULT_APP_HOST,
  type LoginOptions,
  type PhoneCodeLoginOptions,
  type RegisterOptions,
  type SignalOptions,
} from './options.js'
import type { PasskeyClient } from './passkey/passkeyClient.js'
import { computedPasswordSecurityLevel } from './passwordSecurityLevel.js'
import { generateCodeChallenge } from './protocols/pkce.js'
import type { ProtocolCalls } from './protocols/protocolCalls.js'
import { ProtocolUrls } from './protocols/protocolUrls.js'
import type {
  AuthorizeUrlOptions,
  CasTicketV1Result,
  IdTokenClaims,
  IntrospectionResult,
  LogoutUrlOptions,
  TokenSet,
  UserInfo,
} from './protocols/types.js'
import type { QrCodeAuthenticationClient } from './qrcode/qrcodeClient.js'
import { pipelineParams, requireShortString, type UserIdentifiers } from './requestParams.js'
import { currentUserId } from './session/currentUserId.js'
import { refreshUser } from './session/refreshUser.js'
import { appIssuer, isRestorableSession } from './session/restoreRule.js'
import { type AuthSnapshot, type SessionListener, SessionStore } from './session/sessionStore.js'
import { startSession } from './session/startSession.js'
import { defaultTokenStore, withMemoryFallback } from './session/tokenStore.js'
import type { SocialAuthenticationClient } from './social/socialClient.js'
import type {
  ApplicationPublicDetail,
  AuthorizedResource,
  CommonMessage,
  Lang,
  LoginStatus,
  Paginated,
  PasswordStrength,
  ProfileUpdates,
  RefreshedToken,
  RegisterProfile,
  Role,
  User,
} from './types.js'
import type { UserOnWire } from './user.js'

/**
 * Authing's end-user API (the v2 protocol of authing-js-sdk v4, same method names and argument
 * order), for browsers and Node. Holds one session — `{ user, token }` — that UIs follow with
 * `subscribe` / `getSnapshot`.
 *
 * @example
 * const authing = new AuthenticationClient({ appId, appHost: 'https://my-app.authing.cn' })
 * const user = await authing.loginByUsername('bob', 'passw0rd')
 */
export class AuthenticationClient {
  private readonly core: ClientCore
  private readonly session: SessionStore
  private readonly protocolUrls: ProtocolUrls
  private readonly protocolCalls: () => Promise<ProtocolCalls>
  private readonly stepCalls: LazyModule<LoginStepCalls>
  private readonly accountCalls: LazyModule<AccountCalls>
  /** The application this client speaks for (`x-authing-app-id`; the `aud` of its tokens). */
  readonly appId: string

  /** The second-factor step of a login and authenticator binding (authing-js-sdk's `mfa`); loads on first call. */
  readonly mfa: MfaAuthenticationClient
  /** Passkeys: log in, register, list, remove, and the MFA step (`client.passkey.login()`); loads on first call. */
  readonly passkey: PasskeyClient
  /** QR-code login with Authing's app (APP_AUTH); loads on first call. */
  readonly qrcode: QrCodeAuthenticationClient
  /** QR-code login with a WeChat mini-program (WXAPP_AUTH); loads on first call. */
  readonly wxqrcode: QrCodeAuthenticationClient
  /** QR-code login by following a WeChat official account (WECHATMP_AUTH); loads on first call. */
  readonly wechatmpqrcode: QrCodeAuthenticationClient
  /** Social login (GitHub, WeChat, …) by popup or redirect, and its identity-binding step; loads on first call. */
  readonly social: SocialAuthenticationClient
  private readonly form: LoginFormCalls

  /** Where the client sends its calls: `appHost` without a trailing slash (its tokens' `iss` is this + `/oidc`, unless it is DEFAULT_APP_HOST). */
  get appHost(): string {
    return this.core.transport.baseUrl
  }

  constructor(options: AuthenticationClientOptions) {
    if (typeof options?.appId !== 'string' || !options.appId) {
      throw new AuthingError('config', 'AuthenticationClient needs an appId (console → Applications → App ID)')
    }
    this.appId = options.appId
    const baseUrl = parseBaseUrl(options.appHost ?? DEFAULT_APP_HOST, 'appHost', options.allowInsecureHttp)
    const restore = { requireUser: false, issuer: appIssuer(baseUrl) }
    this.session = new SessionStore(
      withMemoryFallback(options.tokenStore ?? defaultTokenStore()),
      options.appId,
      options.token,
      (snapshot) => isRestorableSession(snapshot, options.appId, restore),
    )
    this.core = new ClientCore({
      ...options,
      baseUrl,
      identity: { appId: options.appId },
      token: () => this.session.getSnapshot().token,
    })
    this.protocolUrls = new ProtocolUrls(this.core.transport.baseUrl, options.appId, options)
    // One chunk for every lazy call (see lazyCalls.ts); `what` names it in a failed import's error.
    const calls = <T>(what: string, use: (module: typeof import('./lazyCalls.js')) => T) =>
      lazyModule(() => import('./lazyCalls.js'), what, use)
    this.protocolCalls = calls(
      'the OIDC / OAuth helpers',
      (module) => new module.ProtocolCalls(this.core.transport, options.appId, options),
    )
    this.form = lazyNamespace(
      calls('the login helpers', (module) => new module.LoginFormCalls(this.core, this.session, options.appId)),
    )
    this.stepCalls = calls('the login-step helpers', (module) => new module.LoginStepCalls(this.core, this.session))
    this.accountCalls = calls('the account helpers', (module) => new module.AccountCalls(this.core, this.session))
    this.mfa = lazyNamespace(
      calls('the MFA helpers', (module) => new module.MfaAuthenticationClient(this.core, this.session)),
    )
    this.passkey = lazyNamespace(
      calls('the passkey helpers', (module) => new module.PasskeyClient(this.core, this.session)),
    )
    // Scenes by their index in `qrcodeScenes` (in the lazy chunk): their names cost the initial chunk bytes.
    const qr = (scene: 0 | 1 | 2) =>
      lazyNamespace(
        calls(
          'the login helpers',
          (module) => new module.QrCodeAuthenticationClient(this.core, this.session, module.qrcodeScenes[scene]),
        ),
      )
    this.qrcode = qr(0)
    this.wxqrcode = qr(1)
    this.wechatmpqrcode = qr(2)
    this.social = lazyNamespace(
      calls('the login helpers', (module) => new module.SocialAuthenticationClient(this.core, this.session, options)),
    )
  }

  // ── session state ────────────────────────────────────────────────────────────────────────────

  /** Calls `listener` with the new `{ user, token }` after every change. Returns the unsubscribe. */
  subscribe = (listener: SessionListener): (() => void) => this.session.subscribe(listener)

  /** The current `{ user, token }`; the same object until something changes. */
  getSnapshot = (): AuthSnapshot => this.session.getSnapshot()

  /** Makes `token` the session's token (e.g. one restored by your own means); `null` forgets it. */
  setToken(token: string | null): void {
    this.session.setToken(token)
  }

  /** Makes `user` (and the token it carries) the session. */
  setCurrentUser(user: User): void {
    this.session.setUser(user)
  }

  /** The language of server messages from now on. */
  setLang(lang: Lang): void {
    this.core.lang = lang
  }

  // ── login and registration ───────────────────────────────────────────────────────────────────

  /** What the app's login form offers (tabs, methods, agreements, captcha policy); fetched once per client. */
  getPublicConfig(options: SignalOptions = {}): Promise<ApplicationPublicConfig> {
    return this.core.run(async () => this.form.publicConfig(options.signal))
  }

  /** A new captcha image's URL, for an `<img>` (the browser keeps the cookie the answer is bound to). */
  getCaptchaUrl(): string {
    return `${this.appHost}/api/v2/security/captcha?r=${Date.now()}`
  }

  /** Logs in with username and password; the user becomes the session. */
  loginByUsername(username: string, password: string, options: LoginOptions = {}): Promise<User> {
    return this.passwordLogin(
      auth.loginByUsernameDocument,
      'loginByUsername',
      () => ({ username: requireShortString('username', username) }),
      password,
      options,
    )
  }

  /** Logs in with email and password; the user becomes the session. */
  loginByEmail(email: string, password: string, options: LoginOptions = {}): Promise<User> {
    return this.passwordLogin(
      auth.loginByEmailDocument,
      'loginByEmail',
      () => ({ email: requireShortString('email', email) }),
      password,
      options,
    )
  }

  /** Logs in with phone number and password; the user becomes the session. */
  loginByPhonePassword(phone: string, password: string, options: LoginOptions = {}): Promise<User> {
    return this.passwordLogin(
      auth.loginByPhonePasswordDocument,
      'loginByPhonePassword',
      () => ({ phone: requireShortString('phone', phone) }),
      password,
      options,
    )
  }

  /** Logs in with a code sent by `sendSmsCode`; the user becomes the session. */
  loginByPhoneCode(phone: string, code: string, options: PhoneCodeLoginOptions = {}): Promise<User> {
    return this.core.run(async () => {
      const input = {
        phone: requireShortString('phone', phone),
        code: requireShortString('code', code),
        phoneCountryCode: options.phoneCountryCode,
        autoRegister: options.autoRegister,
        ...pipelineParams(options),
      }
      return this.login(auth.loginByPhoneCodeDocument, 'loginByPhoneCode', input, options)
    })
  }

  /** Logs in with a code sent by `sendEmail(email, 'LOGIN_VERIFY_CODE')`; the user becomes the session. */
  loginByEmailCode(email: string, code: string, options: SignalOptions & AgreementOptions = {}): Promise<User> {
    return this.core.run(async () => {
      const fields = { email: requireShortString('email', email), code: requireShortString('code', code) }
      return this.form.login('loginByEmailCode', fields, options.agreementIds, options.signal)
    })
  }

  /** Registers with username and password. The new user becomes the session only with `forceLogin`. */
  registerByUsername(
    username: string,
    password: string,
    profile: RegisterProfile = {},
    options: RegisterOptions = {},
  ): Promise<User> {
    return this.core.run(async () =>
      this.form.register(
        'registerByUsername',
        { username: requireShortString('username', username) },
        password,
        profile,
        options,
      ),
    )
  }

  /** Registers with email and password. The new user becomes the session only with `forceLogin`. */
  registerByEmail(
    email: string,
    password: string,
    profile: RegisterProfile = {},
    options: RegisterOptions = {},
  ): Promise<User> {
    return this.core.run(async () =>
      this.form.register('registerByEmail', { email: requireShortString('email', email) }, password, profile, options),
    )
  }

  /** Registers with a phone code (and optionally a password). The new user becomes the session only with `forceLogin`. */
  registerByPhoneCode(
    phone: string,
    code: string,
    password?: string,
    profile: RegisterProfile = {},
    options: RegisterOptions & { phoneCountryCode?: string } = {},
  ): Promise<User> {
    return this.core.run(async () => {
      const fields = {
        phone: requireShortString('phone', phone),
        code: requireShortString('code', code),
        phoneCountryCode: options.phoneCountryCode,
      }
      return this.form.register('registerByPhoneCode', fields, password, profile, options)
    })
  }

  // ── verification codes and passwords ────────────────────────────────────────────────────────

  /** Sends an SMS code. `scene` (`login`, `register`, `reset`, `bind`, `unbind`, …) limits what it may be used for. */
  sendSmsCode(
    phone: string,
    phoneCountryCode?: string,
    scene?: string,
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.core.run(async () => {
      const body = { phone: requireShortString('phone', phone), phoneCountryCode, scene }
      const { code, message } = await this.core.transport.rest('POST', '/api/v2/sms/send', {
        body,
        auth: false,
        signal: options.signal,
      })
      return { code, message }
    })
  }

  /** Sends an email for `scene` (`LOGIN_VERIFY_CODE`, `RESET_PASSWORD`, `VERIFY_EMAIL`, `CHANGE_EMAIL`, …). */
  sendEmail(email: string, scene: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.core.run(async () => {
      const variables = { email: requireShortString('email', email), scene: requireShortString('scene', scene) }
      const data = await this.core.transport.graphql<{ sendEmail: CommonMessage }>(codes.sendEmailDocument, variables, {
        auth: false,
        signal: options.signal,
      })
      return data.sendEmail
    })
  }

  /** Sets a new password with a code from `sendSmsCode`. */
  resetPasswordByPhoneCode(
    phone: string,
    code: string,
    newPassword: string,
    phoneCountryCode?: string,
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.step(async (calls) =>
      calls.resetPassword({ phone: requireShortString('phone', phone), phoneCountryCode }, code, newPassword, options),
    )
  }

  /** Sets a new password with a code from `sendEmail(email, 'RESET_PASSWORD')`. */
  resetPasswordByEmailCode(
    email: string,
    code: string,
    newPassword: string,
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.step(async (calls) =>
      calls.resetPassword({ email: requireShortString('email', email) }, code, newPassword, options),
    )
  }

  /** Changes the logged-in user's password (`oldPassword` is required once the user has one). */
  updatePassword(newPassword: string, oldPassword?: string, options: SignalOptions = {}): Promise<User> {
    return this.core.run(async () => {
      const variables = {
        newPassword: await this.core.encrypt(newPassword, options.signal),
        oldPassword: oldPassword === undefined ? undefined : await this.core.encrypt(oldPassword, options.signal),
      }
      const data = await this.core.transport.graphql<{ updatePassword: UserOnWire }>(
        profile.updatePasswordDocument,
        variables,
        options,
      )
      return refreshUser(this.session, data.updatePassword)
    })
  }

  /** Asks the pool whether `password` meets its password policy (sent in clear text, as Authing defines it). */
  checkPasswordStrength(password: string, options: SignalOptions = {}): Promise<PasswordStrength> {
    return this.account((calls) => calls.checkPasswordStrength(password, options))
  }

  // ── steps a login stops at (see loginStepOf) ─────────────────────────────────────────────────

  /**
   * Sets the password a `firstLoginPassword` (1639) or `unsafePassword` (2071) step asks for. No
   * session follows: log in again with the new password.
   */
  resetPasswordByFirstLoginToken(token: string, password: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.step((calls) => calls.resetPasswordByFirstLoginToken(token, password, options))
  }

  /** Changes the password a `forcePasswordReset` (2058) step asks for; then log in again with the new one. */
  resetPasswordByForceResetToken(
    token: string,
    oldPassword: string,
    newPassword: string,
    options: SignalOptions = {},
  ): Promise<CommonMessage> {
    return this.step((calls) => calls.resetPasswordByForceResetToken(token, oldPassword, newPassword, options))
  }

  /** Fills in a `completeProfile` (1642) step's fields; the login it stopped then becomes the session. */
  completeProfile(
    step: Pick<CompleteProfileStep, 'flowHandle'>,
    fieldValues: CompletionFieldValue[],
    options: SignalOptions = {},
  ): Promise<User> {
    return this.step((calls) => calls.completeProfile(step, fieldValues, options))
  }

  /** Skips a `completeProfile` step whose `skip` is true; the login becomes the session (the next one asks again). */
  skipProfileCompletion(step: Pick<CompleteProfileStep, 'flowHandle'>, options: SignalOptions = {}): Promise<User> {
    return this.step((calls) => calls.skipProfileCompletion(step, options))
  }

  /** Rates a password locally: 1 weak, 2 medium, 3 strong. */
  computedPasswordSecurityLevel(password: string): 1 | 2 | 3 {
    return computedPasswordSecurityLevel(password)
  }

  // ── the logged-in user ──────────────────────────────────────────────────────────────────────

  /**
   * Fetches the logged-in user and refreshes the session's copy. Resolves `null` when there is no
   * session, or when the server says the token is no longer valid (the session is then cleared).
   * Other failures (network, timeout) reject and keep the session.
   */
  getCurrentUser(options: SignalOptions = {}): Promise<User | null> {
    return this.core.run(async () => {
      if (!this.session.getSnapshot().token) return null
      try {
        const data = await this.core.transport.graphql<{ user: UserOnWire | null }>(profile.userDocument, {}, options)
        if (data.user) return refreshUser(this.session, data.user)
      } catch (error) {
        if (!isAuthingError(error) || error.code !== 2020) throw error
      }
      this.session.clear()
      return null
    })
  }

  /** Updates profile fields of the logged-in user (not email or phone: see updateEmail / updatePhone). */
  updateProfile(
    updates: ProfileUpdates,
    options: SignalOptions & { emailToken?: string; phoneToken?: string } = {},
  ): Promise<User> {
    return this.core.run(async () => {
      const { password: _ignored, ...input } = updates as ProfileUpdates & { password?: unknown }
      const { emailToken, phoneToken } = options
      const variables = { id: currentUserId(this.session), input, emailToken, phoneToken }
      const data = await this.core.transport.graphql<{ updateUser: UserOnWire }>(
        profile.updateUserDocument,
        variables,
        options,
      )
      return refreshUser(this.session, data.updateUser)
    })
  }

  /** Binds a phone number to the logged-in user, proven by an SMS code. */
  bindPhone(phone: string, phoneCode: string, phoneCountryCode?: string, options: SignalOptions = {}): Promise<User> {
    const variables = () => ({
      phone: requireShortString('phone', phone),
      phoneCode: requireShortString('phoneCode', phoneCode),
      phoneCountryCode,
    })
    return this.userMutation(profile.bindPhoneDocument, 'bindPhone', variables, options)
  }

  /** Removes the logged-in user's phone number (not when it is their only way to log in). */
  unbindPhone(options: SignalOptions = {}): Promise<User> {
    return this.userMutation(profile.unbindPhoneDocument, 'unbindPhone', () => ({}), options)
  }

  /** Binds an email to the logged-in user, proven by an emailed code. */
  bindEmail(email: string, emailCode: string, options: SignalOptions = {}): Promise<User> {
    const variables = () => ({
      email: requireShortString('email', email),
      emailCode: requireShortString('emailCode', emailCode),
    })
    return this.userMutation(profile.bindEmailDocument, 'bindEmail', variables, options)
  }

  /** Removes the logged-in user's email (not when it is their only way to log in). */
  unbindEmail(options: SignalOptions = {}): Promise<User> {
    return this.userMutation(profile.unbindEmailDocument, 'unbindEmail', () => ({}), options)
  }

  /** Changes the logged-in user's phone: a code sent to the new number, and the old number's when the pool asks for it. */
  updatePhone(
    phone: string,
    phoneCode: string,
    oldPhone?: string,
    oldPhoneCode?: string,
    phoneCountryCode?: string,
    oldPhoneCountryCode?: string,
    options: SignalOptions = {},
  ): Promise<User> {
    const variables = () => ({
      phone: requireShortString('phone', phone),
      phoneCode: requireShortString('phoneCode', phoneCode),
      oldPhone,
      oldPhoneCode,
      phoneCountryCode,
      oldPhoneCountryCode,
    })
    return this.userMutation(profile.updatePhoneDocument, 'updatePhone', variables, options)
  }

  /** Changes the logged-in user's email: a code sent to the new address, and the old one's when the pool asks for it. */
  updateEmail(
    email: string,
    emailCode: string,
    oldEmail?: string,
    oldEmailCode?: string,
    options: SignalOptions = {},
  ): Promise<User> {
    const variables = () => ({
      email: requireShortString('email', email),
      emailCode: requireShortString('emailCode', emailCode),
      oldEmail,
      oldEmailCode,
    })
    return this.userMutation(profile.updateEmailDocument, 'updateEmail', variables, options)
  }

  // ── tokens ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Logs out: the server revokes the token, and the session is cleared locally even when the
   * server cannot be reached (the call then still rejects, so you know the token may live on).
   */
  logout(options: SignalOptions = {}): Promise<void> {
    return this.core.run(async () => {
      if (!this.session.getSnapshot().token) return
      try {
        await this.core.transport.rest('GET', '/api/v2/logout', {
          query: { app_id: this.appId },
          signal: options.signal,
        })
      } finally {
        this.session.clear()
      }
    })
  }

  /** Asks the server whether `token` (default: the session's) is valid. Never rejects for an invalid token: see `status`. */
  checkLoginStatus(token?: string, options: SignalOptions = {}): Promise<LoginStatus> {
    return this.core.run(async () => {
      const variables = { token: token ?? this.session.getSnapshot().token ?? undefined }
      const data = await this.core.transport.graphql<{ checkLoginStatus: LoginStatus }>(
        session.checkLoginStatusDocument,
        variables,
        options,
      )
      return data.checkLoginStatus
    })
  }

  /** Swaps the session's token for a fresh one (new expiry) and stores it. */
  refreshToken(options: SignalOptions = {}): Promise<RefreshedToken> {
    return this.core.run(async () => {
      currentUserId(this.session)
      const data = await this.core.transport.graphql<{ refreshToken: RefreshedToken }>(
        session.refreshTokenDocument,
        {},
        options,
      )
      if (data.refreshToken.token) this.session.setToken(data.refreshToken.token)
      return data.refreshToken
    })
  }

  /** True when a user with any of these identifiers exists in the pool. */
  isUserExists(identifiers: UserIdentifiers, options: SignalOptions = {}): Promise<boolean> {
    return this.account((calls) => calls.isUserExists(identifiers, options))
  }

  // ── roles, resources, applications (their calls load on first use) ───────────────────────────

  /** The logged-in user's roles (in `namespace`, default: all). */
  listRoles(namespace?: string, options: SignalOptions = {}): Promise<Paginated<Role>> {
    return this.account((calls) => calls.listRoles(namespace, options))
  }

  /** True when the logged-in user has the role `roleCode` (in `namespace`). */
  async hasRole(roleCode: string, namespace?: string, options: SignalOptions = {}): Promise<boolean> {
    const { list } = await this.listRoles(namespace, options)
    return list.some((role) => role.code === roleCode)
  }

  /** Resources the logged-in user may act on in `namespace` (an app's resources live in the namespace named by its id). */
  listAuthorizedResources(
    namespace: string,
    options: SignalOptions & { resourceType?: string } = {},
  ): Promise<Paginated<AuthorizedResource>> {
    return this.account((calls) => calls.listAuthorizedResources(namespace, options))
  }

  /** Applications the logged-in user may use. */
  listApplications(
    options: SignalOptions & { page?: number; limit?: number } = {},
  ): Promise<Paginated<ApplicationPublicDetail>> {
    return this.account((calls) => calls.listApplications(options))
  }

  // ── custom fields (UDF) ─────────────────────────────────────────────────────────────────────

  /** The logged-in user's custom field values, decoded: `{ school: 'Tsinghua University' }`. */
  getUdfValue(options: SignalOptions = {}): Promise<Record<string, unknown>> {
    return this.account((calls) => calls.getUdfValue(options))
  }

  /** Sets custom field values (fields must exist in the pool); answers all values after the change. */
  setUdfValue(values: Record<string, unknown>, options: SignalOptions = {}): Promise<Record<string, unknown>> {
    return this.account((calls) => calls.setUdfValue(values, options))
  }

  /** Clears one custom field value of the logged-in user. */
  removeUdfValue(key: string, options: SignalOptions = {}): Promise<void> {
    return this.account((calls) => calls.removeUdfValue(key, options))
  }

  // ── standard protocols: OIDC / OAuth 2.0 (PKCE), SAML, CAS (see protocols/) ──────────────────

  /** The hosted login URL of the app's `protocol` (OIDC/OAuth authorize request, SAML or CAS IdP). */
  buildAuthorizeUrl(options?: AuthorizeUrlOptions): string {
    return this.protocolUrls.authorize(options)
  }

  /** Exchanges the callback's code (with its PKCE `codeVerifier`); the id_token is verified, `nonce` included when given. */
  getAccessTokenByCode(
    code: string,
    options?: SignalOptions & { codeVerifier?: string; nonce?: string; redirectUri?: string },
  ): Promise<TokenSet> {
    return this.protocol((calls) => calls.getAccessTokenByCode(code, options))
  }

  /** New tokens for a refresh token (which is rotated: keep the new one). */
  getNewAccessTokenByRefreshToken(refreshToken: string, options?: SignalOptions): Promise<TokenSet> {
    return this.protocol((calls) => calls.getNewAccessTokenByRefreshToken(refreshToken, options))
  }

  /** A token for the caller itself (servers): `accessKey` / `accessSecret` default to the app id and secret. */
  getAccessTokenByClientCredentials(
    scope: string,
    options?: SignalOptions & { accessKey?: string; accessSecret?: string },
  ): Promise<TokenSet> {
    return this.protocol((calls) => calls.getAccessTokenByClientCredentials(scope, options))
  }

  /** The claims an access token's scope grants. */
  getUserInfoByAccessToken(
    accessToken: string,
    options?: SignalOptions & { method?: 'GET' | 'POST'; tokenPlace?: 'header' | 'query' | 'body' },
  ): Promise<UserInfo> {
    return this.protocol((calls) => calls.getUserInfoByAccessToken(accessToken, options))
  }

  /** RFC 7662: whether a token is active, and what it grants. */
  introspectToken(token: string, options?: SignalOptions): Promise<IntrospectionResult> {
    return this.protocol((calls) => calls.introspectToken(token, options))
  }

  /** RFC 7009: revokes an access or refresh token. */
  revokeToken(token: string, options?: SignalOptions): Promise<true> {
    return this.protocol((calls) => calls.revokeToken(token, options))
  }

  /** Asks the server to check an id_token or access token; resolves its claims, rejects (400) when invalid. */
  validateToken(
    token: { idToken: string } | { accessToken: string },
    options?: SignalOptions,
  ): Promise<Record<string, unknown>> {
    return this.protocol((calls) => calls.validateToken(token, options))
  }

  /** Verifies an id_token locally (your backend): signature (JWKS or app secret), iss, aud, exp/iat, nonce. */
  verifyIdToken(idToken: string, options?: SignalOptions & { nonce?: string }): Promise<IdTokenClaims> {
    return this.protocol((calls) => calls.verifyIdToken(idToken, options))
  }

  /** Where to send the browser to log out of the hosted login (OIDC `expert`: `/oidc/session/end`; CAS logout). */
  buildLogoutUrl(options?: LogoutUrlOptions): string {
    return this.protocolUrls.logout(options)
  }

  /** A new PKCE code_verifier (43 random characters); keep it for `getAccessTokenByCode`. */
  generateCodeChallenge(): string {
    return generateCodeChallenge()
  }

  /** The code_challenge of a verifier: base64url(SHA-256) for `S256` (default), itself for `plain`. */
  getCodeChallengeDigest(options: { codeChallenge: string; method?: 'S256' | 'plain' }): Promise<string> {
    return this.protocol((calls) => calls.getCodeChallengeDigest(options))
  }

  /** CAS 1.0 service-ticket validation. */
  validateTicketV1(ticket: string, service: string, options?: SignalOptions): Promise<CasTicketV1Result> {
    return this.protocol((calls) => calls.validateTicketV1(ticket, service, options))
  }

  /** CAS 2.0 service-ticket validation: the parsed `serviceResponse` (JSON) or the XML text. */
  validateTicketV2(
    ticket: string,
    service: string,
    format?: 'JSON' | 'XML',
    options?: SignalOptions,
  ): Promise<Record<string, unknown> | string> {
    return this.protocol((calls) => calls.validateTicketV2(ticket, service, format, options))
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  /** A protocol call, through `run` like every other call (the helpers load on the first one). */
  private protocol<T>(call: (calls: ProtocolCalls) => Promise<T>): Promise<T> {
    return this.core.run(async () => call(await this.protocolCalls()))
  }

  private step<T>(call: (calls: LoginStepCalls) => Promise<T>): Promise<T> {
    return this.core.run(async () => call(await this.stepCalls()))
  }

  private account<T>(call: (calls: AccountCalls) => Promise<T>): Promise<T> {
    return this.core.run(async () => call(await this.accountCalls()))
  }

  private passwordLogin(
    document: string,
    field: string,
    identifier: () => Record<string, string>,
    password: string,
    options: LoginOptions,
  ): Promise<User> {
    return this.core.run(async () => {
      const input = {
        ...identifier(),
        password: await this.core.encrypt(password, options.signal),
        autoRegister: options.autoRegister,
        captchaCode: options.captchaCode,
        ...pipelineParams(options),
      }
      return this.login(document, field, input, options)
    })
  }

  private async login(
    document: string,
    field: string,
    input: Record<string, unknown>,
    options: SignalOptions & AgreementOptions,
  ): Promise<User> {
    const { agreementIds, signal } = options
    if (agreementIds) return this.form.login(field, input, agreementIds, signal)
    const data = await this.core.transport.graphql<Record<string, UserOnWire | null>>(
      document,
      { input },
      { auth: false, signal, withCookies: input.captchaCode !== undefined },
    )
    return startSession(this.session, data[field] as UserOnWire)
  }

  /** Arguments arrive as a thunk so that a bad one rejects through `run` like every other failure. */
  private userMutation(
    document: string,
    field: string,
    variables: () => Record<string, unknown>,
    options: SignalOptions,
  ): Promise<User> {
    return this.core.run(async () => {
      const args = variables()
      currentUserId(this.session)
      const data = await this.core.transport.graphql<Record<string, UserOnWire>>(document, args, options)
      const raw = data[field]
      if (!raw) throw new AuthingError('bad_response', `${field} answered no user`)
      return refreshUser(this.session, raw)
    })
  }
}
