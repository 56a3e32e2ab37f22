/**
 * The login transactions of `loginWithRedirect`, kept in this tab's sessionStorage across the trip
 * to the hosted login page: one entry per `state` (per app), removed when its callback is handled.
 * Only the last handled `state` stays behind (no secret: the code it came with is spent), so that
 * reloading the callback URL is recognised as such rather than reported as a forged callback.
 */
import { AuthingError } from '@authing-kit/client'

/** What the page the user comes back to gets: `returnTo` (a same-origin path) and the app's own data. */
export interface RedirectAppState {
  returnTo: string
  [key: string]: unknown
}

export interface RedirectTransaction {
  codeVerifier: string
  nonce: string
  redirectUri: string
  appState: RedirectAppState
}

const transactionKey = (appId: string, state: string) => `authing-kit:${appId}:oidc:${state}`
const handledKey = (appId: string) => `authing-kit:${appId}:oidc:handled`

export function saveTransaction(appId: string, state: string, transaction: RedirectTransaction): void {
  const storage = sessionStorageOrNull()
  if (!storage)
    throw new AuthingError('config', 'loginWithRedirect needs sessionStorage (a browser page that allows site data)')
  storage.setItem(transactionKey(appId, state), JSON.stringify(transaction))
}

/** The transaction of `state`, removed so that its code is exchanged once; null when there is none. */
export function takeTransaction(appId: string, state: string): RedirectTransaction | null {
  const storage = sessionStorageOrNull()
  const raw = storage?.getItem(transactionKey(appId, state)) ?? null
  storage?.removeItem(transactionKey(appId, state))
  if (raw === null) return null
  try {
    const transaction = JSON.parse(raw) as RedirectTransaction
    return typeof transaction.codeVerifier === 'string' && typeof transaction.appState?.returnTo === 'string'
      ? transaction
      : null
  } catch {
    return null
  }
}

export function markHandled(appId: string, state: string): void {
  sessionStorageOrNull()?.setItem(handledKey(appId), state)
}

export function wasHandled(appId: string, state: string): boolean {
  return sessionStorageOrNull()?.getItem(handledKey(appId)) === state
}

// Blocked site data: no transaction can be kept or found.
function sessionStorageOrNull(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : (window.sessionStorage ?? null)
  } catch {
    return null
  }
}
