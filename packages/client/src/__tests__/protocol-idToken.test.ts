import { generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'

import { logInThroughHostedPage, redirectUri, rejectedIdToken as rejected } from './protocolFlow.js'
import { BOB_ID, startEmulator } from './testEmulator.js'

/** Tokens signed with the emulator's own key, so that only the claim under test is wrong. */
async function setup() {
  const started = await startEmulator()
  const { info, emulator } = started
  const signing = emulator.store.table<{ signing: { kid: string; privateJwk: JWK } }>('keys').get('current')?.signing
  if (!signing) throw new Error('no signing key')
  const key = await importJWK(signing.privateJwk, 'RS256')
  const now = Math.floor(Date.now() / 1000)
  const claims = (overrides: JWTPayload = {}): JWTPayload => ({
    sub: BOB_ID,
    iss: `${info.appHost}/oidc`,
    aud: info.appId,
    iat: now,
    exp: now + 600,
    nonce: 'n-1',
    ...overrides,
  })
  const sign = (overrides: JWTPayload = {}) =>
    new SignJWT(claims(overrides)).setProtectedHeader({ alg: 'RS256', kid: signing.kid }).sign(key)
  return { ...started, claims, sign, now }
}

describe('id_token verification', () => {
  it('accepts a well-formed token signed with a key of the JWKS, within the 60 s leeway', async () => {
    const { client, sign, now } = await setup()
    await expect(client().verifyIdToken(await sign({ exp: now - 30 }), { nonce: 'n-1' })).resolves.toMatchObject({
      sub: BOB_ID,
    })
  })

  it('rejects a wrong issuer', async () => {
    const { client, sign } = await setup()
    await expect(client().verifyIdToken(await sign({ iss: 'https://evil.example/oidc' }))).rejects.toMatchObject(
      rejected('iss'),
    )
  })

  it('rejects another audience', async () => {
    const { client, sign } = await setup()
    await expect(client().verifyIdToken(await sign({ aud: 'another-app' }))).rejects.toMatchObject(rejected('aud'))
  })

  it('rejects another nonce', async () => {
    const { client, sign } = await setup()
    await expect(client().verifyIdToken(await sign(), { nonce: 'n-2' })).rejects.toMatchObject(rejected('nonce'))
  })

  it('rejects an expired token (past the leeway) and one issued in the future', async () => {
    const { client, sign, now } = await setup()
    await expect(client().verifyIdToken(await sign({ exp: now - 120 }))).rejects.toMatchObject(rejected('exp'))
    await expect(client().verifyIdToken(await sign({ iat: now + 600, exp: now + 1200 }))).rejects.toMatchObject(
      rejected('iat'),
    )
  })

  it('rejects alg none', async () => {
    const { client, claims } = await setup()
    const encode = (value: unknown) =>
      btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims())}.`
    await expect(client().verifyIdToken(unsigned)).rejects.toMatchObject(rejected('alg'))
  })

  it('rejects a key the app does not publish (unknown kid), and a forged signature under a known kid', async () => {
    const { client, claims, emulator } = await setup()
    const { privateKey } = await generateKeyPair('RS256')
    const unknown = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', kid: 'not-a-published-kid' })
      .sign(privateKey)
    await expect(client().verifyIdToken(unknown)).rejects.toMatchObject(rejected('kid'))
    const kid = emulator.store.table<{ signing: { kid: string } }>('keys').get('current')?.signing.kid ?? ''
    const forged = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey)
    await expect(client().verifyIdToken(forged)).rejects.toMatchObject(rejected('signature'))
  })

  it('rejects an id_token from the code exchange whose nonce is not the authorize request’s', async () => {
    const { client, emulator, info } = await setup()
    const authing = client({ redirectUri, secret: info.appSecret })
    const { callback } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl({ nonce: 'sent' }))
    await expect(
      authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '', { nonce: 'expected' }),
    ).rejects.toMatchObject(rejected('nonce'))
  })

  it('rejects tokens of an issuer other than the client’s appHost in a code exchange', async () => {
    const { client, emulator, info } = await setup()
    const authing = client({ redirectUri, secret: info.appSecret, appHost: 'http://localhost:5556' })
    const { callback } = await logInThroughHostedPage(
      emulator,
      authing.buildAuthorizeUrl().replace('http://localhost:5556', info.appHost),
    )
    await expect(authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '')).rejects.toMatchObject(
      rejected('iss'),
    )
  })

  describe('HS256 (app option idTokenSigningAlg)', () => {
    const seed = {
      applications: [{ id: 'hs-app', secret: 'hs-secret', idTokenSigningAlg: 'HS256' as const }],
      users: [{ username: 'bob', password: 'passw0rd' }],
    }

    it('is verified with the app secret on a server, and a wrong secret is refused', async () => {
      const { client, emulator } = await startEmulator({ seed })
      const authing = client({ redirectUri, secret: 'hs-secret', idTokenSigningAlg: 'HS256' })
      const { callback } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl({ nonce: 'n' }))
      const tokens = await authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '', { nonce: 'n' })
      await expect(authing.verifyIdToken(tokens.id_token ?? '')).resolves.toMatchObject({ aud: 'hs-app' })
      const wrongSecret = client({ secret: 'wrong', idTokenSigningAlg: 'HS256' })
      await expect(wrongSecret.verifyIdToken(tokens.id_token ?? '')).rejects.toMatchObject(rejected('signature'))
    })

    it("serves as the user's token for Authing's API, as an RS256 one does; a forged one does not", async () => {
      const { client, emulator } = await startEmulator({ seed })
      const authing = client({ redirectUri, secret: 'hs-secret', idTokenSigningAlg: 'HS256' })
      const { callback } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl())
      const { id_token: idToken = '' } = await authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '')
      authing.setToken(idToken)
      await expect(authing.getCurrentUser()).resolves.toMatchObject({ username: 'bob' })
      const [header, payload] = idToken.split('.')
      const forged = client({ redirectUri })
      forged.setToken(`${header}.${payload}.${'A'.repeat(43)}`)
      await expect(forged.getCurrentUser()).resolves.toBeNull()
    })
  })
})
