import { describe, expect, it } from 'vitest'

import { AuthenticationClient } from '../authenticationClient.js'
import { createMemoryStore } from '../index.js'
import { logInThroughHostedPage, redirectUri } from './protocolFlow.js'
import { BOB_ID, startEmulator } from './testEmulator.js'

describe('OIDC hosted login with PKCE (browser-style public client)', () => {
  it('builds the authorize URL, logs in on the hosted page, and exchanges the code with the verifier only', async () => {
    const { emulator, client, info, requests } = await startEmulator()
    const authing = client({ redirectUri, tokenEndPointAuthMethod: 'none' })
    const verifier = authing.generateCodeChallenge()
    expect(verifier).toMatch(/^[A-Za-z0-9]{43}$/)
    const challenge = await authing.getCodeChallengeDigest({ codeChallenge: verifier, method: 'S256' })
    const url = new URL(authing.buildAuthorizeUrl({ codeChallenge: challenge, state: 'st', nonce: 'n-1' }))
    expect(`${url.origin}${url.pathname}`).toBe(`${info.appHost}/oidc/auth`)
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: info.appId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile email phone address',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'st',
      nonce: 'n-1',
    })

    const { callback } = await logInThroughHostedPage(emulator, url.href)
    expect(callback.searchParams.get('state')).toBe('st')
    const tokens = await authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '', {
      codeVerifier: verifier,
      nonce: 'n-1',
    })
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      access_token: expect.any(String),
      id_token: expect.any(String),
    })

    const tokenRequest = requests.find((r) => r.url.endsWith('/oidc/token'))
    const body = new URLSearchParams(tokenRequest?.body)
    expect(Object.fromEntries(body)).toEqual({
      client_id: info.appId,
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code'),
      redirect_uri: redirectUri,
      code_verifier: verifier,
    })
    expect(tokenRequest?.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(tokenRequest?.headers.get('x-authing-app-id')).toBeNull()
    expect(await authing.verifyIdToken(tokens.id_token ?? '', { nonce: 'n-1' })).toMatchObject({
      sub: BOB_ID,
      aud: info.appId,
    })
  })

  it('maps a reused code to AuthingError invalid_grant with the HTTP status', async () => {
    const { emulator, client, info } = await startEmulator()
    const authing = client({ redirectUri, secret: info.appSecret })
    const { callback } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl())
    const code = callback.searchParams.get('code') ?? ''
    await authing.getAccessTokenByCode(code)
    await expect(authing.getAccessTokenByCode(code)).rejects.toMatchObject({
      name: 'AuthingError',
      code: 'invalid_grant',
      status: 400,
    })
  })

  it('maps a wrong code_verifier to invalid_grant, and onError hears the OAuth code', async () => {
    const { emulator, client } = await startEmulator()
    const heard: unknown[] = []
    const authing = client({ redirectUri, tokenEndPointAuthMethod: 'none', onError: (code) => heard.push(code) })
    const challenge = await authing.getCodeChallengeDigest({ codeChallenge: authing.generateCodeChallenge() })
    const { callback } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl({ codeChallenge: challenge }))
    const wrong = authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '', {
      codeVerifier: authing.generateCodeChallenge(),
    })
    await expect(wrong).rejects.toMatchObject({ code: 'invalid_grant', status: 400 })
    expect(heard).toEqual(['invalid_grant'])
  })

  it('maps a wrong secret to invalid_client (401), by client_secret_post and client_secret_basic', async () => {
    const { emulator, client } = await startEmulator()
    for (const method of ['client_secret_post', 'client_secret_basic'] as const) {
      const authing = client({ redirectUri, secret: 'not-the-secret', tokenEndPointAuthMethod: method })
      const { callback } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl())
      await expect(authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '')).rejects.toMatchObject({
        code: 'invalid_client',
        status: 401,
      })
    }
  })

  it('authenticates with client_secret_basic (Authorization header, nothing in the body)', async () => {
    const { emulator, client, info, requests } = await startEmulator()
    const authing = client({ redirectUri, secret: info.appSecret, tokenEndPointAuthMethod: 'client_secret_basic' })
    const { callback } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl())
    await authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '')
    const sent = requests.find((r) => r.url.endsWith('/oidc/token'))
    expect(sent?.headers.get('authorization')).toBe(`Basic ${btoa(`${info.appId}:${info.appSecret}`)}`)
    expect(new URLSearchParams(sent?.body).has('client_secret')).toBe(false)
  })

  it('says what is missing when a secret-based method has no secret', async () => {
    const { client } = await startEmulator()
    await expect(client({ redirectUri }).getAccessTokenByCode('code')).rejects.toMatchObject({
      code: 'config',
      message: expect.stringMatching(/secret/),
    })
  })

  it('skips the login page on the second authorize of a browser with a session', async () => {
    const { emulator, client } = await startEmulator()
    const authing = client({ redirectUri })
    const { cookie } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl())
    const again = await emulator.fetch(
      new Request(authing.buildAuthorizeUrl(), { headers: { cookie }, redirect: 'manual' }),
    )
    expect(again.status).toBe(302)
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy()
  })

  it('uses the /oauth endpoints with protocol oauth (default scope user, no nonce, no id_token)', async () => {
    const { emulator, info } = await startEmulator()
    const authing = new AuthenticationClient({
      appId: info.appId,
      appHost: info.appHost,
      fetch: emulator.fetch,
      tokenStore: createMemoryStore(),
      protocol: 'oauth',
      redirectUri,
      secret: info.appSecret,
    })
    const url = new URL(authing.buildAuthorizeUrl())
    expect(url.pathname).toBe('/oauth/auth')
    expect(url.searchParams.get('scope')).toBe('user')
    expect(url.searchParams.has('nonce')).toBe(false)
    const { callback } = await logInThroughHostedPage(emulator, url.href)
    const tokens = await authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '')
    expect(tokens.id_token).toBeUndefined()
    expect(await authing.getUserInfoByAccessToken(tokens.access_token)).toEqual({ sub: BOB_ID })
  })
})
