/**
 * The eager half of the hosted login by redirect: its options, and whether this page is a login
 * callback (known in the first render: the status is `loading` then). The flow (redirectFlow.ts) loads lazily.
 */
import type { AuthorizeUrlOptions } from '@authing-kit/client'

import type { RedirectAppState } from './redirectTransaction.js'

export interface LoginWithRedirectOptions extends Pick<AuthorizeUrlOptions, 'scope' | 'prompt' | 'tenantId'> {
  /** Handed to `onRedirectCallback` when the user comes back (JSON only: it waits in sessionStorage). */
  appState?: Record<string, unknown>
  /** The same-origin path to come back to after the login. Defaults to the current page. */
  returnTo?: string
  /** The callback URL for this login. Defaults to the provider's `redirectUri`. */
  redirectUri?: string
}

export interface LogoutOptions {
  /** Also ends the hosted login's session (OIDC RP-initiated logout): the browser leaves for the hosted logout page. */
  federated?: boolean
  /** Where the hosted logout sends the user back (a registered URL). Defaults to the provider's `redirectUri`, else this origin. */
  returnTo?: string
}

/** The provider's props for the hosted login by redirect. */
export interface RedirectProps {
  /** The callback URL registered for the app (console → Applications → Login callback URL). Defaults to the current page, without query and fragment. */
  redirectUri?: string
  /** Called after a successful callback. Defaults to `history.replaceState` to `appState.returnTo` (the page the login started from). */
  onRedirectCallback?: (appState: RedirectAppState) => void
  /** Leaves `?code=&state=` in this page's URL alone (e.g. another OAuth flow of the app uses it). */
  skipRedirectCallback?: boolean
  /** How the browser is sent to the hosted login and logout pages. Defaults to `window.location.assign`. */
  openUrl?: (url: string) => void | Promise<void>
}

/** A React event: `onClick={logout}` passes one, and it means "no options". */
export interface HandlerEvent {
  nativeEvent: unknown
}

/** The options of a call, or none when the call is an event handler. */
export function optionsOf<T extends object>(value: T | HandlerEvent | undefined): T | undefined {
  return value && 'nativeEvent' in value ? undefined : value
}

/** The query of this page when it is a login callback (`state` with `code` or `error`), else null. */
export function callbackParams(): URLSearchParams | null {
  if (typeof window === 'undefined' || !window.location) return null
  const params = new URLSearchParams(window.location.search)
  return params.has('state') && (params.has('code') || params.has('error')) ? params : null
}
