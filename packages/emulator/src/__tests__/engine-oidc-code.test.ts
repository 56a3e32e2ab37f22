import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'

import { base, pkcePair, query, redirectUri, setupOidc } from './engine-oidc-helpers.js'

describe('OIDC authorization code flow with PKCE', () => {
  it('shows an escaped login page with a strict CSP, and no session cookie yet', async () => {
    const { get, authorizeQuery } = await setupOidc()
    const res = await get(`/oidc/auth?${query(authorizeQuery({ state: '"><script>alert(1)</script>' }))}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toMatch(
      /default-src 'none'.*form-action 'self' http:\/\/localhost:3000.*frame-ancestors 'none'/,
    )
    expect(res.headers.get('set-cookie')).toBeNull()
    const page = await res.text()
    expect(page).toContain('<form method="post" action="/oidc/auth">')
    expect(page).not.toContain('<script>')
    expect(page).toContain('&#34;&#62;&#60;script&#62;')
  })

  it('logs in through the form, redirects with code and state, and exchanges the code for verified tokens', async () => {
    const { logIn, authorizeQuery, token, get, info } = await setupOidc()
    const { verifier, challenge } = pkcePair()
    const res = await logIn(authorizeQuery({ code_challenge: challenge, code_challenge_method: 'S256' }))
    expect(res.status).toBe(303)
    const location = new URL(res.headers.get('location') ?? '')
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri)
    expect(location.searchParams.get('state')).toBe('state-123')
    expect(res.headers.get('set-cookie')).toMatch(
      /^authing_emulator_session=[0-9a-f]{64}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    )

    const exchanged = await token({
      grant_type: 'authorization_code',
      code: location.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      client_id: info.appId,
      code_verifier: verifier,
    })
    expect(exchanged.status).toBe(200)
    expect(exchanged.headers.get('cache-control')).toBe('no-store')
    expect(exchanged.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'openid profile email phone offline_access',
    })
    expect(exchanged.body.refresh_token).toEqual(expect.any(String))

    const jwks = createLocalJWKSet(await (await get('/oidc/.well-known/jwks.json')).json())
    const { payload, protectedHeader } = await jwtVerify(exchanged.body.id_token, jwks, {
      issuer: `${base}/oidc`,
      audience: info.appId,
    })
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) })
    expect(payload).toMatchObject({
      sub: '62a0f0a9c6b1c2a3d4e5f603',
      nonce: 'nonce-456',
      email: 'bob@example.com',
      at_hash: expect.any(String),
    })
    const access = await jwtVerify(exchanged.body.access_token, jwks, { issuer: `${base}/oidc`, audience: info.appId })
    expect(access.payload).toMatchObject({
      client_id: info.appId,
      sub: '62a0f0a9c6b1c2a3d4e5f603',
      scope: exchanged.body.scope,
    })
  })

  it('spends a code on its first exchange', async () => {
    const { authorizationCode, token, info } = await setupOidc()
    const { code } = await authorizationCode()
    const fields = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: info.appId,
      client_secret: info.appSecret,
    }
    expect((await token(fields)).status).toBe(200)
    const again = await token(fields)
    expect(again).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.any(String) },
    })
  })

  it('refuses an expired code', async () => {
    let now = Date.now()
    const { authorizationCode, token, info } = await setupOidc({ now: () => now })
    const { code } = await authorizationCode()
    now += 301_000
    const res = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: info.appId,
      client_secret: info.appSecret,
    })
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  it('refuses a wrong code_verifier, a missing one, and a different redirect_uri with invalid_grant', async () => {
    const { authorizationCode, token, info } = await setupOidc()
    const { challenge } = pkcePair()
    const exchange = async (fields: Record<string, string>) => {
      const { code } = await authorizationCode({ code_challenge: challenge, code_challenge_method: 'S256' })
      return token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: info.appId,
        ...fields,
      })
    }
    expect(await exchange({ code_verifier: pkcePair().verifier })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    })
    expect(await exchange({})).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
    expect(
      await exchange({ code_verifier: 'x'.repeat(43), redirect_uri: 'http://localhost:3000/other' }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  it('checks the plain PKCE method too, for an app that allows it', async () => {
    const { authorizationCode, token, info } = await setupOidc({
      seed: { applications: [{ pkcePlainAllowed: true }], users: [{ username: 'bob', password: 'passw0rd' }] },
    })
    const verifier = 'v'.repeat(50)
    const { code } = await authorizationCode({ code_challenge: verifier, code_challenge_method: 'plain' })
    const res = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: info.appId,
      code_verifier: verifier,
    })
    expect(res.status).toBe(200)
  })

  it('refuses a wrong client secret with 401 invalid_client, by post and by basic', async () => {
    const { authorizationCode, token, info } = await setupOidc()
    const { code } = await authorizationCode()
    const fields = { grant_type: 'authorization_code', code, redirect_uri: redirectUri }
    expect(await token({ ...fields, client_id: info.appId, client_secret: 'wrong' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    })
    const basic = await token(fields, { authorization: `Basic ${btoa(`${info.appId}:wrong`)}` })
    expect(basic).toMatchObject({ status: 401, body: { error: 'invalid_client' } })
    expect(basic.headers.get('www-authenticate')).toMatch(/^Basic/)
  })

  it('accepts client_secret_basic', async () => {
    const { authorizationCode, token, info } = await setupOidc()
    const { code } = await authorizationCode()
    const res = await token(
      { grant_type: 'authorization_code', code, redirect_uri: redirectUri },
      { authorization: `Basic ${btoa(`${info.appId}:${info.appSecret}`)}` },
    )
    expect(res.status).toBe(200)
  })

  it('refuses a public client (no secret) whose code was issued without PKCE', async () => {
    const { authorizationCode, token, info } = await setupOidc()
    const { code } = await authorizationCode()
    const res = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: info.appId,
    })
    expect(res).toMatchObject({ status: 401, body: { error: 'invalid_client' } })
  })

  it('answers unsupported_grant_type and invalid_request', async () => {
    const { token, info } = await setupOidc()
    const auth = { client_id: info.appId, client_secret: info.appSecret }
    expect(await token({ ...auth, grant_type: 'password' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    })
    expect(await token({ ...auth, grant_type: 'authorization_code' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    })
  })

  it('skips the page for a browser that already has a session; prompt=login shows it again', async () => {
    const { authorizationCode, get, authorizeQuery } = await setupOidc()
    const { cookie } = await authorizationCode()
    const res = await get(`/oidc/auth?${query(authorizeQuery())}`, cookie)
    expect(res.status).toBe(302)
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('code')).toMatch(/^[0-9a-f]{64}$/)
    expect((await get(`/oidc/auth?${query(authorizeQuery({ prompt: 'login' }))}`, cookie)).status).toBe(200)
  })

  it('sends prompt=none without a session back with login_required', async () => {
    const { get, authorizeQuery } = await setupOidc()
    const res = await get(`/oidc/auth?${query(authorizeQuery({ prompt: 'none' }))}`)
    const location = new URL(res.headers.get('location') ?? '')
    expect(location.searchParams.get('error')).toBe('login_required')
    expect(location.searchParams.get('state')).toBe('state-123')
  })

  it('never redirects for an unknown client or a redirect_uri the app does not allow', async () => {
    const { get, authorizeQuery } = await setupOidc({
      seed: { applications: [{ id: 'app1', redirectUris: ['https://app.example/cb'] }] },
    })
    for (const overrides of [
      { client_id: 'nope' },
      { client_id: 'app1', redirect_uri: 'https://evil.example/cb' },
      { client_id: 'app1', redirect_uri: undefined },
    ]) {
      const res = await get(`/oidc/auth?${query(authorizeQuery(overrides))}`)
      expect(res.status).toBe(400)
      expect(res.headers.get('location')).toBeNull()
    }
    expect(
      (await get(`/oidc/auth?${query(authorizeQuery({ client_id: 'app1', redirect_uri: 'https://app.example/cb' }))}`))
        .status,
    ).toBe(200)
  })

  it('sends bad authorize parameters back to the app as errors', async () => {
    const { get, authorizeQuery } = await setupOidc()
    const error = async (overrides: Record<string, string | undefined>) =>
      new URL(
        (await get(`/oidc/auth?${query(authorizeQuery(overrides))}`)).headers.get('location') ?? '',
      ).searchParams.get('error')
    expect(await error({ response_type: 'token' })).toBe('unsupported_response_type')
    expect(await error({ scope: 'profile' })).toBe('invalid_request')
    expect(await error({ code_challenge: 'short', code_challenge_method: 'S256' })).toBe('invalid_request')
    expect(await error({ code_challenge: pkceChallenge(), code_challenge_method: 'S512' })).toBe('invalid_request')
  })

  it('shows the page again with the reason after a wrong password, without a session', async () => {
    const { logIn, authorizeQuery } = await setupOidc()
    const res = await logIn(authorizeQuery(), 'bob', 'wrong', '/oidc/auth')
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.text()).toContain('role="alert"')
  })

  it('refuses a login form posted from another origin', async () => {
    const { postForm, authorizeQuery } = await setupOidc()
    const res = await postForm(
      '/oidc/auth',
      { ...authorizeQuery(), username: 'bob', password: 'passw0rd' },
      { origin: 'https://evil.example' },
    )
    expect(res.status).toBe(403)
    expect(res.headers.get('location')).toBeNull()
  })

  it('signs id_tokens with the app secret (HS256) when the app asks for it', async () => {
    const { authorizationCode, token, info } = await setupOidc({
      seed: {
        applications: [{ id: 'hs-app', secret: 'hs-secret', idTokenSigningAlg: 'HS256' }],
        users: [{ username: 'bob', password: 'passw0rd' }],
      },
    })
    expect(info.appId).toBe('hs-app')
    const { code } = await authorizationCode()
    const res = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: 'hs-app',
      client_secret: 'hs-secret',
    })
    expect(decodeProtectedHeader(res.body.id_token).alg).toBe('HS256')
    const { payload } = await jwtVerify(res.body.id_token, new TextEncoder().encode('hs-secret'), {
      audience: 'hs-app',
    })
    expect(payload.nonce).toBe('nonce-456')
  })
})

function pkceChallenge(): string {
  return 'c'.repeat(43)
}
