/**
 * The browser's passkey prompt (`navigator.credentials` through `@simplewebauthn/browser`, loaded
 * on first use so apps that never prompt do not ship it). It speaks the JSON forms of the options
 * and credentials (base64url without padding), as Authing's endpoints do. A signal that fires
 * cancels the prompt; the library allows one ceremony at a time and cancels the previous itself.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser'

import { AuthingError } from '../errors.js'

/**
 * What makes and signs passkeys: the browser's prompt by default; tests pass a software authenticator.
 */
export interface PasskeyAuthenticator {
  create(
    options: PublicKeyCredentialCreationOptionsJSON,
    signal?: AbortSignal | undefined,
  ): Promise<RegistrationResponseJSON>
  get(
    options: PublicKeyCredentialRequestOptionsJSON,
    prompt?: { autofill?: boolean; signal?: AbortSignal | undefined },
  ): Promise<AuthenticationResponseJSON>
}

const load = () => import('@simplewebauthn/browser')

async function supported(): Promise<Awaited<ReturnType<typeof load>>> {
  const browser = await load()
  if (!browser.browserSupportsWebAuthn())
    throw new AuthingError('passkey_unsupported', 'This browser does not support passkeys (WebAuthn)')
  return browser
}

async function whileListening<T>(signal: AbortSignal | undefined, cancel: () => void, run: () => Promise<T>) {
  signal?.throwIfAborted()
  signal?.addEventListener('abort', cancel, { once: true })
  try {
    return await run()
  } finally {
    signal?.removeEventListener('abort', cancel)
  }
}

export const browserAuthenticator: PasskeyAuthenticator = {
  async create(optionsJSON, signal) {
    const browser = await supported()
    const cancel = () => browser.WebAuthnAbortService.cancelCeremony()
    return whileListening(signal, cancel, () => browser.startRegistration({ optionsJSON }))
  },
  async get(optionsJSON, prompt = {}) {
    const browser = await supported()
    const cancel = () => browser.WebAuthnAbortService.cancelCeremony()
    const useBrowserAutofill = prompt.autofill === true
    return whileListening(prompt.signal, cancel, () => browser.startAuthentication({ optionsJSON, useBrowserAutofill }))
  },
}

export async function browserSupportsPasskeys(): Promise<boolean> {
  return (await load()).browserSupportsWebAuthn()
}

export async function browserSupportsPasskeyAutofill(): Promise<boolean> {
  return (await load()).browserSupportsWebAuthnAutofill()
}
