/** Shared by the OIDC/OAuth/CAS engine tests: the hosted login driven through `emulator.fetch`, cookies by hand. */
import { createHash, randomBytes } from 'node:crypto'

import { createEmulator, type EmulatorOptions } from '../index.js'

export const base = 'http://127.0.0.1:5556'
export const redirectUri = 'http://localhost:3000/callback'

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export async function setupOidc(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ passwordIterations: 1000, ...options })
  await emulator.ready()
  const info = emulator.info()

  const get = (path: string, cookie?: string) =>
    emulator.fetch(new Request(`${base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' }))

  const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    emulator.fetch(
      new Request(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      }),
    )

  const authorizeQuery = (overrides: Record<string, string | undefined> = {}): Record<string, string> => {
    const query: Record<string, string | undefined> = {
      client_id: info.appId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile email phone offline_access',
      state: 'state-123',
      nonce: 'nonce-456',
      ...overrides,
    }
    return Object.fromEntries(
      Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
    )
  }

  /** The login page's form, filled and posted, as a browser would after GET /oidc/auth. */
  const logIn = (query: Record<string, string>, username = 'bob', password = 'passw0rd', path = '/oidc/auth') =>
    postForm(path, { ...query, username, password }, { origin: base })

  /** Answers the code (and the session cookie) of a successful login. */
  const authorizationCode = async (overrides: Record<string, string | undefined> = {}, path = '/oidc/auth') => {
    const res = await logIn(authorizeQuery(overrides), 'bob', 'passw0rd', path)
    if (res.status !== 303) throw new Error(`login failed: ${res.status} ${await res.text()}`)
    const location = new URL(res.headers.get('location') ?? '')
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    return { code: location.searchParams.get('code') ?? '', location, cookie }
  }

  const token = async (fields: Record<string, string>, headers: Record<string, string> = {}, path = '/oidc/token') => {
    const res = await postForm(path, fields, headers)
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as any }
  }

  return { emulator, info, get, postForm, authorizeQuery, logIn, authorizationCode, token }
}

/** `setupOidc` plus bob's tokens from a code exchange by the app (with its secret), and what made them. */
export async function withTokens(options: EmulatorOptions = {}) {
  const oidc = await setupOidc(options)
  const { code, cookie } = await oidc.authorizationCode()
  const auth = { client_id: oidc.info.appId, client_secret: oidc.info.appSecret }
  const { body: tokens } = await oidc.token({
    ...auth,
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
  })
  return { ...oidc, auth, code, tokens, cookie }
}

export function query(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}
