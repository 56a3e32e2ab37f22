import { decodeJwt, decodeProtectedHeader, type JWTPayload, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'

import type { EmulatorOptions } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { setup } from './engine-helpers.js'
import { pkcePair, redirectUri, setupOidc, withTokens } from './engine-oidc-helpers.js'

const me = `query { user { id } }`
const status = `query checkLoginStatus($token: String) { checkLoginStatus(token: $token) { code status } }`
const updateUser = `mutation updateUser($input: UpdateUserInput!) { updateUser(input: $input) { id nickname } }`
const hsSeed: EmulatorOptions['seed'] = {
  applications: [{ id: 'hs-app', secret: 'hs-secret', idTokenSigningAlg: 'HS256' }],
  users: [{ username: 'bob', password: 'passw0rd' }],
}

/** What anyone holding the app secret can make: any claims (`undefined` ones left out), signed HS256. */
const signWithSecret = (claims: Record<string, unknown>, secret: string) =>
  new SignJWT(Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)) as JWTPayload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret))

/** GraphQL and REST on the emulator `setupOidc` made, and how a token fares as a v2 session there. */
async function sessionApi(oidc: Awaited<ReturnType<typeof setupOidc>>) {
  const api = await setup({}, oidc.emulator)
  const loginStatus = async (token: string) => (await api.gql(status, { token })).data.checkLoginStatus.code as number
  const meCode = async (token: string) => (await api.gql(me, {}, { token })).errors?.[0]?.message.code ?? 200
  return { ...api, loginStatus, meCode }
}

describe('security 9: the app secret signs sessions only for HS256 apps, with their iss, aud, jti and exp', () => {
  it('security 9: an HS256 token signed with the app secret is refused for an RS256 app', async () => {
    const { gql, info, loginBob } = await setup()
    const minted = await signWithSecret(decodeJwt(await loginBob()), info.appSecret)
    expect((await gql(status, { token: minted })).data.checkLoginStatus).toMatchObject({ code: 2207, status: false })
    expect((await gql(me, {}, { token: minted })).errors?.[0]?.message.code).toBe(2020)
  })

  it('security 9: for an HS256 app, a token without its iss, its aud, a jti or an exp is refused', async () => {
    const api = await sessionApi(await setupOidc({ seed: hsSeed }))
    const claims = decodeJwt(await api.loginBob())
    expect(await api.meCode(await signWithSecret(claims, 'hs-secret'))).toBe(200)
    for (const changed of [
      { iss: undefined },
      { iss: 'https://evil.example/oidc' },
      { aud: [] },
      { jti: undefined },
      { exp: undefined },
    ]) {
      const minted = await signWithSecret({ ...claims, ...changed }, 'hs-secret')
      expect([changed, await api.meCode(minted), await api.loginStatus(minted)]).toEqual([changed, 2020, 2207])
    }
  })

  it("security 9: an HS256 app's id_token is a session that logout ends, like any other", async () => {
    const oidc = await setupOidc({ seed: hsSeed })
    const { code } = await oidc.authorizationCode()
    const exchanged = await oidc.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: 'hs-app',
      client_secret: 'hs-secret',
    })
    const idToken = exchanged.body.id_token as string
    expect(decodeProtectedHeader(idToken).alg).toBe('HS256')
    const api = await sessionApi(oidc)
    expect(await api.meCode(idToken)).toBe(200)
    expect((await api.rest('GET', '/api/v2/logout', undefined, { token: idToken })).body.code).toBe(200)
    expect([await api.meCode(idToken), await api.loginStatus(idToken)]).toEqual([2020, 2207])
  })
})

describe('security 10: an access token is accepted only where Authing accepts one', () => {
  it('security 10: an OIDC access token is refused as a v2 session token (updateUser, checkLoginStatus, user)', async () => {
    const oidc = await withTokens()
    const api = await sessionApi(oidc)
    const access = oidc.tokens.access_token as string
    const updated = await api.gql(updateUser, { input: { nickname: 'mallory' } }, { token: access })
    expect(updated.errors?.[0]?.message.code).toBe(2020)
    expect(await api.loginStatus(access)).toBe(2207)
    expect(await api.meCode(access)).toBe(2020)
    // The id_token of the same exchange is the session.
    expect(await api.meCode(oidc.tokens.id_token as string)).toBe(200)
  })

  it('security 10: access tokens are typed at+jwt and work at userinfo, introspection, validate_token and revocation', async () => {
    const { tokens, auth, get, postForm } = await withTokens()
    const access = tokens.access_token as string
    expect(decodeProtectedHeader(access).typ).toBe('at+jwt')
    const userinfo = (token: string) => get(`/oidc/me?access_token=${token}`)
    expect((await userinfo(access)).status).toBe(200)
    expect((await userinfo(tokens.id_token)).status).toBe(401)
    expect(await (await postForm('/oidc/token/introspection', { ...auth, token: access })).json()).toMatchObject({
      active: true,
    })
    expect((await get(`/api/v2/oidc/validate_token?access_token=${access}`)).status).toBe(200)
    expect(await (await get(`/api/v2/oidc/validate_token?id_token=${access}`)).json()).toMatchObject({ code: 400 })
    expect((await postForm('/oidc/token/revocation', { ...auth, token: access })).status).toBe(200)
    expect((await userinfo(access)).status).toBe(401)
  })
})

