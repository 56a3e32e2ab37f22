/**
 * Passkeys (WebAuthn) over Authing's /api/v3/webauthn endpoints (facts: login-flows §9): log in
 * with one (Guard's `login/initialize` → `login/finalize`), register one for the logged-in user
 * (the SDK's `registration` pair), list and remove the user's own (the endpoints Authing's apps
 * call: `page-authenticator-device`, `remove-credential/{id}`), and pass the MFA step of a login
 * with one, or bind one there (`mfa-verify` / `mfa-bind`, then the flow engine, §9.2). A login
 * becomes the session like a password login. The prompt is the browser's unless a call passes its
 * own `authenticator`. Loaded on first use (see `AuthenticationClient.passkey`).
 */
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser'

import type { ClientCore } from '../clientCore.js'
import { AuthingError } from '../errors.js'
import { runAuthFlow } from '../flows/authFlow.js'
import type { MfaStep } from '../loginStep.js'
import type { SignalOptions } from '../options.js'
import { requireShortString } from '../requestParams.js'
import type { SessionStore } from '../session/sessionStore.js'
import { startSession } from '../session/startSession.js'
import { abortedError } from '../transport/send.js'
import type { User } from '../types.js'
import type { UserOnWire } from '../user.js'
import {
  browserAuthenticator,
  browserSupportsPasskeyAutofill,
  browserSupportsPasskeys,
  type PasskeyAuthenticator,
} from './browserAuthenticator.js'
import { passkeyError } from './passkeyError.js'
import { v3Request } from './v3Request.js'

/** One of the user's passkeys, as the listing shows it (no key material). */
export interface PasskeyCredential {
  /** the credential id (base64url), for `remove` */
  credentialId: string
  name: string
  /** what the registration said the authenticator is */
  authenticatorCode: 'fingerprint' | 'face' | 'other'
  transports: string[]
  /** the authenticator's signature count at its last use */
  counter: number
  createdAt: string
  lastUsedAt: string | null
}

export interface PasskeyCallOptions extends SignalOptions {
  /** Makes and signs the passkey. Defaults to the browser's prompt (`navigator.credentials`). */
  authenticator?: PasskeyAuthenticator
}

export interface PasskeyLoginOptions extends PasskeyCallOptions {
  /**
   * Conditional UI: the prompt waits for the user to pick a passkey from the autofill list of an
   * `<input autocomplete="username webauthn">`. Defaults to false (a modal prompt).
   */
  autofill?: boolean
}

export interface PasskeyRegisterOptions extends PasskeyCallOptions {
  /** How the user will recognise it in `list()`. Defaults to `Passkey <n>`. */
  name?: string
  /** Authing's kind of authenticator. Defaults to `other`. */
  authenticatorCode?: PasskeyCredential['authenticatorCode']
}

interface RequestOptionsAnswer {
  ticket: string
  publicKey: PublicKeyCredentialRequestOptionsJSON
}

interface CreationOptionsAnswer {
  ticket: string
  publicKey: PublicKeyCredentialCreationOptionsJSON
}

export class PasskeyClient {
  constructor(
    private readonly core: ClientCore,
    private readonly session: SessionStore,
  ) {}

  /** Whether this browser can use passkeys at all (false in Node and old browsers). */
  isSupported(): Promise<boolean> {
    return browserSupportsPasskeys()
  }

  /** Whether it can offer passkeys in an input's autofill list (`login({ autofill: true })`). */
  isAutofillSupported(): Promise<boolean> {
    return browserSupportsPasskeyAutofill()
  }

  /** Logs in with a passkey the user picks; the user becomes the session. */
  login(options: PasskeyLoginOptions = {}): Promise<User> {
    return this.core.run(async () => {
      const { signal } = options
      const { ticket, publicKey } = (await this.v3('POST', '/api/v3/webauthn/login/initialize', {
        body: {},
        auth: false,
        signal,
      })) as RequestOptionsAnswer
      const credential = await prompt(signal, () =>
        (options.authenticator ?? browserAuthenticator).get(publicKey, { autofill: options.autofill === true, signal }),
      )
      const user = await this.v3('POST', '/api/v3/webauthn/login/finalize', {
        body: { ticket, credential },
        auth: false,
        signal,
      })
      return startSession(this.session, user as UserOnWire)
    })
  }

