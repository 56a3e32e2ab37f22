import { decodeJwt, SignJWT } from 'jose'
import { describe, expect, it, vi } from 'vitest'

import { AuthenticationClient, AuthingError, createMemoryStore, type TokenStore } from '../index.js'
import { ManagementClient } from '../management.js'
import { editToken } from './editToken.js'
import { logInThroughHostedPage, redirectUri, rejectedIdToken as rejected } from './protocolFlow.js'
import { startEmulator } from './testEmulator.js'

const catchError = (make: () => unknown): unknown => {
  try {
    make()
  } catch (error) {
    return error
  }
  return null
}

describe('security 23: plain http only on this machine, unless asked for', () => {
  const lan = 'http://10.0.0.5:5556'

  it('security 23: a non-loopback http appHost is refused with a config error that says how to opt in', () => {
    for (const appHost of [lan, 'http://auth.internal', 'http://[fe80::1]:8080', 'http://127.0.0.1.evil.example']) {
      const error = catchError(() => new AuthenticationClient({ appId: 'app', appHost }))
      expect(error, appHost).toBeInstanceOf(AuthingError)
      expect((error as AuthingError).code).toBe('config')
      expect((error as AuthingError).message).toMatch(/allowInsecureHttp: true/)
    }
  })

  it('security 23: a ManagementClient host over plain http is refused, naming the pool secret', () => {
    const error = catchError(() => new ManagementClient({ userPoolId: 'pool', secret: 'secret', host: lan }))
    expect(error).toBeInstanceOf(AuthingError)
    expect((error as AuthingError).code).toBe('config')
    expect((error as AuthingError).message).toMatch(/pool secret/)
  })

  it('security 23: loopback and https need no opt-in', () => {
    for (const appHost of [
      'http://127.0.0.1:5556',
      'http://127.8.9.10',
      'http://localhost:5556',
      'http://app.localhost',
      'http://[::1]:5556',
      'https://my-app.authing.cn',
      'https://10.0.0.5',
    ])
      expect(new AuthenticationClient({ appId: 'app', appHost }).appHost, appHost).toBe(appHost)
  })

  it('security 23: with allowInsecureHttp, a private deployment on plain http works end to end', async () => {
    const { client, info, recordingFetch } = await startEmulator({ appHost: lan })
    const authing = client({ appHost: lan, allowInsecureHttp: true })
    expect((await authing.loginByUsername('bob', 'passw0rd')).username).toBe('bob')

    const management = new ManagementClient({
      userPoolId: info.userPoolId,
      secret: info.userPoolSecret,
      host: lan,
      fetch: recordingFetch,
      allowInsecureHttp: true,
    })
    expect((await management.users.list(1, 1)).totalCount).toBeGreaterThan(0)
  })
})

describe('security 22: the bare client restores only what the React provider would', () => {
  it('security 22: a remembered token with no aud, no or another iss, nbf/iat ahead, or a bent alg is dropped', async () => {
    const { info, bob } = await startEmulator()
    const { token = '' } = (await bob()).getSnapshot()
    const dayAhead = Math.floor(Date.now() / 1000) + 86_400
    const restores = (remembered: string) => {
      const tokenStore = createMemoryStore()
      tokenStore.setItem(`authing-kit:${info.appId}:token`, remembered)
      const restored = new AuthenticationClient({ appId: info.appId, appHost: info.appHost, tokenStore })
      return restored.getSnapshot().token === remembered
    }
    expect(restores(token ?? '')).toBe(true)
    for (const changes of [
      { claims: { aud: undefined } },
      { claims: { aud: 'another-app' } },
      { claims: { iss: undefined } },
      { claims: { iss: 'https://evil.example.com/oidc' } },
      { claims: { nbf: dayAhead } },
      { claims: { iat: dayAhead } },
      { header: { alg: 'none ' } },
      { header: { alg: 'none' }, signature: '' },
      { header: { alg: 'rs256' } },
    ])
      expect([changes, restores(editToken(token ?? '', changes))]).toEqual([changes, false])
    expect(restores('opaque-session-token')).toBe(false)
  })
})

