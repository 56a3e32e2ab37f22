/**
 * Hosted login by redirect (OIDC authorization code + PKCE): the trip out (`startRedirectLogin`)
 * and the way back (`handleRedirectCallback`), and the hosted logout. Loaded on first use, so an app that never
 * redirects does not carry it.
 */
import { type AuthenticationClient, AuthingError, type AuthingErrorCode, isAuthingError } from '@authing-kit/client'

import type { LoginWithRedirectOptions, RedirectProps } from './redirectOptions.js'
import {
  markHandled,
  type RedirectAppState,
  saveTransaction,
  takeTransaction,
  wasHandled,
} from './redirectTransaction.js'
import { currentPath, isSameOriginPath } from './returnTo.js'
import type { AuthStore } from './store.js'

export interface RedirectContext {
  client: AuthenticationClient
  appId: string
  /** The provider's redirect props. */
  props: RedirectProps
}

export async function startRedirectLogin(context: RedirectContext, options: LoginWithRedirectOptions): Promise<void> {
  const { client, appId } = context
  const { appState, returnTo, redirectUri = context.props.redirectUri ?? currentPageUri(), ...authorize } = options
  const codeVerifier = client.generateCodeChallenge()
  const codeChallenge = await client.getCodeChallengeDigest({ codeChallenge: codeVerifier, method: 'S256' })
  const state = randomToken()
  const nonce = randomToken()
  const url = client.buildAuthorizeUrl({
    ...authorize,
    state,
    nonce,
    codeChallenge,
    codeChallengeMethod: 'S256',
    redirectUri,
  })
  const back = returnTo !== undefined && isSameOriginPath(returnTo) ? returnTo : (currentPath() ?? '/')
  saveTransaction(appId, state, { codeVerifier, nonce, redirectUri, appState: { ...appState, returnTo: back } })
  await openUrl(context, url)
}

/** Sends the browser to the hosted logout (OIDC RP-initiated), back to `returnTo` when given an id_token. */
export async function startFederatedLogout(
  context: RedirectContext,
  idToken: string | null,
  returnTo: string | undefined,
): Promise<void> {
  const redirectUri = returnTo ?? context.props.redirectUri ?? window.location.origin
  await openUrl(
    context,
    context.client.buildLogoutUrl(idToken ? { expert: true, idToken, redirectUri } : { expert: true }),
  )
}

/**
 * Handles the callback this page is, for a provider: its store shows `loading` until the session
 * (or the failure) is known; then `onRedirectCallback` runs, or the callback's parameters are
 * taken out of the URL so that a reload does not bring them back.
 */
export async function handleRedirectCallback(
  context: RedirectContext,
  params: URLSearchParams,
  store: AuthStore,
): Promise<void> {
  try {
    const appState = await completeRedirectCallback(context, params)
    store.endCallback(null)
    if (appState) (context.props.onRedirectCallback ?? defaultOnRedirectCallback)(appState)
    else removeCallbackParams()
  } catch (error) {
    store.endCallback(
      isAuthingError(error) ? error : new AuthingError('unexpected', 'The login callback failed', { cause: error }),
    )
    removeCallbackParams()
  }
}

/** Code exchanges under way in this page, by app and state: every provider that sees the callback shares one. */
const exchanges = new Map<string, Promise<{ idToken: string; appState: RedirectAppState }>>()

/**
 * Handles `?code=&state=` (or `?error=&state=`): exchanges the code once, makes the id_token the
 * client's session and fetches its user. Answers the transaction's app state, or null for a reload
 * of a callback already handled (nothing to do). A state that matches no transaction is
 * `invalid_state`; an error sent back by the hosted login keeps its OAuth code.
 */
async function completeRedirectCallback(
  context: RedirectContext,
  params: URLSearchParams,
): Promise<RedirectAppState | null> {
  const { client, appId } = context
  const state = params.get('state') ?? ''
  const key = `${appId}:${state}`
  let exchange = exchanges.get(key)
  if (!exchange) {
    const transaction = takeTransaction(appId, state)
    const error = params.get('error')
    if (error !== null) {
      throw redirectError(error, params.get('error_description') ?? `The hosted login answered ${error}`, {
        data: Object.fromEntries(params),
      })
    }
    if (!transaction) {
      if (wasHandled(appId, state)) return null
      throw redirectError(
        'invalid_state',
        'The login callback matches no login started in this tab (a forged or stale callback): no session was created',
      )
    }
    const { codeVerifier, nonce, redirectUri, appState } = transaction
    exchange = client
      .getAccessTokenByCode(params.get('code') ?? '', { codeVerifier, nonce, redirectUri })
      .then((tokens) => {
        if (typeof tokens.id_token !== 'string')
          throw new AuthingError(
            'bad_response',
            'The token endpoint answered no id_token (the authorize request needs the openid scope)',
          )
        markHandled(appId, state)
        return { idToken: tokens.id_token, appState }
      })
    exchanges.set(key, exchange)
    const settled = () => void exchanges.delete(key)
    exchange.then(settled, settled)
  }
  const { idToken, appState } = await exchange
  client.setToken(idToken)
  if (!(await client.getCurrentUser()))
    throw new AuthingError(2020, 'The server did not accept the id_token of the hosted login as a session')
  return appState
}

/** An error of the redirect flow: `invalid_state`, or the OAuth error string the hosted login sent. */
function redirectError(code: string, message: string, options?: { data: unknown }): AuthingError {
  // TODO(client): drop the cast once ClientErrorCode has 'invalid_state' (asked in for-client.md).
  return new AuthingError(code as AuthingErrorCode, message, options)
}

/** The default redirect_uri: this page, without its query and fragment. */
function currentPageUri(): string {
  return `${window.location.origin}${window.location.pathname}`
}

function randomToken(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('')
}

function openUrl(context: RedirectContext, url: string): void | Promise<void> {
  return context.props.openUrl ? context.props.openUrl(url) : window.location.assign(url)
}

function defaultOnRedirectCallback(appState: RedirectAppState): void {
  // The transaction sat in sessionStorage, which any script of the origin can write: checked again here.
  window.history.replaceState(window.history.state, '', isSameOriginPath(appState.returnTo) ? appState.returnTo : '/')
}

function removeCallbackParams(): void {
  const url = new URL(window.location.href)
  for (const name of ['code', 'state', 'error', 'error_description', 'error_uri', 'session_state', 'iss'])
    url.searchParams.delete(name)
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
}
