import { describe, expect, it } from 'vitest'

import { logInThroughHostedPage, redirectUri } from './protocolFlow.js'
import { BOB_ID, startEmulator } from './testEmulator.js'

/** A server-side client of the default app, with tokens from a hosted login (offline_access: a refresh token too). */
async function loggedIn(options: Parameters<Awaited<ReturnType<typeof startEmulator>>['client']>[0] = {}) {
  const started = await startEmulator()
  const authing = started.client({ redirectUri, secret: started.info.appSecret, ...options })
  const { callback } = await logInThroughHostedPage(
    started.emulator,
    authing.buildAuthorizeUrl({ scope: 'openid profile email offline_access' }),
  )
  const tokens = await authing.getAccessTokenByCode(callback.searchParams.get('code') ?? '')
  return { ...started, authing, tokens }
}

describe('OIDC tokens after the hosted login', () => {
  it('refreshes with a rotated refresh token: the old one is then refused', async () => {
    const { authing, tokens } = await loggedIn()
    const refreshed = await authing.getNewAccessTokenByRefreshToken(tokens.refresh_token ?? '')
    expect(refreshed.access_token).not.toBe(tokens.access_token)
    expect(refreshed.refresh_token).toEqual(expect.any(String))
    await expect(authing.getNewAccessTokenByRefreshToken(tokens.refresh_token ?? '')).rejects.toMatchObject({
      code: 'invalid_grant',
      status: 400,
    })
  })

  it('answers userinfo limited to the granted scope, with the token in the header, query or body', async () => {
    const { authing, tokens } = await loggedIn()
    for (const place of [
      {},
      { tokenPlace: 'query' as const },
      { method: 'POST' as const, tokenPlace: 'body' as const },
    ]) {
      const info = await authing.getUserInfoByAccessToken(tokens.access_token, place)
      expect(info).toMatchObject({ sub: BOB_ID, email: 'bob@example.com', nickname: 'Bob' })
      expect(info).not.toHaveProperty('phone_number')
    }
    await expect(authing.getUserInfoByAccessToken('not-a-token')).rejects.toMatchObject({
      code: 'invalid_token',
      status: 401,
    })
  })

  it('introspects access and refresh tokens, and revocation makes them inactive', async () => {
    const { authing, tokens, info } = await loggedIn()
    expect(await authing.introspectToken(tokens.access_token)).toMatchObject({
      active: true,
      sub: BOB_ID,
      client_id: info.appId,
      token_type: 'Bearer',
    })
    expect(await authing.introspectToken(tokens.refresh_token ?? '')).toMatchObject({ active: true, sub: BOB_ID })
    expect(await authing.revokeToken(tokens.access_token)).toBe(true)
    expect(await authing.revokeToken(tokens.refresh_token ?? '')).toBe(true)
    expect(await authing.introspectToken(tokens.access_token)).toEqual({ active: false })
    expect(await authing.introspectToken(tokens.refresh_token ?? '')).toEqual({ active: false })
    await expect(authing.getUserInfoByAccessToken(tokens.access_token)).rejects.toMatchObject({ code: 'invalid_token' })
  })

  it('introspects and revokes with client_secret_basic too; a wrong secret is invalid_client', async () => {
    const { client, tokens, info } = await loggedIn()
    const basic = client({
      secret: info.appSecret,
      introspectionEndPointAuthMethod: 'client_secret_basic',
      revocationEndPointAuthMethod: 'client_secret_basic',
    })
    expect(await basic.introspectToken(tokens.access_token)).toMatchObject({ active: true })
    await expect(client({ secret: 'wrong' }).introspectToken(tokens.access_token)).rejects.toMatchObject({
      code: 'invalid_client',
      status: 401,
    })
    await basic.revokeToken(tokens.access_token)
    expect(await basic.introspectToken(tokens.access_token)).toEqual({ active: false })
  })

  it("validates id_tokens and access tokens online; an invalid one rejects with the body's 400", async () => {
    const { authing, tokens } = await loggedIn()
    expect(await authing.validateToken({ idToken: tokens.id_token ?? '' })).toMatchObject({ sub: BOB_ID })
    expect(await authing.validateToken({ accessToken: tokens.access_token })).toMatchObject({
      sub: BOB_ID,
      scope: tokens.scope,
    })
    await expect(authing.validateToken({ idToken: tokens.access_token })).rejects.toMatchObject({
      code: 400,
      message: expect.stringContaining('id_token'),
    })
    await expect(authing.validateToken({} as { idToken: string })).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('issues a client_credentials token with the app id and secret, and refuses a wrong secret', async () => {
    const { client, info } = await startEmulator()
    const tokens = await client({ secret: info.appSecret }).getAccessTokenByClientCredentials('read:books')
    expect(tokens).toMatchObject({ scope: 'read:books', token_type: 'Bearer' })
    expect(tokens.id_token).toBeUndefined()
    const wrong = client().getAccessTokenByClientCredentials('read:books', {
      accessKey: info.appId,
      accessSecret: 'wrong',
    })
    await expect(wrong).rejects.toMatchObject({ code: 'invalid_client', status: 401 })
  })

  it('builds logout URLs; the OIDC end-session one logs the browser out of the hosted login', async () => {
    const { authing, tokens, info, emulator } = await loggedIn()
    expect(authing.buildLogoutUrl()).toBe(`${info.appHost}/login/profile/logout`)
    expect(() => authing.buildLogoutUrl({ expert: true, redirectUri })).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }),
    )
    const url = authing.buildLogoutUrl({ expert: true, redirectUri, idToken: tokens.id_token ?? '' })
    expect(url).toBe(
      `${info.appHost}/oidc/session/end?id_token_hint=${tokens.id_token}&post_logout_redirect_uri=${encodeURIComponent(redirectUri)}`,
    )
    const res = await emulator.fetch(new Request(url, { redirect: 'manual' }))
    expect(res.headers.get('location')).toBe(redirectUri)
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/)
  })
})
