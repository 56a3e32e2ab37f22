/** Shared by the protocol tests: the emulator's hosted login page, driven by posting its form (no browser). */
import type { Emulator } from '@authing-kit/emulator'

export const redirectUri = 'http://localhost:3000/callback'

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
