/**
 * What a handler needs per request: the caller's language, application (→ user pool) and bearer
 * token, each read once and checked on first use.
 */
import type { ApplicationRecord, UserPoolRecord } from '../model/records.js'
import type { EmulatorState } from '../model/state.js'
import type { UserRecord } from '../model/users.js'
import { type CaptchaAnswer, captchaCookie } from './domain/captcha.js'
import { AuthingBusinessError, type Lang, parseLang } from './domain/errors.js'
import { appOfRequest, firstAppOf } from './domain/pool.js'
import { type BearerKind, classifyBearer } from './domain/sessions/bearer.js'
import { administeredPool, type Caller, verifyCaller } from './domain/sessions/caller.js'
import type { Engine } from './engine.js'

export class RequestContext {
  readonly lang: Lang
  readonly bearer: string | null
  /** the raw header: Guard sends an mfaToken without the `Bearer ` prefix */
  readonly authorization: string | null
  readonly #appId: string | null
  readonly #poolId: string | null
  readonly #cookies: string
  #caller: Promise<Caller> | undefined
  #bearerKind: Promise<BearerKind> | undefined

  constructor(
    readonly engine: Engine,
    headers: Headers,
  ) {
    this.lang = parseLang(headers.get('x-authing-lang'))
    this.#appId = headers.get('x-authing-app-id') || null
    this.#poolId = headers.get('x-authing-userpool-id') || null
    this.#cookies = headers.get('cookie') ?? ''
    const auth = headers.get('authorization') ?? ''
    this.authorization = auth || null
    const match = /^Bearer\s+(\S+)$/i.exec(auth)
    this.bearer = match?.[1] ?? null
  }

  /** The value of the request's cookie `name`, or null. */
  cookie(name: string): string | null {
    return cookieValue(this.#cookies, name)
  }

  /** A login's captcha answer, with the cookie session of the image it answers. */
  captcha(captchaCode: string | null | undefined): CaptchaAnswer {
    return { sessionId: this.cookie(captchaCookie), captchaCode }
  }

  get state(): EmulatorState {
    return this.engine.state
  }

  now(): number {
    return this.engine.settings.now()
  }

  /** The application and user pool the request speaks for (see `appOfRequest`). */
  app(): { app: ApplicationRecord; pool: UserPoolRecord } {
    return appOfRequest(this.state, this.#appId, this.#poolId)
  }

  /** The application a caller's new token is for: the request's, else the one of the caller's token. */
  async callerApp(): Promise<ApplicationRecord> {
    const caller = await this.caller()
    if (this.#appId !== null || this.#poolId !== null) return this.app().app
    const app = this.state.applications.get(caller.appId)
    if (!app) throw new AuthingBusinessError('appNotFound')
    return app
  }

  /** The logged-in caller (bearer token: valid signature, not expired, not revoked, user exists), else 2020. */
  caller(): Promise<Caller> {
    this.#caller ??= verifyCaller(this.engine, this.bearer, this.#appId)
    return this.#caller
  }

  /** The caller, who must be the user `id` names (when given): nobody reads or writes others' data. */
  async self(id: string | null | undefined): Promise<Caller> {
    const caller = await this.caller()
    if (id && id !== caller.user.id) throw new AuthingBusinessError('noPermission')
    return caller
  }

  /** The user pool a management call administers (see `administeredPool`). */
  async management(): Promise<UserPoolRecord> {
    return administeredPool(await this.#classifyBearer(), this.#poolId)
  }

  /** Whether the bearer is a management token (operations shared with end users then act as admin). */
  async isManagement(): Promise<boolean> {
    return (await this.#classifyBearer()).kind === 'management'
  }

  /**
   * The user an operation shared by both clients is about: with a management token any user of
   * the pool (`id` required; unknown: 2004), otherwise the caller themselves (see `self`).
   */
  async subject(id: string | null | undefined): Promise<{ user: UserRecord; caller: Caller | null }> {
    if (await this.isManagement()) {
      const pool = await this.management()
      if (!id) throw new AuthingBusinessError('invalidParam', { field: 'id' })
      const user = this.state.users.get(id)
      if (!user || user.userPoolId !== pool.id) throw new AuthingBusinessError('userNotFound')
      return { user, caller: null }
    }
    const caller = await this.self(id)
    return { user: caller.user, caller }
  }

  /** The pool's application that tokens minted by an administrator are for (the request's, else the pool's first). */
  poolApp(pool: UserPoolRecord): ApplicationRecord {
    if (this.#appId !== null || this.#poolId !== null) return this.app().app
    const app = firstAppOf(this.state, pool.id)
    if (!app) throw new AuthingBusinessError('appNotFound')
    return app
  }

  #classifyBearer(): Promise<BearerKind> {
    this.#bearerKind ??= classifyBearer(this.engine, this.bearer)
    return this.#bearerKind
  }
}

/** The value of cookie `name` in a `Cookie` header, or null. */
export function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=') || null
  }
  return null
}
