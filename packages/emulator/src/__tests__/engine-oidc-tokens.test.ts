import { describe, expect, it } from 'vitest'

import { base, redirectUri, setupOidc, withTokens } from './engine-oidc-helpers.js'

describe('OIDC token endpoints', () => {
  it('publishes discovery and the public signing key only', async () => {
    const { get } = await setupOidc()
    const config = await (await get('/oidc/.well-known/openid-configuration')).json()
    expect(config).toMatchObject({
      issuer: `${base}/oidc`,
      token_endpoint: `${base}/oidc/token`,
      code_challenge_methods_supported: ['S256'],
    })
    const { keys } = await (await get('/oidc/.well-known/jwks.json')).json()
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) })
    expect(keys[0]).not.toHaveProperty('d')
  })

  it('rotates refresh tokens, refuses the old one and another client, and forgets expired ones', async () => {
    let now = Date.now()
    const { token, auth, tokens } = await withTokens({ now: () => now })
    const refreshed = await token({ ...auth, grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.id_token).toEqual(expect.any(String))
    expect(
      (
        await token({
          ...auth,
          grant_type: 'refresh_token',
          refresh_token: refreshed.body.refresh_token,
          scope: 'openid admin',
        })
      ).body.error,
    ).toBe('invalid_scope')
    now += 31 * 86_400_000
    expect(
      (await token({ ...auth, grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token })).body.error,
    ).toBe('invalid_grant')
    // Last: replaying a rotated token revokes its whole family (security 11).
    expect(
      (await token({ ...auth, grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body.error,
    ).toBe('invalid_grant')
  })

  it('serves userinfo by scope, and refuses id_tokens and revoked access tokens as bearer', async () => {
    const { emulator, tokens, auth, postForm } = await withTokens()
    const me = (token: string) =>
      emulator.fetch(new Request(`${base}/oidc/me`, { headers: { authorization: `Bearer ${token}` } }))
    expect(await (await me(tokens.access_token)).json()).toMatchObject({
      sub: expect.any(String),
      email: 'bob@example.com',
      phone_number: '13800138000',
      nickname: 'Bob',
    })
    const refused = await me(tokens.id_token)
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/)
    const revoked = await postForm('/oidc/token/revocation', { ...auth, token: tokens.access_token })
    expect(revoked.status).toBe(200)
    expect(await revoked.text()).toBe('')
    expect((await me(tokens.access_token)).status).toBe(401)
  })

  it('introspects only for the client the token was issued to', async () => {
    const { tokens, auth, postForm, info } = await withTokens({
      seed: {
        applications: [
          { id: 'a1', secret: 's1' },
          { id: 'a2', secret: 's2' },
        ],
        users: [{ username: 'bob', password: 'passw0rd' }],
      },
    })
    expect(info.appId).toBe('a1')
    const introspect = async (client: Record<string, string>) =>
      (await postForm('/oidc/token/introspection', { ...client, token: tokens.access_token })).json()
    expect(await introspect(auth)).toMatchObject({ active: true, client_id: 'a1', token_type: 'Bearer' })
    expect(await introspect({ client_id: 'a2', client_secret: 's2' })).toEqual({ active: false })
  })

  it('issues client_credentials tokens to confidential clients only', async () => {
    const { token, info } = await setupOidc()
    const ok = await token({
      grant_type: 'client_credentials',
      client_id: info.appId,
      client_secret: info.appSecret,
      scope: 'read',
    })
    expect(ok.body).toMatchObject({ scope: 'read', token_type: 'Bearer' })
    expect(ok.body).not.toHaveProperty('refresh_token')
    expect(await token({ grant_type: 'client_credentials', client_id: info.appId })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    })
  })

  it('validates id_tokens and access tokens online (/api/v2/oidc/validate_token)', async () => {
    const { get, tokens } = await withTokens()
    expect(await (await get(`/api/v2/oidc/validate_token?id_token=${tokens.id_token}`)).json()).toMatchObject({
      nonce: 'nonce-456',
    })
    expect(await (await get(`/api/v2/oidc/validate_token?access_token=${tokens.access_token}`)).json()).toMatchObject({
      scope: tokens.scope,
    })
    // A business answer: HTTP 200, Authing's code in the body (the SDKs read other statuses as network failures).
    const bad = await get(`/api/v2/oidc/validate_token?id_token=${tokens.access_token}`)
    expect(bad.status).toBe(200)
    expect(await bad.json()).toMatchObject({ code: 400, message: expect.any(String) })
  })

  it('refuses repeated parameters and unknown clients with the standard errors', async () => {
    const { emulator, token, info } = await setupOidc()
    const twice = await emulator.fetch(
      new Request(`${base}/oidc/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=client_credentials&grant_type=password&client_id=${info.appId}`,
      }),
    )
    expect(twice.status).toBe(400)
    expect(await twice.json()).toMatchObject({ error: 'invalid_request' })
    expect(await token({ grant_type: 'client_credentials', client_id: 'nope', client_secret: 'x' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    })
  })

  it('ends the hosted session: the next authorize shows the login page again', async () => {
    const { get, cookie, authorizeQuery, tokens } = await withTokens()
    const end = await get(
      `/oidc/session/end?id_token_hint=${tokens.id_token}&post_logout_redirect_uri=${encodeURIComponent(redirectUri)}&state=s`,
      cookie,
    )
    expect(end.headers.get('location')).toBe(`${redirectUri}?state=s`)
    expect((await get(`/oidc/auth?${new URLSearchParams(authorizeQuery())}`, cookie)).status).toBe(200)
    const elsewhere = await get(
      `/oidc/session/end?id_token_hint=${tokens.id_token}&post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`,
    )
    expect(elsewhere.status).toBe(200)
    expect(elsewhere.headers.get('location')).toBeNull()
  })

  it('answers the /oauth twins without id_token', async () => {
    const { authorizationCode, token, info } = await setupOidc()
    const { code } = await authorizationCode({ scope: 'user', nonce: undefined }, '/oauth/auth')
    const res = await token(
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: info.appId,
        client_secret: info.appSecret,
      },
      {},
      '/oauth/token',
    )
    expect(res.status).toBe(200)
    expect(res.body).not.toHaveProperty('id_token')
  })
})

