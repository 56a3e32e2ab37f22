/** Shared by the protocol tests: the emulator's hosted login page, driven by posting its form (no browser). */
import type { Emulator, EmulatorOptions } from '@authing-kit/emulator'

import { AuthenticationClient } from '../authenticationClient.js'
import { createMemoryStore } from '../index.js'
import { startEmulator } from './testEmulator.js'

export const redirectUri = 'http://localhost:3000/callback'

/** What `verifyIdToken` (or a code exchange) rejects with, for `toMatchObject`. */
export const rejectedIdToken = (reason: string) => ({
  name: 'AuthingError',
  code: 'invalid_id_token',
  data: { reason },
})
export const casService = 'http://localhost:3000/cas/callback'

/**
 * Opens `authorizeUrl`, posts the login form as a browser would, and answers the callback URL the
 * emulator redirects to (with `code` and `state`, or `ticket` for CAS) and the session cookie.
 */
export async function logInThroughHostedPage(
  emulator: Emulator,
  authorizeUrl: string,
  username = 'bob',
  password = 'passw0rd',
) {
  const url = new URL(authorizeUrl)
  const page = await emulator.fetch(new Request(url, { redirect: 'manual' }))
  if (page.status !== 200) throw new Error(`the login page answered ${page.status}: ${await page.text()}`)
  const fields = new URLSearchParams(url.searchParams)
  fields.set('username', username)
  fields.set('password', password)
  const posted = await emulator.fetch(
    new Request(`${url.origin}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin },
      body: fields.toString(),
      redirect: 'manual',
    }),
  )
  if (posted.status !== 303) throw new Error(`the login form answered ${posted.status}: ${await posted.text()}`)
  return {
    callback: new URL(posted.headers.get('location') ?? ''),
    cookie: (posted.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  }
}

/** An emulator and a CAS client on it; `ticket()` logs `username` in on the hosted page and answers the service ticket. */
export async function startCasClient(options: EmulatorOptions = {}) {
  const started = await startEmulator(options)
  const { info, emulator } = started
  const authing = new AuthenticationClient({
    appId: info.appId,
    appHost: info.appHost,
    fetch: emulator.fetch,
    tokenStore: createMemoryStore(),
    protocol: 'cas',
  })
  const ticket = async (username = 'bob') => {
    const { callback } = await logInThroughHostedPage(
      emulator,
      authing.buildAuthorizeUrl({ service: casService }),
      username,
    )
    return callback.searchParams.get('ticket') ?? ''
  }
  return { ...started, authing, ticket }
}
