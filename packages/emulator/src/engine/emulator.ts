/**
 * `createEmulator()`: an offline Authing held in memory. Synchronous to create (ids are fixed up
 * front, so `info()` works at once); keys and password hashes are made behind `ready()`, which
 * `fetch` awaits. All state is in `store`, so a snapshot restores everything, keys included.
 */
import { createPasswordDecryptor, type EmulatorKeys, generateKeys, TokenSigner } from '../model/crypto.js'
import type { OutboxMessage } from '../model/records.js'
import {
  applySeed,
  defaultSeed,
  demoUserOf,
  flowUsersOf,
  type ResolvedSeed,
  resolveSeed,
  SeedError,
} from '../model/seed.js'
import type { SeedDocument } from '../model/seedDocument.js'
import type { MetaRecord } from '../model/seedDocument.js'
import { EmulatorState } from '../model/state.js'
import { Store, type StoreSnapshot } from '../model/store.js'
import { captchaAnswer, captchaCookie } from './domain/captcha.js'
import { expireQrCode } from './domain/qrcode/codes.js'
import { cancelQrCode, confirmQrCode, scanQrCode, standInScanner } from './domain/qrcode/phone.js'
import type { EmulatorInfo, Engine, EngineSettings } from './engine.js'
import { createRouter } from './http/router.js'
import { cookieValue } from './requestContext.js'
import { hiddenFieldsOf, relayedMessageOf } from './ui/socialPages.js'

export interface EmulatorOptions {
  /** The state to start from and return to on `reset()`. Defaults to `defaultSeed`. Ignored when `state` is given. */
  seed?: SeedDocument
  /** A saved `store.snapshot()`: ids, keys, secrets and users come from it. */
  state?: StoreSnapshot
  /** Public base URL; the id_token `iss` is `${appHost}/oidc`. Defaults to `http://127.0.0.1:5556`. */
  appHost?: string
  /** PBKDF2-SHA256 iterations for new password hashes. Defaults to 100 000 (tests use ~1 000). */
  passwordIterations?: number
  /** Size of the password-encryption RSA key. Defaults to 1024, like Authing. */
  rsaKeyBits?: 1024 | 2048
  /** id_token lifetime. Defaults to 1 209 600 (14 days). */
  tokenLifetimeSeconds?: number
  /** Management access token (`accessToken(userPoolId, secret)`) lifetime. Defaults to 86 400 (1 day). */
  managementTokenLifetimeSeconds?: number
  /** SMS and email code lifetime. Defaults to 300. */
  codeLifetimeSeconds?: number
  /**
   * Code guessing and flooding limits: one code per destination per `resendIntervalSeconds` (60, as
   * Authing), a code dies after `maxAttempts` (5) wrong tries, at most `maxPending` (10 000) codes kept.
   */
  codeLimits?: { resendIntervalSeconds?: number; maxAttempts?: number; maxPending?: number }
  /** Login lockout: after `maxFailures` (5) failures in a row, 2005 for `windowSeconds` (600). */
  lockout?: { maxFailures?: number; windowSeconds?: number }
  /** Answer 2004 (unknown user) / 2006 (wrong password) instead of the uniform 2333. Defaults to false. */
  legacyLoginErrors?: boolean
  /** The clock, in ms since epoch. Defaults to `Date.now`. */
  now?: () => number
}