describe('CAS IdP', () => {
  const service = 'http://localhost:3000/cas'

  async function ticket() {
    const oidc = await setupOidc()
    const res = await oidc.logIn({ service }, 'bob', 'passw0rd', `/cas-idp/${oidc.info.appId}`)
    expect(res.status).toBe(303)
    const location = new URL(res.headers.get('location') ?? '')
    return {
      ...oidc,
      st: location.searchParams.get('ticket') ?? '',
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    }
  }

  it('validates a ticket once (CAS 1.0), for its service only', async () => {
    const { get, st, info } = await ticket()
    const validate = async (t: string, s = service) =>
      (await get(`/cas-idp/${info.appId}/validate?ticket=${t}&service=${encodeURIComponent(s)}`)).text()
    expect(await validate(st)).toBe('yes\nbob\n')
    expect(await validate(st)).toBe('no\n\n')
  })

  it('answers CAS 2.0 failures with their codes, and spends the ticket on a failed attempt', async () => {
    const { get, st, info } = await ticket()
    const validate = async (s: string) =>
      (
        await get(`/cas-idp/${info.appId}/serviceValidate?ticket=${st}&service=${encodeURIComponent(s)}&format=JSON`)
      ).json()
    expect(await validate('http://localhost:3000/other')).toMatchObject({
      serviceResponse: { authenticationFailure: { code: 'INVALID_SERVICE' } },
    })
    expect(await validate(service)).toMatchObject({
      serviceResponse: { authenticationFailure: { code: 'INVALID_TICKET' } },
    })
  })

  it('reuses the session for the next service ticket, and logs out', async () => {
    const { get, cookie, info } = await ticket()
    const again = await get(`/cas-idp/${info.appId}?service=${encodeURIComponent(service)}`, cookie)
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('ticket')).toMatch(/^ST-/)
    const out = await get(`/cas-idp/logout?url=${encodeURIComponent(service)}`, cookie)
    expect(out.headers.get('location')).toBe(service)
    expect((await get(`/cas-idp/${info.appId}?service=${encodeURIComponent(service)}`, cookie)).status).toBe(200)
  })

  it('never sends a ticket to a service the app does not allow', async () => {
    const { get, cookie, info } = await ticket()
    const res = await get(`/cas-idp/${info.appId}?service=${encodeURIComponent('https://evil.example/')}`, cookie)
    expect(res.status).toBe(400)
    expect(res.headers.get('location')).toBeNull()
  })
})
