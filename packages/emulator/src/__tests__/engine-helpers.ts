/** Shared by the engine tests: a ready emulator plus raw-Request helpers, as a client would speak. */
import forge from 'node-forge'

import { createEmulator, type Emulator, type EmulatorOptions } from '../index.js'

export const base = 'http://127.0.0.1:5556'

export const loginByUsernameDoc = /* GraphQL */ `
  mutation loginByUsername($input: LoginByUsernameInput!) {
    loginByUsername(input: $input) { id username email phone password token tokenExpiredAt customData { key value dataType label } }
  }
`

export interface CallOptions {
  token?: string
  lang?: string
  appId?: string | null
  headers?: Record<string, string>
}

/** `emulator`: one another helper made (e.g. `setupOidc`'s), to speak GraphQL and REST to it too. */
export async function setup(
  options: EmulatorOptions = {},
  emulator: Emulator = createEmulator({ passwordIterations: 1000, ...options }),
) {
  await emulator.ready()
  const info = emulator.info()

  const headers = (opts: CallOptions): Record<string, string> => {
    const h: Record<string, string> = { 'content-type': 'application/json', ...opts.headers }
    const appId = opts.appId === undefined ? info.appId : opts.appId
    if (appId) h['x-authing-app-id'] = appId
    if (opts.token) h.authorization = `Bearer ${opts.token}`
    if (opts.lang) h['x-authing-lang'] = opts.lang
    return h
  }

  /** POSTs a GraphQL document; answers the parsed body (and the HTTP status). */
  const gql = async (query: string, variables: Record<string, unknown> = {}, opts: CallOptions = {}) => {
    const res = await emulator.fetch(
      new Request(`${base}/graphql/v2`, {
        method: 'POST',
        headers: headers(opts),
        body: JSON.stringify({ query, variables }),
      }),
    )

    return {
      status: res.status,
      ...((await res.json()) as {
        data?: any
        errors?: { message: { code: number; message: string; data?: unknown } }[]
      }),
    }
  }

  const rest = async (method: string, path: string, body?: unknown, opts: CallOptions = {}) => {
    const init: RequestInit = { method, headers: headers(opts) }
    if (body !== undefined) init.body = JSON.stringify(body)
    const res = await emulator.fetch(new Request(`${base}${path}`, init))

    return { status: res.status, body: (await res.json()) as { code: number; message: string; data?: any } }
  }

  const wellKnown = await rest('GET', '/api/v2/.well-known')
  const publicKeyPem = wellKnown.body.data.publicKey as string
  const publicKey = forge.pki.publicKeyFromPem(publicKeyPem)
  /** What the SDKs do to a password: RSA PKCS#1 v1.5, base64. */
  const encrypt = (plain: string): string =>
    forge.util.encode64(publicKey.encrypt(forge.util.encodeUtf8(plain), 'RSAES-PKCS1-V1_5'))

  const login = (username: string, password: string, opts: CallOptions = {}) =>
    gql(loginByUsernameDoc, { input: { username, password: encrypt(password) } }, opts)

  const loginBob = async (): Promise<string> => {
    const res = await login('bob', 'passw0rd')
    if (!res.data?.loginByUsername?.token) throw new Error(`bob could not log in: ${JSON.stringify(res)}`)
    return res.data.loginByUsername.token as string
  }

  return { emulator, info, gql, rest, encrypt, login, loginBob, publicKeyPem }
}