describe('security 19: logout reaches the store even after it failed', () => {
  it('security 19: a store that starts refusing writes mid-session holds no token after logout', async () => {
    const { info, recordingFetch } = await startEmulator()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const backing = createMemoryStore()
    let full = false
    // localStorage as a quota error leaves it: writes refused, reads and removals still work.
    const tokenStore: TokenStore = {
      getItem: (key) => backing.getItem(key),
      setItem: (key, value) => {
        if (full) throw new DOMException('Quota exceeded', 'QuotaExceededError')
        backing.setItem(key, value)
      },
      removeItem: (key) => backing.removeItem(key),
    }
    const options = { appId: info.appId, appHost: info.appHost, fetch: recordingFetch, tokenStore }
    const authing = new AuthenticationClient(options)
    await authing.loginByUsername('bob', 'passw0rd')
    const tokenKey = `authing-kit:${info.appId}:token`
    expect(backing.getItem(tokenKey)).not.toBeNull()

    full = true
    await authing.loginByUsername('bob', 'passw0rd')
    expect(authing.getSnapshot().token).not.toBeNull()
    await authing.logout()
    expect(backing.getItem(tokenKey)).toBeNull()
    expect(new AuthenticationClient(options).getSnapshot()).toEqual({ user: null, token: null })
    vi.restoreAllMocks()
  })
})

describe("security 21: an id_token is verified with the app's algorithm, and an access token is not one", () => {
  const hsSeed = {
    applications: [{ id: 'hs-app', secret: 'hs-secret', idTokenSigningAlg: 'HS256' as const }],
    users: [{ username: 'bob', password: 'passw0rd' }],
  }
  /** bob logs in on the hosted page; the client exchanges the code (with PKCE when it has no secret). */
  async function exchange(emulator: Parameters<typeof logInThroughHostedPage>[0], authing: AuthenticationClient) {
    const codeVerifier = authing.generateCodeChallenge()
    const codeChallenge = await authing.getCodeChallengeDigest({ codeChallenge: codeVerifier })
    const { callback } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl({ codeChallenge }))
    return authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '', { codeVerifier })
  }

  it('security 21: an HS256 id_token is refused when the app signs RS256, even straight from the token endpoint', async () => {
    const { client, emulator } = await startEmulator({ seed: hsSeed })
    const pkceOnly = client({ redirectUri, tokenEndPointAuthMethod: 'none' })
    await expect(exchange(emulator, pkceOnly)).rejects.toMatchObject(rejected('alg'))

    const rs256 = await startEmulator()
    const { id_token: idToken = '' } = await exchange(
      rs256.emulator,
      rs256.client({ redirectUri, secret: rs256.info.appSecret }),
    )
    const relabelled = editToken(idToken, { header: { alg: 'HS256' } })
    await expect(rs256.client({ secret: rs256.info.appSecret }).verifyIdToken(relabelled)).rejects.toMatchObject(
      rejected('alg'),
    )
  })

  it('security 21: an app configured HS256 refuses RS256 id_tokens, and verifies HS256 only with the secret', async () => {
    const rs256 = await startEmulator()
    const { id_token: rsToken = '' } = await exchange(
      rs256.emulator,
      rs256.client({ redirectUri, secret: rs256.info.appSecret }),
    )
    const hsClient = rs256.client({ idTokenSigningAlg: 'HS256', secret: rs256.info.appSecret })
    await expect(hsClient.verifyIdToken(rsToken)).rejects.toMatchObject(rejected('alg'))

    const { client, emulator } = await startEmulator({ seed: hsSeed })
    const server = client({ redirectUri, secret: 'hs-secret', idTokenSigningAlg: 'HS256' })
    const { id_token: hsToken = '' } = await exchange(emulator, server)
    await expect(server.verifyIdToken(hsToken)).resolves.toMatchObject({ aud: 'hs-app' })
    const page = client({ redirectUri, tokenEndPointAuthMethod: 'none', idTokenSigningAlg: 'HS256' })
    await expect(exchange(emulator, page)).rejects.toMatchObject(rejected('signature'))
  })

  it('security 21: an access token (typ at+jwt, or client_id / scope claims) or another audience is no id_token', async () => {
    const rs256 = await startEmulator()
    const server = rs256.client({ redirectUri, secret: rs256.info.appSecret })
    const { access_token: accessToken } = await exchange(rs256.emulator, server)
    await expect(server.verifyIdToken(accessToken)).rejects.toMatchObject(rejected('typ'))

    const { client, emulator } = await startEmulator({ seed: hsSeed })
    const hsServer = client({ redirectUri, secret: 'hs-secret', idTokenSigningAlg: 'HS256' })
    const claims = decodeJwt((await exchange(emulator, hsServer)).id_token ?? '')
    const signed = (changes: object) =>
      new SignJWT({ ...claims, ...changes })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode('hs-secret'))
    await expect(hsServer.verifyIdToken(await signed({ client_id: 'hs-app' }))).rejects.toMatchObject(rejected('typ'))
    await expect(hsServer.verifyIdToken(await signed({ scope: 'openid' }))).rejects.toMatchObject(rejected('typ'))
    await expect(hsServer.verifyIdToken(await signed({ aud: 'another-app' }))).rejects.toMatchObject(rejected('aud'))
  })
})