describe('security 11: OAuth grants: refresh-token families, code replay, PKCE S256', () => {
  it('security 11: replaying a rotated refresh token revokes the whole family (RFC 9700 §4.14.2)', async () => {
    const oidc = await withTokens()
    const { token, auth, tokens, get } = oidc
    const api = await sessionApi(oidc)
    const refresh = (refreshToken: string) =>
      token({ ...auth, grant_type: 'refresh_token', refresh_token: refreshToken })
    const second = (await refresh(tokens.refresh_token)).body
    const third = (await refresh(second.refresh_token)).body
    expect(third.access_token).toEqual(expect.any(String))
    expect((await refresh(second.refresh_token)).body.error).toBe('invalid_grant')
    expect((await refresh(third.refresh_token)).body.error).toBe('invalid_grant')
    for (const set of [tokens, second, third]) {
      expect((await get(`/oidc/me?access_token=${set.access_token}`)).status).toBe(401)
      expect(await api.meCode(set.id_token)).toBe(2020)
    }
  })

  it('leaves only rows a data file can load again after rotations and a replay (record shapes)', async () => {
    const { token, auth, tokens, emulator } = await withTokens()
    const second = (await token({ ...auth, grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body
    await token({ ...auth, grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
    expect(second.refresh_token).toEqual(expect.any(String))
    const { tables } = emulator.store.snapshot()
    expect(Object.keys(tables)).toEqual(
      expect.arrayContaining(['tokenFamilies', 'refreshTokens', 'authorizationCodes']),
    )
    for (const [table, rows] of Object.entries(tables))
      for (const row of Object.values(rows)) expect(recordShapeProblem(table, row)).toBeUndefined()
  })

  it('security 11: replaying an authorization code revokes the tokens of its first redemption', async () => {
    const oidc = await withTokens()
    const { token, auth, code, tokens, get } = oidc
    const api = await sessionApi(oidc)
    expect((await get(`/oidc/me?access_token=${tokens.access_token}`)).status).toBe(200)
    const replayed = await token({ ...auth, grant_type: 'authorization_code', code, redirect_uri: redirectUri })
    expect(replayed.body.error).toBe('invalid_grant')
    expect((await get(`/oidc/me?access_token=${tokens.access_token}`)).status).toBe(401)
    expect(await api.meCode(tokens.id_token)).toBe(2020)
    expect(
      (await token({ ...auth, grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body.error,
    ).toBe('invalid_grant')
  })

  it('security 11: PKCE plain, and a code_challenge without a method, are refused unless the app opts in', async () => {
    const { verifier } = pkcePair()
    const refused = await setupOidc()
    for (const pkce of [{ code_challenge_method: 'plain' }, {}]) {
      const res = await refused.logIn(refused.authorizeQuery({ code_challenge: verifier, ...pkce }))
      const location = new URL(res.headers.get('location') ?? '')
      expect([pkce, location.searchParams.get('error')]).toEqual([pkce, 'invalid_request'])
    }
    const discovery = await (await refused.get('/oidc/.well-known/openid-configuration')).json()
    expect(discovery.code_challenge_methods_supported).toEqual(['S256'])

    const optedIn = await setupOidc({
      seed: {
        applications: [{ id: 'legacy-app', pkcePlainAllowed: true }],
        users: [{ username: 'bob', password: 'passw0rd' }],
      },
    })
    const { code } = await optedIn.authorizationCode({ code_challenge: verifier, code_challenge_method: 'plain' })
    const exchanged = await optedIn.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: 'legacy-app',
      code_verifier: verifier,
    })
    expect(exchanged.body.access_token).toEqual(expect.any(String))
  })
})
