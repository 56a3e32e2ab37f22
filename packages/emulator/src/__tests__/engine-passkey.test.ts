import { describe, expect, it } from 'vitest'

import { defaultSeed } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { createSoftAuthenticator } from '../node/softAuthenticator.js'
import { base, setup } from './engine-helpers.js'

function passkeySeed() {
  const seed = structuredClone(defaultSeed)
  seed.users = [
    ...(seed.users ?? []),
    { username: 'alice', password: 'passw0rd', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
    { username: 'carol', password: 'passw0rd' },
  ]
  return seed
}

async function passkeySetup(seed = passkeySeed()) {
  const harness = await setup({ seed })
  const authenticator = createSoftAuthenticator({ origin: base })
  const tokenOf = async (username: string): Promise<string> => {
    const res = await harness.login(username, 'passw0rd')
    const token = res.data?.loginByUsername?.token as string | undefined
    if (!token) throw new Error(`${username} could not log in`)
    return token
  }
  const v3 = async (method: string, path: string, body?: unknown, token?: string) =>
    (await harness.rest(method, path, body, token ? { token } : {})).body as unknown as {
      statusCode: number
      apiCode?: number
      message: string
      data?: any
    }
  const register = async (token: string, name?: string) => {
    const options = await v3('GET', '/api/v3/webauthn/registration', undefined, token)
    expect(options.statusCode).toBe(200)
    const registrationCredential = await authenticator.create(options.data.registrationOptions)
    const ticket = options.data.ticket as string
    return v3('POST', '/api/v3/webauthn/registration', { ticket, registrationCredential, name }, token)
  }
  const loginOptions = async () => {
    const answer = await v3('POST', '/api/v3/webauthn/login/initialize', {})
    expect(answer.statusCode).toBe(200)
    return answer.data as { ticket: string; publicKey: any; authenticationOptions: any }
  }
  const passkeyLogin = async () => {
    const { ticket, publicKey } = await loginOptions()
    return v3('POST', '/api/v3/webauthn/login/finalize', { ticket, credential: await authenticator.get(publicKey) })
  }
  return { ...harness, authenticator, tokenOf, v3, register, loginOptions, passkeyLogin }
}

describe('passkeys: registration and login (/api/v3/webauthn)', () => {
  it('registers a passkey for the logged-in user and logs in with it as a User with a working token', async () => {
    const { tokenOf, register, passkeyLogin, rest, emulator, v3 } = await passkeySetup()
    const bob = await tokenOf('bob')
    expect(await register(bob, 'Laptop')).toMatchObject({ statusCode: 200, data: { verified: true } })
    const login = await passkeyLogin()
    expect(login.statusCode).toBe(200)
    expect(login.data.username).toBe('bob')
    const me = await rest('GET', '/api/v2/users/me', undefined, { token: login.data.token })
    expect(me.body.data.username).toBe('bob')
    const listed = await v3('POST', '/api/v3/webauthn/page-authenticator-device', {}, bob)
    expect(listed.data.totalCount).toBe(1)
    expect(listed.data.list[0]).toMatchObject({ name: 'Laptop', counter: 1, authenticatorCode: 'other' })
    expect(listed.data.list[0].lastUsedAt).toEqual(expect.any(String))
    expect(listed.data.list[0].publicKey).toBeUndefined()
    for (const table of ['passkeys', 'webauthnTickets'])
      for (const row of emulator.store.table(table).values()) expect(recordShapeProblem(table, row)).toBeUndefined()
  })

  it('serves the options under both names, with the app host as RP ID, and the SDK authentication family', async () => {
    const { tokenOf, register, loginOptions, authenticator, v3 } = await passkeySetup()
    await register(await tokenOf('bob'))
    const { publicKey, authenticationOptions } = await loginOptions()
    expect(publicKey).toEqual(authenticationOptions)
    expect(publicKey.rpId).toBe('127.0.0.1')
    const family = await v3('GET', '/api/v3/webauthn/authentication')
    const authenticationCredential = await authenticator.get(family.data.authenticationOptions)
    const verified = await v3('POST', '/api/v3/webauthn/authentication', {
      ticket: family.data.ticket,
      authenticationCredential,
    })
    expect(verified.data).toMatchObject({ verified: true, tokenSet: { token_type: 'Bearer' } })
    expect(verified.data.tokenSet.id_token).toEqual(expect.any(String))
  })

  it("accepts the embedded form's page on another port of a loopback app host", async () => {
    const { tokenOf, register, loginOptions, authenticator, v3 } = await passkeySetup()
    authenticator.origin = 'http://127.0.0.1:5173'
    expect((await register(await tokenOf('bob'))).statusCode).toBe(200)
    const options = await loginOptions()
    const res = await v3('POST', '/api/v3/webauthn/login/finalize', {
      ticket: options.ticket,
      credential: await authenticator.get(options.publicKey),
    })
    expect(res).toMatchObject({ statusCode: 200, data: { username: 'bob' } })
  })

  it('refuses an assertion made for another origin or RP ID, and one registered elsewhere', async () => {
    const { tokenOf, register, loginOptions, authenticator, v3 } = await passkeySetup()
    const bob = await tokenOf('bob')
    authenticator.origin = 'http://evil.example'
    expect(await register(bob)).toMatchObject({ statusCode: 400, apiCode: 2362 })
    authenticator.origin = base
    await register(bob)
    authenticator.origin = 'http://127.0.0.2:5556'
    const first = await loginOptions()
    const wrongOrigin = await v3('POST', '/api/v3/webauthn/login/finalize', {
      ticket: first.ticket,
      credential: await authenticator.get(first.publicKey),
    })
    expect(wrongOrigin).toMatchObject({ statusCode: 400, apiCode: 2362, requestId: expect.any(String) })
    authenticator.origin = base
    const second = await loginOptions()
    const other = createSoftAuthenticator({ origin: base, rpId: 'localhost' })
    await other.create({ challenge: 'x', rp: { name: 'x' }, user: { id: 'x', name: 'x' } })
    const credential = await other.get({ challenge: second.publicKey.challenge, rpId: 'localhost' })
    // The credential is unknown here before its RP ID is even looked at.
    expect(await v3('POST', '/api/v3/webauthn/login/finalize', { ticket: second.ticket, credential })).toMatchObject({
      apiCode: 2363,
    })
  })

  it('refuses an assertion of a known passkey signed for another RP ID', async () => {
    const { tokenOf, register, loginOptions, authenticator, v3, passkeyLogin } = await passkeySetup()
    await register(await tokenOf('bob'))
    const credential = authenticator.credentials[0]
    if (!credential) throw new Error('no credential')
    credential.rpId = 'example.com'
    const { ticket, publicKey } = await loginOptions()
    const assertion = await authenticator.get({ ...publicKey, rpId: 'example.com' })
    const refused = await v3('POST', '/api/v3/webauthn/login/finalize', { ticket, credential: assertion })
    expect(refused).toMatchObject({ statusCode: 400, apiCode: 2362 })
    expect(refused.message).toMatch(/RP ID/i)
    credential.rpId = '127.0.0.1'
    expect((await passkeyLogin()).statusCode).toBe(200)
  })

  it('refuses a replayed ticket and a ticket of the wrong ceremony', async () => {
    const { tokenOf, register, loginOptions, authenticator, v3 } = await passkeySetup()
    await register(await tokenOf('bob'))
    const { ticket, publicKey } = await loginOptions()
    const credential = await authenticator.get(publicKey)
    expect((await v3('POST', '/api/v3/webauthn/login/finalize', { ticket, credential })).statusCode).toBe(200)
    const replay = await v3('POST', '/api/v3/webauthn/login/finalize', { ticket, credential })
    expect(replay).toMatchObject({ statusCode: 400, apiCode: 2361 })
    const registration = await v3('GET', '/api/v3/webauthn/registration', undefined, await tokenOf('bob'))
    const wrong = await v3('POST', '/api/v3/webauthn/login/finalize', {
      ticket: registration.data.ticket,
      credential: await authenticator.get(publicKey),
    })
    expect(wrong.apiCode).toBe(2361)
  })

  it('refuses an unknown credential, a counter that goes backwards, and a removed passkey', async () => {
    const { tokenOf, register, loginOptions, authenticator, v3, passkeyLogin } = await passkeySetup()
    const bob = await tokenOf('bob')
    await register(bob)
    const stranger = createSoftAuthenticator({ origin: base })
    await stranger.create({ challenge: 'x', rp: { id: '127.0.0.1', name: 'x' }, user: { id: 'x', name: 'x' } })
    const options = await loginOptions()
    const unknown = await v3('POST', '/api/v3/webauthn/login/finalize', {
      ticket: options.ticket,
      credential: await stranger.get(options.publicKey),
    })
    expect(unknown).toMatchObject({ statusCode: 400, apiCode: 2363 })
    expect((await passkeyLogin()).statusCode).toBe(200)
    const credential = authenticator.credentials[0]
    if (!credential) throw new Error('no credential')
    credential.counter = 0
    expect(await passkeyLogin()).toMatchObject({ apiCode: 2364 })
    credential.counter = 10
    expect((await passkeyLogin()).statusCode).toBe(200)
    const removed = await v3('POST', `/api/v3/webauthn/remove-credential/${credential.id}`, {}, bob)
    expect(removed.statusCode).toBe(200)
    expect(await passkeyLogin()).toMatchObject({ apiCode: 2363 })
  })

  it("lets nobody remove another user's passkey, and needs a login to register or list", async () => {
    const { tokenOf, register, authenticator, v3, passkeyLogin } = await passkeySetup()
    await register(await tokenOf('bob'))
    const carol = await tokenOf('carol')
    const id = authenticator.credentials[0]?.id ?? ''
    expect(await v3('POST', `/api/v3/webauthn/remove-credential/${id}`, {}, carol)).toMatchObject({ apiCode: 2363 })
    expect((await v3('POST', '/api/v3/webauthn/page-authenticator-device', {}, carol)).data.totalCount).toBe(0)
    expect(await v3('GET', '/api/v3/webauthn/registration')).toMatchObject({ statusCode: 401, apiCode: 2020 })
    expect((await passkeyLogin()).data.username).toBe('bob')
  })

  it("refuses a registration ticket of another user and an authenticator that holds the user's passkey", async () => {
    const { tokenOf, register, authenticator, v3 } = await passkeySetup()
    const bob = await tokenOf('bob')
    const options = await v3('GET', '/api/v3/webauthn/registration', undefined, bob)
    const registrationCredential = await authenticator.create(options.data.registrationOptions)
    const carol = await tokenOf('carol')
    const stolen = await v3(
      'POST',
      '/api/v3/webauthn/registration',
      { ticket: options.data.ticket, registrationCredential },
      carol,
    )
    expect(stolen.apiCode).toBe(2361)
    await register(bob)
    await expect(register(bob)).rejects.toThrow(/already holds/)
  })

  it('keeps passkeys and their counters in a saved state', async () => {
    const { tokenOf, register, passkeyLogin, emulator, authenticator } = await passkeySetup()
    await register(await tokenOf('bob'))
    expect((await passkeyLogin()).statusCode).toBe(200)
    const restored = await setup({ state: emulator.store.snapshot() })
    const { ticket, publicKey } = ((await restored.rest('POST', '/api/v3/webauthn/login/initialize', {})).body as any)
      .data
    // The saved counter is 1: an authenticator back at 0 signs 1 again.
    const credential = authenticator.credentials[0]
    if (credential) credential.counter = 0
    const replayed = await restored.rest('POST', '/api/v3/webauthn/login/finalize', {
      ticket,
      credential: await authenticator.get(publicKey),
    })
    expect((replayed.body as any).apiCode).toBe(2364)
  })

  it('turns passkeys off per app: public config and every initialize', async () => {
    const seed = passkeySeed()
    const [app] = seed.applications ?? []
    if (app) Object.assign(app, { passkeyEnabled: false, loginTabs: ['password', 'passkey'] })
    const { v3, rest, info } = await passkeySetup(seed)
    const config = await rest('GET', `/api/v2/applications/${info.appId}/public-config`)
    expect(config.body.data.passkeyEnabled).toBe(false)
    expect(config.body.data.loginTabs.list).toEqual(['password', 'passkey'])
    expect(await v3('POST', '/api/v3/webauthn/login/initialize', {})).toMatchObject({ apiCode: 2360 })
  })
})

describe('passkeys: the MFA step (§9.2)', () => {
  async function mfaToken(harness: Awaited<ReturnType<typeof passkeySetup>>) {
    const res = await harness.login('alice', 'passw0rd')
    const step = res.errors?.[0]?.message as { code: number; data: { mfaToken: string; passkeyEnabled: boolean } }
    expect(step.code).toBe(1635)
    return step.data
  }
  const authFlow = (harness: Awaited<ReturnType<typeof passkeySetup>>, action: string, data: unknown) =>
    harness.rest('POST', '/interaction/authFlow', { action, data, flowHandle: '' })

  it('binds a passkey at the step, then verifies the next login with it', async () => {
    const harness = await passkeySetup()
    const first = await mfaToken(harness)
    expect(first.passkeyEnabled).toBe(false)
    const bind = await harness.rest('POST', '/api/v3/webauthn/mfa-bind/initialize', {}, { token: first.mfaToken })
    const body = bind.body as any
    expect(body.statusCode).toBe(200)
    const attestation = await harness.authenticator.create(body.data.publicKey)
    // Guard sends the attestation alone: the step is found by the challenge it signed.
    const bound = await authFlow(harness, 'passkey-bind', attestation)
    expect(bound.body).toMatchObject({ code: 1600, statusCode: 302, data: { user: { username: 'alice' } } })

    const second = await mfaToken(harness)
    expect(second.passkeyEnabled).toBe(true)
    const verify = (
      await harness.rest('POST', '/api/v3/webauthn/mfa-verify/initialize', {}, { token: second.mfaToken })
    ).body as any
    expect(verify.data.publicKey.allowCredentials).toHaveLength(1)
    const credential = await harness.authenticator.get(verify.data.publicKey)
    const done = await authFlow(harness, 'passkey-verify', { credential, ticket: verify.data.ticket })
    expect(done.body).toMatchObject({ code: 1600, data: { user: { username: 'alice', token: expect.any(String) } } })
    const again = await harness.rest('POST', '/api/v3/webauthn/mfa-verify/initialize', {}, { token: second.mfaToken })
    expect((again.body as any).apiCode).toBe(2021)
  })

  it("refuses another user's passkey at the step", async () => {
    const harness = await passkeySetup()
    await harness.register(await harness.tokenOf('bob'))
    const { mfaToken: token } = await mfaToken(harness)
    const verify = (await harness.rest('POST', '/api/v3/webauthn/mfa-verify/initialize', {}, { token })).body as any
    const credential = await harness.authenticator.get({ ...verify.data.publicKey, allowCredentials: [] })
    const refused = await authFlow(harness, 'passkey-verify', { credential, ticket: verify.data.ticket })
    expect(refused.body).toMatchObject({ code: 2363, statusCode: 400 })
  })
})