export interface Emulator {
  /**
   * The whole wire protocol, with the standard `fetch` signature, bound: `{ fetch: emulator.fetch }`
   * plugs it into any client that takes a fetch.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>
  /** Resolves when keys and seed are in place (`fetch` waits for it too). */
  ready(): Promise<void>
  /** Back to the seed (what `POST /__emulator/reset` does); keys are kept, so clients' cached public keys stay valid. */
  reset(): Promise<void>
  readonly store: Store
  info(): EmulatorInfo
  /** SMS and email codes "sent", oldest first. */
  outbox(filter?: { to?: string }): OutboxMessage[]
  /** Called with every code "sent"; returns the function that stops listening. */
  onMessage(listener: (message: OutboxMessage) => void): () => void
  /**
   * The text of a captcha image still unanswered: the one served to `session` (a `Cookie` or
   * `Set-Cookie` header value, or the bare session id), else the latest one served. null when
   * there is none (never served, or spent by a login).
   */
  captchaAnswer(session?: string): string | null
  /**
   * The phone side of QR-code login, for tests (it stands in for WeChat too): `scan` as the pool's
   * user `username`, then `confirm` (the login: status 2, or 4/5 when a step or a lock stops it)
   * or `cancel`, as that user. Refusals throw as the `/api/v2/qrcode/*` endpoints answer them.
   */
  readonly qrcode: EmulatorQrCodePhone
  /** The browser side of social login, for tests without a browser (see EmulatorSocialBrowser). */
  readonly social: EmulatorSocialBrowser
}

/** What the stand-in provider answered: the popup's message and where it went, or the redirect back. */
export type SocialContinued =
  { relay: 'web_message'; origin: string; message: Record<string, unknown> } | { relay: 'query'; location: string }

export interface EmulatorSocialBrowser {
  /**
   * Does what a browser does with a social authorization URL (`client.social`'s): opens the provider
   * page — from `referer`, the page that opened the popup — and presses "continue". Throws with the
   * page's text when the emulator refuses the request (unknown connection, origin, target).
   */
  continue(authorizationUrl: string, options?: { referer?: string }): Promise<SocialContinued>
}

export interface EmulatorQrCodePhone {
  scan(random: string, username: string): Promise<void>
  confirm(random: string): Promise<void>
  cancel(random: string): Promise<void>
  /** Ends the code's life now, as its 120 s would. */
  expire(random: string): Promise<void>
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const settings: EngineSettings = {
    appHost: (options.appHost ?? 'http://127.0.0.1:5556').replace(/\/+$/, ''),
    passwordIterations: options.passwordIterations ?? 100_000,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 1_209_600,
    managementTokenLifetimeSeconds: options.managementTokenLifetimeSeconds ?? 86_400,
    codeLifetimeSeconds: options.codeLifetimeSeconds ?? 300,
    codeResendIntervalSeconds: options.codeLimits?.resendIntervalSeconds ?? 60,
    codeMaxAttempts: options.codeLimits?.maxAttempts ?? 5,
    maxPendingCodes: options.codeLimits?.maxPending ?? 10_000,
    maxFailures: options.lockout?.maxFailures ?? 5,
    lockoutWindowSeconds: options.lockout?.windowSeconds ?? 600,
    legacyLoginErrors: options.legacyLoginErrors ?? false,
    // Read through, not captured, so fake timers in a test move the emulator's clock too.
    now: options.now ?? (() => Date.now()),
  }
  const store = new Store()
  let seed: ResolvedSeed
  // A bad seed surfaces through ready() (and fetch), where callers already handle async failures.
  let seedProblem: unknown
  if (options.state) {
    store.load(options.state)
    const meta = store.table<MetaRecord>('meta').get('emulator')
    if (!meta) throw new Error('createEmulator: the state snapshot has no emulator metadata (meta.emulator)')
    seed = meta.seed as ResolvedSeed
  } else {
    try {
      seed = resolveSeed(options.seed ?? defaultSeed)
    } catch (error) {
      seedProblem = error
      seed = resolveSeed({})
    }
  }
  const state = new EmulatorState(store)
  const listeners = new Set<(message: OutboxMessage) => void>()
  let engine: Engine | undefined

  const seedInto = async (keys: EmulatorKeys): Promise<void> => {
    state.keyring.set('current', keys)
    try {
      await applySeed(state, seed, { passwordIterations: settings.passwordIterations, now: settings.now() })
    } catch (error) {
      throw error instanceof SeedError ? error : new SeedError(error instanceof Error ? error.message : String(error))
    }
  }

