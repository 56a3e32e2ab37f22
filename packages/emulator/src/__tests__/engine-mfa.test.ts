import { describe, expect, it } from 'vitest'

import { defaultSeed, totpCodeAt } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { base, type CallOptions, setup } from './engine-helpers.js'
import { setupOidc } from './engine-oidc-helpers.js'

/** RFC 6238 appendix B's SHA-1 secret, "12345678901234567890", in base32. */
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
const aliceSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const bob = defaultSeed.users?.[0]

type Body = { code: number; message: string; data?: any; recoveryCode?: string }

/** A pool where alice has an authenticator app and the `strict` app asks every login for SMS, email or TOTP. */
function mfaSeed() {
  const seed = structuredClone(defaultSeed)
  seed.applications = [
    ...(seed.applications ?? []),
    { id: '62a0f0a9c6b1c2a3d4e5f610', name: 'Strict', mfa: ['SMS', 'EMAIL', 'OTP'] },
  ]
  seed.users = [
    ...(seed.users ?? []),
    { username: 'alice', password: 'passw0rd', email: 'alice@example.com', totpSecret: aliceSecret },
    { username: 'carol', password: 'passw0rd' },
  ]
  return seed
}

async function mfaSetup() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const emulator = await setup({ seed: mfaSeed(), now: () => clock.now })
  const strict = { appId: '62a0f0a9c6b1c2a3d4e5f610' }
  /** A password login that must stop at the second factor: answers the step's error. */
  const stepOf = async (username: string, opts: CallOptions = {}) => {
    const res = await emulator.login(username, 'passw0rd', opts)
    const error = res.errors?.[0]?.message
    if (!error) throw new Error(`${username} logged in without a second factor`)
    return error as { code: number; message: string; data: any }
  }
  const call = async (method: string, path: string, body: unknown, authorization: string, opts: CallOptions = {}) => {
    const res = await emulator.emulator.fetch(
      new Request(`${base}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-authing-app-id': opts.appId ?? emulator.info.appId,
          authorization,
          'x-authing-lang': 'en-US',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
    return { status: res.status, body: (await res.json()) as Body }
  }
  const code = (secret = aliceSecret) => totpCodeAt(secret, clock.now)
  return { ...emulator, clock, strict, stepOf, call, code }
}

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vectors (their last 6 digits)', () => {
    const vectors: [number, string][] = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
      [20000000000, '353130'],
    ]
    for (const [seconds, code] of vectors) expect(totpCodeAt(rfcSecret, seconds * 1000)).toBe(code)
  })
})

describe('MFA at login', () => {
  it('a user with an authenticator app gets 1635 and an mfaToken; the code completes the login (SDK path)', async () => {
    const { stepOf, call, code, rest } = await mfaSetup()
    const step = await stepOf('alice')
    expect(step).toMatchObject({
      code: 1635,
      data: {
        mfaToken: expect.stringMatching(/^ey/),
        applicationMfa: [{ mfaPolicy: 'OTP', sort: 1, status: 1 }],
        totpMfaEnabled: true,
        mfaEmail: 'alice@example.com',
        username: 'alice',
      },
    })
    const mfaToken = step.data.mfaToken as string
    // The step's token is no session.
    expect((await rest('GET', '/api/v2/users/me', undefined, { token: mfaToken })).body.code).toBe(2020)

    const verified = await call('POST', '/api/v2/mfa/totp/verify', { totp: code() }, `Bearer ${mfaToken}`)
    expect(verified.body).toMatchObject({ code: 200, data: { username: 'alice', token: expect.stringMatching(/^ey/) } })
    const me = await rest('GET', '/api/v2/users/me', undefined, { token: verified.body.data.token })
    expect(me.body.data.username).toBe('alice')
    // The step is over: its token no longer works.
    const again = await call('POST', '/api/v2/mfa/totp/verify', { totp: code() }, `Bearer ${mfaToken}`)
    expect(again.body.code).toBe(2021)
  })

  it('Guard sends the mfaToken bare, to its own path; a code works once; 5 wrong codes end the step', async () => {
    const { stepOf, call, code, clock } = await mfaSetup()
    const first = (await stepOf('alice')).data.mfaToken as string
    const used = code()
    expect((await call('POST', '/api/v2/applications/mfa/totp/verify', { totp: used }, first)).body.code).toBe(200)

    const second = (await stepOf('alice')).data.mfaToken as string
    const replay = await call('POST', '/api/v2/applications/mfa/totp/verify', { totp: used }, second)
    expect(replay.body).toMatchObject({ code: 6001, message: 'Incorrect authenticator code' })
    for (let i = 0; i < 3; i++)
      expect((await call('POST', '/api/v2/mfa/totp/verify', { totp: '000000' }, second)).body.code).toBe(6001)
    clock.now += 30_000
    expect((await call('POST', '/api/v2/mfa/totp/verify', { totp: '000001' }, second)).body.code).toBe(6001)
    expect((await call('POST', '/api/v2/mfa/totp/verify', { totp: code() }, second)).body.code).toBe(2021)
  })

  it('accepts a code one step early or late, not two', async () => {
    const { stepOf, call, code, clock } = await mfaSetup()
    const token = (await stepOf('alice')).data.mfaToken as string
    const late = code()
    clock.now += 30_000
    expect((await call('POST', '/api/v2/mfa/totp/verify', { totp: late }, token)).body.code).toBe(200)
    const next = (await stepOf('alice')).data.mfaToken as string
    clock.now += 60_000
    const early = totpCodeAt(aliceSecret, clock.now + 60_000)
    expect((await call('POST', '/api/v2/mfa/totp/verify', { totp: early }, next)).body.code).toBe(6001)
  })

  it('the mfaToken dies after 10 minutes (2021)', async () => {
    const { stepOf, call, code, clock } = await mfaSetup()
    const token = (await stepOf('alice')).data.mfaToken as string
    clock.now += 601_000
    expect((await call('POST', '/api/v2/mfa/totp/verify', { totp: code() }, token)).body.code).toBe(2021)
  })

  it('a recovery code logs in once, and the envelope carries the next one', async () => {
    const { stepOf, call, code } = await mfaSetup()
    const first = (await stepOf('alice')).data.mfaToken as string
    const session = (await call('POST', '/api/v2/mfa/totp/verify', { totp: code() }, `Bearer ${first}`)).body.data.token
    const listed = await call('GET', '/api/v2/mfa/authenticator?type=totp&source=SELF', undefined, `Bearer ${session}`)
    const recoveryCode = listed.body.data[0].recoveryCode as string
    expect(recoveryCode).toMatch(/^([0-9a-f]{4}-){5}[0-9a-f]{4}$/)

    const token = (await stepOf('alice')).data.mfaToken as string
    const wrong = await call('POST', '/api/v2/mfa/totp/recovery', { recoveryCode: 'aaaa-bbbb' }, `Bearer ${token}`)
    expect(wrong.body.code).toBe(6002)
    const used = await call('POST', '/api/v2/mfa/totp/recovery', { recoveryCode }, `Bearer ${token}`)
    expect(used.body).toMatchObject({ code: 200, data: { username: 'alice', token: expect.any(String) } })
    expect(used.body.recoveryCode).toMatch(/^([0-9a-f]{4}-){5}[0-9a-f]{4}$/)
    expect(used.body.recoveryCode).not.toBe(recoveryCode)

    const later = (await stepOf('alice')).data.mfaToken as string
    expect((await call('POST', '/api/v2/mfa/totp/recovery', { recoveryCode }, later)).body.code).toBe(6002)
  })

  it('an mfaToken lists the authenticator without its secret or recovery code', async () => {
    const { stepOf, call } = await mfaSetup()
    const token = (await stepOf('alice')).data.mfaToken as string
    const listed = await call('GET', '/api/v2/mfa/authenticator?source=APPLICATION', undefined, token)
    expect(listed.body.data).toEqual([expect.objectContaining({ enable: true, secret: '', recoveryCode: '' })])
  })

  it("the app's policy asks everyone (1636); SMS to the account's phone completes the login", async () => {
    const { stepOf, call, strict, rest, emulator, login } = await mfaSetup()
    const step = await stepOf('bob', strict)
    expect(step).toMatchObject({
      code: 1636,
      data: {
        applicationMfa: [
          { mfaPolicy: 'SMS', sort: 1 },
          { mfaPolicy: 'EMAIL', sort: 2 },
          { mfaPolicy: 'OTP', sort: 3 },
        ],
        totpMfaEnabled: false,
        mfaPhone: bob?.phone,
      },
    })
    const token = step.data.mfaToken as string
    // Guard sends the MFA code without any token.
    expect((await rest('POST', '/api/v2/sms/send', { phone: bob?.phone, scene: 'mfa-verify' }, strict)).body.code).toBe(
      200,
    )
    const sms = emulator.outbox({ to: bob?.phone ?? '' }).at(-1)?.code ?? ''
    const other = await call(
      'POST',
      '/api/v2/applications/mfa/sms/verify',
      { phone: '13900139000', code: sms },
      `Bearer ${token}`,
      strict,
    )
    expect(other.body.code).toBe(2231)
    const wrong = await call(
      'POST',
      '/api/v2/applications/mfa/sms/verify',
      { phone: bob?.phone, code: '000000' },
      `Bearer ${token}`,
      strict,
    )
    expect(wrong.body.code).toBe(2001)
    const done = await call(
      'POST',
      '/api/v2/applications/mfa/sms/verify',
      { phone: bob?.phone, code: sms },
      `Bearer ${token}`,
      strict,
    )
    expect(done.body).toMatchObject({ code: 200, data: { username: 'bob', token: expect.any(String) } })
    // The same app without the policy: bob logs in with his password alone.
    expect((await login('bob', 'passw0rd')).data?.loginByUsername?.token).toBeTruthy()
  })

  it('an account with no email binds the address its MFA code proved, unless someone else has it', async () => {
    const { stepOf, call, strict, gql, emulator } = await mfaSetup()
    const token = (await stepOf('carol', strict)).data.mfaToken as string
    const taken = await call(
      'POST',
      '/api/v2/applications/mfa/check',
      { email: 'bob@example.com' },
      `Bearer ${token}`,
      strict,
    )
    expect(taken.body.data).toBe(false)
    const free = await call(
      'POST',
      '/api/v2/applications/mfa/check',
      { email: 'carol@example.com' },
      `Bearer ${token}`,
      strict,
    )
    expect(free.body.data).toBe(true)
    await gql(`mutation { sendEmail(email: "carol@example.com", scene: MFA_VERIFY_CODE) { code } }`, {}, strict)
    const sent = emulator.outbox({ to: 'carol@example.com' }).at(-1)?.code ?? ''
    const done = await call(
      'POST',
      '/api/v2/applications/mfa/email/verify',
      { email: 'carol@example.com', code: sent },
      token,
      strict,
    )
    expect(done.body).toMatchObject({
      code: 200,
      data: { username: 'carol', email: 'carol@example.com', emailVerified: true },
    })
  })

  it('a factor the step does not offer is refused', async () => {
    const { stepOf, call } = await mfaSetup()
    const token = (await stepOf('alice')).data.mfaToken as string
    const sms = await call(
      'POST',
      '/api/v2/applications/mfa/sms/verify',
      { phone: '13900139000', code: '123456' },
      token,
    )
    expect(sms.body).toMatchObject({ code: 2231, message: expect.stringMatching(/SMS/) })
  })
})

describe('binding an authenticator app', () => {
  it('from the profile: associate, confirm with a first code; logins then ask for it; unbinding ends that', async () => {
    const { call, loginBob, clock, login } = await mfaSetup()
    const session = `Bearer ${await loginBob()}`
    const association = await call(
      'POST',
      '/api/v2/mfa/totp/associate',
      { authenticator_type: 'totp', source: 'SELF' },
      session,
    )
    const { secret, qrcode_uri, qrcode_data_url, recovery_code } = association.body.data
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(qrcode_uri).toBe(
      `otpauth://totp/Authing%20Emulator:bob?issuer=Authing%20Emulator&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    )
    expect(qrcode_data_url).toMatch(/^data:image\/png;base64,iVBOR/)
    expect(recovery_code).toMatch(/^([0-9a-f]{4}-){5}[0-9a-f]{4}$/)
    // Not bound until confirmed.
    expect((await call('GET', '/api/v2/mfa/authenticator', undefined, session)).body.data).toEqual([])
    expect((await login('bob', 'passw0rd')).data?.loginByUsername?.token).toBeTruthy()

    const wrong = await call(
      'POST',
      '/api/v2/mfa/totp/associate/confirm',
      { authenticator_type: 'totp', totp: '000000' },
      session,
    )
    expect(wrong.body.code).toBe(6001)
    const confirmed = await call(
      'POST',
      '/api/v2/mfa/totp/associate/confirm',
      { authenticator_type: 'totp', totp: totpCodeAt(secret, clock.now), source: 'SELF' },
      session,
    )
    expect(confirmed.body).toMatchObject({ code: 200, message: 'Authenticator app bound' })
    expect((await login('bob', 'passw0rd')).errors?.[0]?.message.code).toBe(1635)

    expect((await call('DELETE', '/api/v2/mfa/totp/associate', undefined, session)).body).toMatchObject({
      code: 200,
      message: 'Authenticator app unbound',
    })
    expect((await login('bob', 'passw0rd')).data?.loginByUsername?.token).toBeTruthy()
  })

  it("in a login's step: the mfaToken binds it, and confirming completes the login", async () => {
    const { stepOf, call, strict, clock } = await mfaSetup()
    const token = (await stepOf('carol', strict)).data.mfaToken as string
    const association = await call('POST', '/api/v2/mfa/totp/associate', { source: 'APPLICATION' }, token, strict)
    const secret = association.body.data.secret as string
    const confirmed = await call(
      'POST',
      '/api/v2/mfa/totp/associate/confirm',
      { totp: totpCodeAt(secret, clock.now) },
      token,
      strict,
    )
    expect(confirmed.body).toMatchObject({ code: 200, data: { username: 'carol', token: expect.any(String) } })
    expect(
      (await call('POST', '/api/v2/mfa/totp/associate/confirm', { totp: '123456' }, token, strict)).body.code,
    ).toBe(2021)
  })

  it('an mfaToken cannot replace an authenticator already bound, nor unbind it', async () => {
    const { stepOf, call } = await mfaSetup()
    const token = (await stepOf('alice')).data.mfaToken as string
    expect((await call('POST', '/api/v2/mfa/totp/associate', {}, token)).body.code).toBe(2231)
    expect((await call('DELETE', '/api/v2/mfa/totp/associate', undefined, `Bearer ${token}`)).body.code).toBe(2020)
  })

  it('leaves only rows a data file can load again (record shapes)', async () => {
    const { stepOf, call, strict, emulator, rest } = await mfaSetup()
    const token = (await stepOf('carol', strict)).data.mfaToken as string
    await call('POST', '/api/v2/mfa/totp/associate', {}, token, strict)
    await stepOf('alice')
    await rest('POST', '/api/v2/sms/send', { phone: '13800138000', scene: 'mfa-verify' })
    const { tables } = emulator.store.snapshot()
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['totpAuthenticators', 'mfaChallenges', 'codes']))
    for (const [table, rows] of Object.entries(tables))
      for (const row of Object.values(rows)) expect(recordShapeProblem(table, row)).toBeUndefined()
  })

  it('the hosted login refuses an account that needs a second factor, rather than skipping it', async () => {
    const { logIn, authorizeQuery } = await setupOidc({ seed: mfaSeed() })
    const res = await logIn(authorizeQuery(), 'alice', 'passw0rd')
    expect(res.status).toBe(403)
    expect(await res.text()).toMatch(/second factor/)
  })
})

