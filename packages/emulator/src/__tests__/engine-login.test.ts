import { createLocalJWKSet, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose'
import forge from 'node-forge'
import { describe, expect, it } from 'vitest'

import type { EmulatorKeys } from '../model/crypto.js'
import { setup } from './engine-helpers.js'

describe('engine: password login', () => {
  it('serves the RSA public key as SPKI PEM', async () => {
    const { rest, publicKeyPem } = await setup()
    const res = await rest('GET', '/api/v2/.well-known', undefined, { appId: null })
    expect(res.body.code).toBe(200)
    expect(publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/)
    await expect(importSPKI(publicKeyPem, 'RSA-OAEP')).resolves.toBeDefined()
  })

  it('logs bob in with an id_token carrying Authing claims, signed with the emulator key', async () => {
    const { login, info, emulator } = await setup({ appHost: 'http://localhost:9999/' })
    const res = await login('bob', 'passw0rd')
    expect(res.errors).toBeUndefined()
    const user = res.data.loginByUsername
    expect(user).toMatchObject({ username: 'bob', email: 'bob@example.com', phone: '13800138000', password: null })
    expect(user.customData).toEqual([
      { key: 'school', value: 'Tsinghua University', dataType: 'STRING', label: 'School' },
    ])

    const keys = emulator.store.table<EmulatorKeys>('keys').get('current')!
    const { payload, protectedHeader } = await jwtVerify(
      user.token,
      createLocalJWKSet({ keys: [keys.signing.publicJwk] }),
    )
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: keys.signing.kid })
    expect(decodeProtectedHeader(user.token).kid).toBe(keys.signing.kid)
    expect(payload).toMatchObject({
      sub: user.id,
      aud: info.appId,
      iss: 'http://localhost:9999/oidc',
      userpool_id: info.userPoolId,
      email: 'bob@example.com',
      phone_number: '13800138000',
      nickname: 'Bob',
      data: {
        type: 'user',
        userPoolId: info.userPoolId,
        appId: info.appId,
        id: user.id,
        userId: user.id,
        _id: user.id,
        username: 'bob',
        email: 'bob@example.com',
        phone: '13800138000',
        clientId: info.userPoolId,
      },
    })
    expect(payload.exp! - payload.iat!).toBe(1_209_600)
    expect(new Date(user.tokenExpiredAt).getTime()).toBe(payload.exp! * 1000)
  })
})

describe('engine: login failures', () => {
  it('answers 2333 for an unknown user and for a wrong password alike', async () => {
    const { login } = await setup()
    const unknown = await login('nobody', 'passw0rd')
    const wrong = await login('bob', 'wrong-password')
    expect(unknown.errors?.[0]?.message).toEqual(wrong.errors?.[0]?.message)
    expect(wrong.errors?.[0]?.message.code).toBe(2333)
    expect(wrong.status).toBe(200)
  })

  it('answers 2004 / 2006 with legacyLoginErrors', async () => {
    const { login } = await setup({ legacyLoginErrors: true })
    expect((await login('nobody', 'passw0rd')).errors?.[0]?.message.code).toBe(2004)
    expect((await login('bob', 'wrong-password')).errors?.[0]?.message.code).toBe(2006)
  })

  it('lifts the lock after the window, and a success resets the count', async () => {
    let now = Date.UTC(2030, 0, 1)
    const { login } = await setup({ now: () => now, lockout: { windowSeconds: 60 } })
    for (let i = 0; i < 4; i++) await login('bob', 'nope-nope')
    expect((await login('bob', 'passw0rd')).data.loginByUsername.username).toBe('bob')
    for (let i = 0; i < 4; i++) await login('bob', 'nope-nope')
    expect((await login('bob', 'nope-nope')).errors?.[0]?.message.code).toBe(2333)
    expect((await login('bob', 'passw0rd')).errors?.[0]?.message.code).toBe(2005)
    now += 59_000
    expect((await login('bob', 'passw0rd')).errors?.[0]?.message.code).toBe(2005)
    now += 2_000
    expect((await login('bob', 'passw0rd')).data.loginByUsername.username).toBe('bob')
  })

  it('answers 2016 when the password is not encrypted with the emulator key', async () => {
    const { gql } = await setup()
    for (const password of ['passw0rd', 'bm90IGEgY2lwaGVydGV4dA==']) {
      const res = await gql(`mutation($input: LoginByUsernameInput!) { loginByUsername(input: $input) { id } }`, {
        input: { username: 'bob', password },
      })
      expect(res.errors?.[0]?.message.code).toBe(2016)
    }
  })

  it('takes a ciphertext whose leading zero byte the encoder dropped, as Authing does', async () => {
    const { gql, publicKeyPem } = await setup()
    const key = forge.pki.publicKeyFromPem(publicKeyPem)
    // About one encryption in 256 starts with a zero byte: draw until one does.
    let bytes = ''
    for (let tries = 0; !bytes.startsWith('\0') && tries < 20_000; tries++)
      bytes = key.encrypt(forge.util.encodeUtf8('passw0rd'), 'RSAES-PKCS1-V1_5')
    expect(bytes.charCodeAt(0)).toBe(0)
    const login = (password: string) =>
      gql(`mutation($input: LoginByUsernameInput!) { loginByUsername(input: $input) { username } }`, {
        input: { username: 'bob', password },
      })
    expect((await login(forge.util.encode64(bytes.slice(1)))).data?.loginByUsername?.username).toBe('bob')
    // Longer than the key is no ciphertext of it.
    expect((await login(forge.util.encode64(`\x01${bytes}`))).errors?.[0]?.message.code).toBe(2016)
  })

  it('signs an unknown username or email up with autoRegister, and logs a known one in as usual', async () => {
    const { gql, rest, encrypt } = await setup()
    const login = (field: 'username' | 'email', value: string, password: string) =>
      gql(
        `mutation($input: ${field === 'username' ? 'LoginByUsernameInput' : 'LoginByEmailInput'}!) {
          ${field === 'username' ? 'loginByUsername' : 'loginByEmail'}(input: $input) { username email token loginsCount }
        }`,
        { input: { [field]: value, password: encrypt(password), autoRegister: true } },
      )
    const created = await login('username', 'newbie', 's3cret-pass')
    expect(created.data.loginByUsername).toMatchObject({
      username: 'newbie',
      token: expect.any(String),
      loginsCount: 1,
    })
    expect((await login('username', 'newbie', 's3cret-pass')).data.loginByUsername.loginsCount).toBe(2)
    // A known account with a wrong password is a failed login, not a second account.
    expect((await login('username', 'bob', 'wrong-pass')).errors?.[0]?.message.code).toBe(2333)
    expect((await login('email', 'New@Example.com', 's3cret-pass')).data.loginByEmail.email).toBe('new@example.com')

    const viaRest = (account: string) =>
      rest('POST', '/api/v2/login/account', { account, password: encrypt('an0ther-pass'), autoRegister: true })
    expect((await viaRest('guard-user')).body.data).toMatchObject({ username: 'guard-user', token: expect.any(String) })
    expect((await viaRest('guard@example.com')).body.data).toMatchObject({ email: 'guard@example.com' })
    // Without it, an unknown account is still refused.
    expect(
      (await rest('POST', '/api/v2/login/account', { account: 'ghost', password: encrypt('x-pass-1') })).body.code,
    ).not.toBe(200)
  })

  it('answers 2011 for an unknown app id and 2101 without one', async () => {
    const { login } = await setup()
    expect((await login('bob', 'passw0rd', { appId: 'nope' })).errors?.[0]?.message.code).toBe(2011)
    expect((await login('bob', 'passw0rd', { appId: null })).errors?.[0]?.message.code).toBe(2101)
  })

  it('speaks zh-CN by default and en-US on request', async () => {
    const { login } = await setup()
    expect((await login('bob', 'nope-nope')).errors?.[0]?.message.message).toBe('账号或密码错误')
    expect((await login('bob', 'nope-nope', { lang: 'en-US' })).errors?.[0]?.message.message).toBe(
      'Incorrect account or password',
    )
  })
})