  const setUp = async (): Promise<void> => {
    if (seedProblem) throw seedProblem
    const stored = state.keyring.get('current')
    const keys = stored ?? (await generateKeys(options.rsaKeyBits ?? 1024))
    if (!stored) await seedInto(keys)
    engine = {
      state,
      settings,
      tokens: new TokenSigner(keys.signing),
      publicKeyPem: keys.password.publicKeyPem,
      decryptPassword: createPasswordDecryptor(keys.password.privateKeyPem),
      notify: (message) => {
        for (const listener of listeners) listener(message)
      },
    }
  }

  let readiness = setUp()
  // Nobody may be awaiting yet: keep a failed start from being an unhandled rejection.
  readiness.catch(() => {})
  const ready = async (): Promise<Engine> => {
    await readiness
    if (!engine) throw new Error('unreachable: engine is set once ready')
    return engine
  }
  let handle: ((request: Request) => Promise<Response>) | undefined

  const emulator: Emulator = {
    store,
    ready: () => readiness,
    fetch: async (input, init) => {
      // The engine never waits on I/O, so it has nothing to cancel: the caller's signal is left out
      // of the Request it builds (linking one costs about as much as a cheap request's handling).
      const request =
        input instanceof Request && init === undefined ? input : new Request(input, init && { ...init, signal: null })
      await readiness
      if (!engine) throw new Error('unreachable: engine is set once ready')
      handle ??= createRouter(engine, { reset: emulator.reset, outbox: emulator.outbox, info: emulator.info })
      return handle(request)
    },
    reset: async () => {
      await readiness
      const keys = state.keyring.get('current')
      if (!keys) throw new Error('unreachable: keys are stored once ready')
      readiness = (async () => {
        store.clear()
        await seedInto(keys)
      })()
      await readiness
    },
    info: () => {
      const app = seed.applications[0]
      return {
        userPoolId: seed.userPool.id,
        userPoolSecret: seed.userPool.secret,
        appId: app?.id ?? '',
        appSecret: app?.secret ?? '',
        appHost: settings.appHost,
        demoUser: demoUserOf(seed),
        flowUsers: flowUsersOf(seed),
      }
    },
    outbox: (filter) => [...state.outbox.values()].filter((m) => !filter?.to || m.to === filter.to),
    captchaAnswer: (session) => {
      if (session === undefined) return captchaAnswer(state)
      return captchaAnswer(state, session.includes('=') ? (cookieValue(session, captchaCookie) ?? '') : session)
    },
    qrcode: {
      scan: async (random, username) => {
        const e = await ready()
        scanQrCode(e, standInScanner(e, random, username), random)
      },
      confirm: async (random) => {
        const e = await ready()
        await confirmQrCode(e, standInScanner(e, random), random)
      },
      cancel: async (random) => {
        const e = await ready()
        cancelQrCode(e, standInScanner(e, random), random)
      },
      expire: async (random) => expireQrCode(await ready(), random),
    },
    social: {
      continue: async (authorizationUrl, options = {}) => {
        const headers: Record<string, string> = options.referer ? { referer: options.referer } : {}
        const page = await emulator.fetch(authorizationUrl, { headers })
        const text = await page.text()
        if (page.status !== 200) throw new Error(`The provider page answered ${page.status}: ${text}`)
        const url = new URL(authorizationUrl)
        const answer = await emulator.fetch(`${url.origin}${url.pathname}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin },
          body: new URLSearchParams(hiddenFieldsOf(text)),
          redirect: 'manual',
        })
        const location = answer.headers.get('location')
        if (location) return { relay: 'query', location }
        const relayed = relayedMessageOf(await answer.text())
        if (!relayed) throw new Error(`The provider answered ${answer.status} with no result`)
        return { relay: 'web_message', origin: relayed.origin, message: relayed.message as Record<string, unknown> }
      },
    },
    onMessage: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return emulator
}