  /** Registers a new passkey for the logged-in user (2020 without a session); answers it as `list()` shows it. */
  register(options: PasskeyRegisterOptions = {}): Promise<PasskeyCredential> {
    return this.core.run(async () => {
      const { signal } = options
      const name = options.name === undefined ? undefined : requireShortString('name', options.name)
      const { ticket, registrationOptions } = (await this.v3('GET', '/api/v3/webauthn/registration', { signal })) as {
        ticket: string
        registrationOptions: PublicKeyCredentialCreationOptionsJSON
      }
      const registrationCredential = await prompt(signal, () =>
        (options.authenticator ?? browserAuthenticator).create(registrationOptions, signal),
      )
      const body = { ticket, registrationCredential, name, authenticatorCode: options.authenticatorCode }
      await this.v3('POST', '/api/v3/webauthn/registration', { body, signal })
      const registered = (await this.listCredentials(signal)).find(
        (passkey) => passkey.credentialId === registrationCredential.id,
      )
      if (!registered) throw new AuthingError('bad_response', 'The new passkey is not among the user’s passkeys')
      return registered
    })
  }

  /** The logged-in user's passkeys, newest first. */
  list(options: SignalOptions = {}): Promise<PasskeyCredential[]> {
    return this.core.run(() => this.listCredentials(options.signal))
  }

  /** Removes one of the logged-in user's passkeys (another user's is unknown: the server's refusal). */
  remove(credentialId: string, options: SignalOptions = {}): Promise<void> {
    return this.core.run(async () => {
      const id = encodeURIComponent(requireShortString('credentialId', credentialId))
      await this.v3('POST', `/api/v3/webauthn/remove-credential/${id}`, { body: {}, signal: options.signal })
    })
  }

  /** Passes a login's MFA step (`loginStepOf(error)`, factor `PASSKEY`) with a passkey of the user's. */
  verifyMfa(step: Pick<MfaStep, 'mfaToken'>, options: PasskeyCallOptions = {}): Promise<User> {
    return this.core.run(async () => {
      const { signal } = options
      const { ticket, publicKey } = (await this.v3('POST', '/api/v3/webauthn/mfa-verify/initialize', {
        body: {},
        bearer: requireShortString('mfaToken', step?.mfaToken),
        signal,
      })) as RequestOptionsAnswer
      const credential = await prompt(signal, () =>
        (options.authenticator ?? browserAuthenticator).get(publicKey, { signal }),
      )
      return runAuthFlow(this.core, this.session, { action: 'passkey-verify', data: { credential, ticket } }, signal)
    })
  }

  /** Passes a login's MFA step by registering a new passkey for the user there. */
  bindMfa(step: Pick<MfaStep, 'mfaToken'>, options: PasskeyCallOptions = {}): Promise<User> {
    return this.core.run(async () => {
      const { signal } = options
      const { ticket, publicKey } = (await this.v3('POST', '/api/v3/webauthn/mfa-bind/initialize', {
        body: {},
        bearer: requireShortString('mfaToken', step?.mfaToken),
        signal,
      })) as CreationOptionsAnswer
      const attestation = await prompt(signal, () =>
        (options.authenticator ?? browserAuthenticator).create(publicKey, signal),
      )
      return runAuthFlow(this.core, this.session, { action: 'passkey-bind', data: { ...attestation, ticket } }, signal)
    })
  }

  private async listCredentials(signal: AbortSignal | undefined): Promise<PasskeyCredential[]> {
    const data = await this.v3('POST', '/api/v3/webauthn/page-authenticator-device', { body: {}, signal })
    const list = (data as { list?: unknown } | null)?.list
    if (!Array.isArray(list)) throw new AuthingError('bad_response', 'The passkey listing answered no list')
    return list as PasskeyCredential[]
  }

  private v3(method: 'GET' | 'POST', path: string, options: Parameters<typeof v3Request>[3]) {
    return v3Request(this.core.transport, method, path, options)
  }
}

/**
 * The prompt's failures as AuthingErrors with passkey codes (./passkeyError.ts); a prompt the
 * caller's signal closed is `aborted`, as every call the caller aborts.
 */
async function prompt<T>(signal: AbortSignal | undefined, ceremony: () => Promise<T>): Promise<T> {
  try {
    return await ceremony()
  } catch (error) {
    throw signal?.aborted ? abortedError(signal) : passkeyError(error)
  }
}