describe('engine: session', () => {
  const me = `query user($id: String) { user(id: $id) { id username password token identities { provider } } }`
  const status = `query checkLoginStatus($token: String) { checkLoginStatus(token: $token) { code status exp iat data { id userPoolId arn } } }`

  it('logout revokes the token server-side: 2020 afterwards, checkLoginStatus 2207', async () => {
    const { gql, rest, loginBob } = await setup()
    const token = await loginBob()
    const before = await gql(me, {}, { token })
    expect(before.data.user).toMatchObject({ username: 'bob', password: null, token, identities: [] })
    expect((await gql(status, { token })).data.checkLoginStatus).toMatchObject({ code: 200, status: true })

    const out = await rest('GET', `/api/v2/logout?app_id=x`, undefined, { token })
    expect(out.body.code).toBe(200)
    expect((await gql(me, {}, { token })).errors?.[0]?.message.code).toBe(2020)
    expect((await rest('GET', '/api/v2/users/me', undefined, { token })).body.code).toBe(2020)
    expect((await gql(status, { token })).data.checkLoginStatus).toMatchObject({ code: 2207, status: false })
  })

  it('checkLoginStatus says 2206 once the token expired; me-calls say 2020', async () => {
    let now = Date.now()
    const { gql, loginBob } = await setup({ now: () => now, tokenLifetimeSeconds: 60 })
    const token = await loginBob()
    now += 61_000
    expect((await gql(status, { token })).data.checkLoginStatus).toMatchObject({ code: 2206, status: false })
    expect((await gql(me, {}, { token })).errors?.[0]?.message.code).toBe(2020)
  })

  it('refreshToken gives a new token and keeps the old one valid', async () => {
    const { gql, loginBob } = await setup()
    const token = await loginBob()
    const res = await gql(
      `mutation refreshToken($id: String) { refreshToken(id: $id) { token iat exp } }`,
      {},
      { token },
    )
    const fresh = res.data.refreshToken.token as string
    expect(fresh).not.toBe(token)
    expect((await gql(me, {}, { token: fresh })).data.user.username).toBe('bob')
    expect((await gql(me, {}, { token })).data.user.username).toBe('bob')
  })

  it('never lets a user read another user', async () => {
    const { gql, loginBob } = await setup()
    const token = await loginBob()
    expect((await gql(me, { id: '000000000000000000000000' }, { token })).errors?.[0]?.message.code).toBe(1001)
    expect((await gql(me, {})).errors?.[0]?.message.code).toBe(2020)
  })
})
