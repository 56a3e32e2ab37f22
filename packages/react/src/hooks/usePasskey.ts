import type {
  AuthingError,
  PasskeyAuthenticator,
  PasskeyCredential,
  PasskeyRegisterOptions,
  User,
} from '@authing-kit/client'
import { useQuery } from '@tanstack/react-query'

import { useAuthingContext } from '../context.js'
import { authingQueryKeys } from '../queryKeys.js'
import { withRememberMe } from '../rememberMe.js'
import { useAuthingQueryClient } from '../useAuthingQueryClient.js'
import { useAuth } from './useAuth.js'
import { useAuthingMutation } from './useAuthingMutation.js'

export interface UsePasskeyLoginOptions {
  /** Offer passkeys in the autofill list of an `<input autocomplete="username webauthn">`. Defaults to false. */
  autofill?: boolean
  /** Remember this login across browser sessions. Defaults to the provider's `rememberMe`. */
  rememberMe?: boolean
  signal?: AbortSignal
  /** Makes and signs the passkey. Defaults to the browser's prompt. */
  authenticator?: PasskeyAuthenticator
}

export interface UsePasskeyResult {
  /** Whether this browser can use passkeys; null until known. */
  isSupported: boolean | null
  /** Logs in with a passkey the user picks; the user becomes the session. */
  login(options?: UsePasskeyLoginOptions): Promise<User>
  /** Registers a passkey for the logged-in user; the list refreshes. */
  register(options?: PasskeyRegisterOptions): Promise<PasskeyCredential>
  /** The logged-in user's passkeys, newest first; undefined while loading or logged out. */
  passkeys: PasskeyCredential[] | undefined
  /** Removes one of the user's passkeys; the list refreshes. */
  remove(credentialId: string): Promise<void>
  /** Whether a login, registration or removal is under way. */
  isPending: boolean
  /** The last call's failure (`passkey_cancelled`, `passkey_unsupported`, the server's code…), else the list's. */
  error: AuthingError | null
}

type Action =
  | { kind: 'login'; options: UsePasskeyLoginOptions }
  | { kind: 'register'; options: PasskeyRegisterOptions }
  | { kind: 'remove'; credentialId: string }

/**
 * Passkeys (WebAuthn): log in with one, and the logged-in user's own (list, register, remove).
 *
 * @example
 * const passkey = usePasskey()
 * if (passkey.isSupported) return <button onClick={() => passkey.login().catch(() => {})}>Log in with a passkey</button>
 */
export function usePasskey(): UsePasskeyResult {
  const { runtime, rememberMe } = useAuthingContext('usePasskey')
  const { client } = runtime
  const queryClient = useAuthingQueryClient('usePasskey')
  const userId = useAuth((auth) => auth.user?.id ?? null)
  const supported = useQuery<boolean, AuthingError>(
    { queryKey: authingQueryKeys.passkeySupport, queryFn: () => client.passkey.isSupported() },
    queryClient,
  )
  const list = useQuery<PasskeyCredential[], AuthingError>(
    { queryKey: authingQueryKeys.passkeys(userId), queryFn: () => client.passkey.list(), enabled: userId !== null },
    queryClient,
  )
  const { run, isPending, error } = useAuthingMutation<Action, unknown>('usePasskey', async (current, action) => {
    if (action.kind === 'login') {
      const { rememberMe: remember = rememberMe, ...options } = action.options
      return withRememberMe(current.router, remember, () => current.client.passkey.login(options))
    }
    const done =
      action.kind === 'register'
        ? await current.client.passkey.register(action.options)
        : await current.client.passkey.remove(action.credentialId)
    await queryClient.invalidateQueries({ queryKey: authingQueryKeys.passkeys(userId) })
    return done
  })
  return {
    isSupported: supported.data ?? null,
    login: (options = {}) => run({ kind: 'login', options }) as Promise<User>,
    register: (options = {}) => run({ kind: 'register', options }) as Promise<PasskeyCredential>,
    passkeys: list.data,
    remove: (credentialId) => run({ kind: 'remove', credentialId }) as Promise<void>,
    isPending,
    error: error ?? list.error,
  }
}