describe("the pool's MFA policy", () => {
  it('asks logins to apps without a policy of their own; an app with its own keeps it; a bad one stops the seed', async () => {
    const seed = mfaSeed()
    seed.userPool = { ...seed.userPool, mfa: ['EMAIL'] }
    const emulator = await setup({ seed })
    const step = (await emulator.login('bob', 'passw0rd')).errors?.[0]?.message as { code: number; data: any }
    expect(step).toMatchObject({ code: 1636, data: { applicationMfa: [{ mfaPolicy: 'EMAIL' }] } })
    const strict = (await emulator.login('bob', 'passw0rd', { appId: '62a0f0a9c6b1c2a3d4e5f610' })).errors?.[0]
      ?.message as { data: any }
    expect(strict.data.applicationMfa.map((p: { mfaPolicy: string }) => p.mfaPolicy)).toEqual(['SMS', 'EMAIL', 'OTP'])
    const config = await emulator.emulator.fetch(
      new Request(`${base}/api/v2/applications/${emulator.info.appId}/public-config`),
    )
    expect(((await config.json()) as Body).data.applicationMfa).toMatchObject([{ mfaPolicy: 'EMAIL' }])
    const [pool] = Object.values(emulator.emulator.store.snapshot().tables.userPools ?? {})
    expect(pool).toMatchObject({ mfa: ['EMAIL'] })
    expect(recordShapeProblem('userPools', pool)).toBeUndefined()

    const bad = structuredClone(defaultSeed)
    bad.userPool = { ...bad.userPool, mfa: ['FACE'] as never }
    await expect(setup({ seed: bad })).rejects.toThrow(/userPool\.mfa/)
  })
})
