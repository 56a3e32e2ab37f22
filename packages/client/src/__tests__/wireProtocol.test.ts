/**
 * What goes over the wire, call by call: the cases the per-feature tests leave out. Every request is
 * recorded on its way into the real in-process emulator, so each answer is still Authing's protocol.
 */
import forge from 'node-forge'
import { describe, expect, it } from 'vitest'

import type { AuthenticationClient } from '../index.js'
import { BOB_ID, type RecordedRequest, startEmulator } from './testEmulator.js'

type Setup = Awaited<ReturnType<typeof startEmulator>>

/** The requests one call sends. */
async function sentBy(setup: Setup, call: () => Promise<unknown>): Promise<RecordedRequest[]> {
  const from = setup.requests.length
  await call()
  return setup.requests.slice(from)
}

function bodyOf(request: RecordedRequest | undefined): Record<string, unknown> {
  if (!request) throw new Error('no request was recorded')
  return JSON.parse(request.body) as Record<string, unknown>
}

function variablesOf(request: RecordedRequest | undefined): Record<string, unknown> {
  return bodyOf(request).variables as Record<string, unknown>
}

/** The last GraphQL request of a call (a first password call also fetches the public key, a reset sends its code first). */
function graphqlOf(requests: RecordedRequest[]): RecordedRequest | undefined {
  return requests.filter((request) => request.url.endsWith('/graphql/v2')).at(-1)
}

/** Decrypts a password field with the emulator's private key, as Authing's server does. */
function passwordDecryptor(setup: Setup): (ciphertext: unknown) => string {
  const keys = setup.emulator.store.table<{ password: { privateKeyPem: string } }>('keys').get('current')
  if (!keys) throw new Error('the emulator has no keys yet')
  const key = forge.pki.privateKeyFromPem(keys.password.privateKeyPem)
  return (ciphertext) => forge.util.decodeUtf8(key.decrypt(forge.util.decode64(String(ciphertext)), 'RSAES-PKCS1-V1_5'))
}

// These tests send one destination several codes in a row; the resend interval has its own tests.
const resendAtOnce = { codeLimits: { resendIntervalSeconds: 0 } }

describe('the Authorization header', () => {
  it('carries the session token on user calls, and never on login, registration, codes, resets or the public key', async () => {
    const setup = await startEmulator(resendAtOnce)
    const { info, lastCode } = setup
    const bobToken = (await setup.bob()).getSnapshot().token ?? ''
    // Starting from the token option, the very first request (the public key) already has a session to leak.
    const authing = setup.client({ token: bobToken })
    const steps: [name: string, bearer: boolean, call: (a: AuthenticationClient) => Promise<unknown>][] = [
      ['loginByUsername + public key', false, (a) => a.loginByUsername('bob', 'passw0rd')],
      ['loginByEmail', false, (a) => a.loginByEmail('bob@example.com', 'passw0rd')],
      ['loginByPhonePassword', false, (a) => a.loginByPhonePassword('13800138000', 'passw0rd')],
      ['sendSmsCode', false, (a) => a.sendSmsCode('13800138000', undefined, 'login')],
      ['loginByPhoneCode', false, (a) => a.loginByPhoneCode('13800138000', lastCode('13800138000'))],
      ['sendEmail', false, (a) => a.sendEmail('bob@example.com', 'LOGIN_VERIFY_CODE')],
      ['loginByEmailCode', false, (a) => a.loginByEmailCode('bob@example.com', lastCode('bob@example.com'))],
      ['registerByUsername', false, (a) => a.registerByUsername('wire-ann', 'ann-pw-1')],
      ['registerByEmail', false, (a) => a.registerByEmail('bea@example.com', 'bea-pw-1')],
      ['sendSmsCode register', false, (a) => a.sendSmsCode('13700137010', undefined, 'register')],
      ['registerByPhoneCode', false, (a) => a.registerByPhoneCode('13700137010', lastCode('13700137010'))],
      ['sendSmsCode reset', false, (a) => a.sendSmsCode('13800138000', undefined, 'reset')],
      [
        'resetPasswordByPhoneCode',
        false,
        (a) => a.resetPasswordByPhoneCode('13800138000', lastCode('13800138000'), 'reset-pw-1'),
      ],
      ['sendEmail reset', false, (a) => a.sendEmail('bob@example.com', 'RESET_PASSWORD')],
      [
        'resetPasswordByEmailCode',
        false,
        (a) => a.resetPasswordByEmailCode('bob@example.com', lastCode('bob@example.com'), 'reset-pw-2'),
      ],
      ['getCurrentUser', true, (a) => a.getCurrentUser()],
      ['updateProfile', true, (a) => a.updateProfile({ nickname: 'Wired' })],
      ['updatePassword', true, (a) => a.updatePassword('updated-pw-3', 'reset-pw-2')],
      ['checkPasswordStrength', true, (a) => a.checkPasswordStrength('strong-enough-1')],
      ['isUserExists', true, (a) => a.isUserExists({ username: 'wire-ann' })],
      ['checkLoginStatus', true, (a) => a.checkLoginStatus()],
      ['refreshToken', true, (a) => a.refreshToken()],
      ['listRoles', true, (a) => a.listRoles()],
      ['hasRole', true, (a) => a.hasRole('admin')],
      ['listAuthorizedResources', true, (a) => a.listAuthorizedResources(info.appId)],
      ['listApplications', true, (a) => a.listApplications()],
      ['getUdfValue', true, (a) => a.getUdfValue()],
      ['setUdfValue', true, (a) => a.setUdfValue({ school: 'MIT' })],
      ['removeUdfValue', true, (a) => a.removeUdfValue('school')],
      ['unbindEmail', true, (a) => a.unbindEmail()],
      ['sendEmail bind', false, (a) => a.sendEmail('bob@example.com', 'EMAIL_BIND_VERIFY_CODE')],
      ['bindEmail', true, (a) => a.bindEmail('bob@example.com', lastCode('bob@example.com'))],
      ['sendEmail change', false, (a) => a.sendEmail('bobby@example.com', 'CHANGE_EMAIL')],
      ['updateEmail', true, (a) => a.updateEmail('bobby@example.com', lastCode('bobby@example.com'))],
      ['unbindPhone', true, (a) => a.unbindPhone()],
      ['sendSmsCode bind', false, (a) => a.sendSmsCode('13600136010', undefined, 'bind')],
      ['bindPhone', true, (a) => a.bindPhone('13600136010', lastCode('13600136010'))],
      ['sendSmsCode bind again', false, (a) => a.sendSmsCode('13600136011', undefined, 'bind')],
      ['updatePhone', true, (a) => a.updatePhone('13600136011', lastCode('13600136011'))],
      ['logout', true, (a) => a.logout()],
    ]
    const seen: [string, (string | null)[]][] = []
    const expected: [string, (string | null)[]][] = []
    for (const [name, bearer, call] of steps) {
      const token = authing.getSnapshot().token
      expect(token, `a session exists before ${name}`).toMatch(/^ey/)
      const requests = await sentBy(setup, () => call(authing))
      seen.push([name, requests.map((request) => request.headers.get('authorization'))])
      expected.push([name, requests.map(() => (bearer ? `Bearer ${token}` : null))])
      expect(requests.length, `${name} sent something`).toBeGreaterThan(0)
    }
    expect(seen).toEqual(expected)
  })
})

describe('the x-authing headers', () => {
  it('every request, GraphQL or REST, names the app and the SDK, in the language of the moment, no user pool, no cookies', async () => {
    const setup = await startEmulator()
    const credentials: RequestCredentials[] = []
    const authing = setup.client({
      lang: 'en-US',
      fetch: (input, init) => {
        credentials.push(new Request(input, init).credentials)
        return setup.recordingFetch(input, init)
      },
    })
    const english = [
      ...(await sentBy(setup, () => authing.loginByUsername('bob', 'passw0rd'))),
      ...(await sentBy(setup, () => authing.sendSmsCode('13800138000'))),
      ...(await sentBy(setup, () => authing.listApplications())),
    ]
    authing.setLang('zh-CN')
    const chinese = [
      ...(await sentBy(setup, () => authing.getCurrentUser())),
      ...(await sentBy(setup, () => authing.logout())),
    ]
    expect(english.map((r) => new URL(r.url).pathname)).toEqual([
      '/api/v2/.well-known',
      '/graphql/v2',
      '/api/v2/sms/send',
      '/api/v2/users/me/applications/allowed',
    ])
    // No cookies go along (the v4 SDK sends them everywhere): only a captcha's answer needs its session.
    expect(credentials).toEqual([...english, ...chinese].map(() => 'same-origin'))
    credentials.length = 0
    await authing.loginByUsername('bob', 'passw0rd', { captchaCode: 'abcd' }).catch(() => {})
    await authing.loginByUsername('bob', 'passw0rd', { captchaCode: 'abcd', agreementIds: [] }).catch(() => {})
    expect(credentials).toEqual(['include', 'include'])
    for (const [requests, lang] of [
      [english, 'en-US'],
      [chinese, 'zh-CN'],
    ] as const) {
      for (const request of requests) {
        expect(Object.fromEntries([...request.headers].filter(([name]) => name.startsWith('x-authing-')))).toEqual({
          'x-authing-app-id': setup.info.appId,
          'x-authing-request-from': 'sdk',
          'x-authing-sdk-version': 'js:4.21.8',
          'x-authing-lang': lang,
        })
      }
    }
  })
})

describe('password encryption', () => {
  it('every password-carrying field is RSA-encrypted to exactly the password, and no plaintext leaves the client', async () => {
    const setup = await startEmulator()
    const { lastCode } = setup
    const decrypt = passwordDecryptor(setup)
    const authing = setup.client()
    await authing.sendSmsCode('13700137020', undefined, 'register')
    const phoneCode = lastCode('13700137020')
    const cases: [name: string, call: () => Promise<unknown>, fields: Record<string, string>][] = [
      ['loginByUsername', () => authing.loginByUsername('bob', 'passw0rd'), { 'input.password': 'passw0rd' }],
      ['loginByEmail', () => authing.loginByEmail('bob@example.com', 'passw0rd'), { 'input.password': 'passw0rd' }],
      [
        'loginByPhonePassword',
        () => authing.loginByPhonePassword('13800138000', 'passw0rd'),
        { 'input.password': 'passw0rd' },
      ],
      [
        'registerByUsername',
        () => authing.registerByUsername('enc-user', 'Ünïcode-pw-1'),
        { 'input.password': 'Ünïcode-pw-1' },
      ],
      [
        'registerByEmail',
        () => authing.registerByEmail('enc@example.com', 'email-pw-2'),
        { 'input.password': 'email-pw-2' },
      ],
      [
        'registerByPhoneCode',
        () => authing.registerByPhoneCode('13700137020', phoneCode, 'phone-pw-3'),
        { 'input.password': 'phone-pw-3' },
      ],
      [
        'updatePassword',
        () => authing.updatePassword('changed-pw-4', 'passw0rd'),
        { newPassword: 'changed-pw-4', oldPassword: 'passw0rd' },
      ],
      [
        'resetPasswordByPhoneCode',
        async () => {
          await authing.sendSmsCode('13800138000', undefined, 'reset')
          return authing.resetPasswordByPhoneCode('13800138000', lastCode('13800138000'), 'reset-pw-5')
        },
        { newPassword: 'reset-pw-5' },
      ],
      [
        'resetPasswordByEmailCode',
        async () => {
          await authing.sendEmail('bob@example.com', 'RESET_PASSWORD')
          return authing.resetPasswordByEmailCode('bob@example.com', lastCode('bob@example.com'), 'reset-pw-6')
        },
        { newPassword: 'reset-pw-6' },
      ],
    ]
    const plaintexts = cases.flatMap(([, , fields]) => Object.values(fields))
    for (const [name, call, fields] of cases) {
      const variables = variablesOf(graphqlOf(await sentBy(setup, call)))
      for (const [path, password] of Object.entries(fields)) {
        const ciphertext = path
          .split('.')
          .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], variables)
        expect(typeof ciphertext, `${name} ${path}`).toBe('string')
        expect(atob(String(ciphertext)), `${name} ${path}`).toHaveLength(128) // one RSA-1024 block
        expect(decrypt(ciphertext), `${name} ${path}`).toBe(password)
      }
    }
    for (const request of setup.requests) {
      for (const password of plaintexts) expect(`${request.url} ${request.body}`).not.toContain(password)
    }
  })

  it('registerByPhoneCode without a password sends no password field at all', async () => {
    const setup = await startEmulator()
    const authing = setup.client()
    await authing.sendSmsCode('13700137030', undefined, 'register')
    const requests = await sentBy(setup, () =>
      authing.registerByPhoneCode('13700137030', setup.lastCode('13700137030')),
    )
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/graphql/v2']) // no public key needed either
    expect(variablesOf(requests[0])).toEqual({ input: { phone: '13700137030', code: expect.any(String) } })
  })

  it('checkPasswordStrength sends the password in clear, as Authing defines it', async () => {
    const setup = await startEmulator()
    const requests = await sentBy(setup, () => setup.client().checkPasswordStrength('plain-pw-7'))
    expect(requests).toHaveLength(1)
    expect(variablesOf(requests[0])).toEqual({ password: 'plain-pw-7' })
  })
})

describe('request shapes', () => {
  it('GraphQL is a POST of JSON {query, variables} without operationName; options left out are not sent as null', async () => {
    const setup = await startEmulator()
    const authing = setup.client()
    const login = graphqlOf(await sentBy(setup, () => authing.loginByUsername('bob', 'passw0rd')))
    expect(login).toMatchObject({ method: 'POST', url: `${setup.info.appHost}/graphql/v2` })
    expect(login?.headers.get('content-type')).toMatch(/^application\/json/)
    expect(Object.keys(bodyOf(login)).sort()).toEqual(['query', 'variables'])
    expect(variablesOf(login)).toEqual({ input: { username: 'bob', password: expect.any(String) } })
    // The current user is whoever the bearer names: no id is sent.
    expect(variablesOf((await sentBy(setup, () => authing.getCurrentUser()))[0])).toEqual({})
    expect(variablesOf((await sentBy(setup, () => authing.checkLoginStatus('some-token')))[0])).toEqual({
      token: 'some-token',
    })
    await authing.logout()
    expect(variablesOf((await sentBy(setup, () => authing.checkLoginStatus()))[0])).toEqual({})
  })

  it('REST calls: method, path, query and JSON body as Authing expects', async () => {
    const setup = await startEmulator(resendAtOnce)
    const { info } = setup
    const authing = setup.client()
    const [sms] = await sentBy(setup, () => authing.sendSmsCode('13800138000', '+86', 'login'))
    expect(sms).toMatchObject({ method: 'POST', url: `${info.appHost}/api/v2/sms/send` })
    expect(sms?.headers.get('content-type')).toBe('application/json')
    expect(bodyOf(sms)).toEqual({ phone: '13800138000', phoneCountryCode: '+86', scene: 'login' })
    expect(bodyOf((await sentBy(setup, () => authing.sendSmsCode('13800138000')))[0])).toEqual({ phone: '13800138000' })

    await authing.sendEmail('bob@example.com', 'LOGIN_VERIFY_CODE')
    const code = setup.lastCode('bob@example.com')
    const [emailLogin] = await sentBy(setup, () => authing.loginByEmailCode('bob@example.com', code))
    expect(emailLogin).toMatchObject({ method: 'POST', url: `${info.appHost}/api/v2/login/email-code` })
    expect(bodyOf(emailLogin)).toEqual({ email: 'bob@example.com', code })

    const [apps] = await sentBy(setup, () => authing.listApplications())
    expect(apps).toMatchObject({
      method: 'GET',
      url: `${info.appHost}/api/v2/users/me/applications/allowed?page=1&limit=10`,
      body: '',
    })
    const [page2] = await sentBy(setup, () => authing.listApplications({ page: 2, limit: 5 }))
    expect(page2?.url).toBe(`${info.appHost}/api/v2/users/me/applications/allowed?page=2&limit=5`)

    const [logout] = await sentBy(setup, () => authing.logout())
    expect(logout).toMatchObject({ method: 'GET', url: `${info.appHost}/api/v2/logout?app_id=${info.appId}`, body: '' })
  })

  it('pipeline options travel as Authing names them: params [{key, value}] JSON, context JSON, clientIp, profile and flags', async () => {
    const setup = await startEmulator()
    const authing = setup.client()
    const pipeline = { customData: { plan: 'pro', seats: 3 }, context: { source: 'wire-test' }, clientIp: '10.0.0.7' }
    const onWire = {
      params: JSON.stringify([
        { key: 'plan', value: 'pro' },
        { key: 'seats', value: 3 },
      ]),
      context: '{"source":"wire-test"}',
      clientIp: '10.0.0.7',
    }

    await authing.sendSmsCode('13800138000', undefined, 'login')
    const code = setup.lastCode('13800138000')
    const phoneLogin = await sentBy(setup, () =>
      authing.loginByPhoneCode('13800138000', code, { ...pipeline, phoneCountryCode: '+86', autoRegister: false }),
    )
    expect(variablesOf(phoneLogin[0])).toEqual({
      input: { phone: '13800138000', code, phoneCountryCode: '+86', autoRegister: false, ...onWire },
    })

    const register = await sentBy(setup, () =>
      authing.registerByUsername('piper', 'piper-pw-1', { nickname: 'Piper' }, { ...pipeline, forceLogin: true }),
    )
    expect(variablesOf(graphqlOf(register))).toEqual({
      input: {
        username: 'piper',
        password: expect.any(String),
        profile: { nickname: 'Piper' },
        forceLogin: true,
        ...onWire,
      },
    })

    const login = await sentBy(setup, () =>
      authing.loginByEmail('bob@example.com', 'passw0rd', { autoRegister: true, captchaCode: 'x1y2' }),
    )
    expect(variablesOf(login[0])).toEqual({
      input: { email: 'bob@example.com', password: expect.any(String), autoRegister: true, captchaCode: 'x1y2' },
    })
  })

  it('generateToken: the new user gets a working token, and this client keeps its own session', async () => {
    const setup = await startEmulator()
    const authing = await setup.bob()
    const before = authing.getSnapshot()
    let gina: Awaited<ReturnType<AuthenticationClient['registerByUsername']>> | undefined
    const requests = await sentBy(
      setup,
      async () => (gina = await authing.registerByUsername('gina', 'gina-pw-1', {}, { generateToken: true })),
    )
    expect(variablesOf(graphqlOf(requests))).toMatchObject({ input: { generateToken: true } })
    expect(authing.getSnapshot()).toBe(before)
    const token = gina?.token ?? ''
    expect(token).toMatch(/^ey/)
    await expect(setup.client({ token }).getCurrentUser()).resolves.toMatchObject({ username: 'gina' })
  })

  it('user calls name the session user and the field they change; a password slipped into updateProfile is not sent', async () => {
    const setup = await startEmulator()
    const authing = await setup.bob()
    const variablesFor = async (call: () => Promise<unknown>) => variablesOf((await sentBy(setup, call))[0])
    const profile = await variablesFor(() =>
      authing.updateProfile({ nickname: 'Rob', password: 'sneaky-pw-9' } as never),
    )
    expect(profile).toEqual({ id: BOB_ID, input: { nickname: 'Rob' } })
    expect(await variablesFor(() => authing.listRoles('default'))).toEqual({ id: BOB_ID, namespace: 'default' })
    expect(
      await variablesFor(() => authing.listAuthorizedResources(setup.info.appId, { resourceType: 'DATA' })),
    ).toEqual({
      id: BOB_ID,
      namespace: setup.info.appId,
      resourceType: 'DATA',
    })
    expect(await variablesFor(() => authing.getUdfValue())).toEqual({ targetType: 'USER', targetId: BOB_ID })
    expect(await variablesFor(() => authing.setUdfValue({ school: 'MIT' }))).toEqual({
      targetType: 'USER',
      targetId: BOB_ID,
      udvList: [{ key: 'school', value: '"MIT"' }],
    })
    expect(await variablesFor(() => authing.removeUdfValue('school'))).toEqual({
      targetType: 'USER',
      targetId: BOB_ID,
      key: 'school',
    })
    expect(await variablesFor(() => authing.refreshToken())).toEqual({})
  })
})

describe('changing phone or email with the old one proven too', () => {
  it('updatePhone sends both numbers and codes; a wrong old code is 2001 and the number stays', async () => {
    const setup = await startEmulator(resendAtOnce)
    const { lastCode } = setup
    const authing = await setup.bob()
    await authing.sendSmsCode('13500135010', undefined, 'bind')
    await authing.sendSmsCode('13800138000', undefined, 'unbind')
    await expect(
      authing.updatePhone('13500135010', lastCode('13500135010'), '13800138000', 'wrong-code'),
    ).rejects.toMatchObject({ code: 2001 })
    await expect(authing.getCurrentUser()).resolves.toMatchObject({ phone: '13800138000' })

    await authing.sendSmsCode('13500135010', undefined, 'bind')
    const [newCode, oldCode] = [lastCode('13500135010'), lastCode('13800138000')]
    const [request] = await sentBy(setup, () =>
      authing.updatePhone('13500135010', newCode, '13800138000', oldCode, '+86', '+86'),
    )
    expect(variablesOf(request)).toEqual({
      phone: '13500135010',
      phoneCode: newCode,
      oldPhone: '13800138000',
      oldPhoneCode: oldCode,
      phoneCountryCode: '+86',
      oldPhoneCountryCode: '+86',
    })
    expect(authing.getSnapshot().user?.phone).toBe('13500135010')
    await expect(setup.client().loginByPhonePassword('13500135010', 'passw0rd')).resolves.toMatchObject({ id: BOB_ID })
  })

  it('updateEmail sends both addresses and codes; the user can then log in with the new address', async () => {
    const setup = await startEmulator()
    const { lastCode } = setup
    const authing = await setup.bob()
    await authing.sendEmail('robert@example.com', 'CHANGE_EMAIL')
    await authing.sendEmail('bob@example.com', 'EMAIL_UNBIND_VERIFY_CODE')
    const [newCode, oldCode] = [lastCode('robert@example.com'), lastCode('bob@example.com')]
    const [request] = await sentBy(setup, () =>
      authing.updateEmail('robert@example.com', newCode, 'bob@example.com', oldCode),
    )
    expect(variablesOf(request)).toEqual({
      email: 'robert@example.com',
      emailCode: newCode,
      oldEmail: 'bob@example.com',
      oldEmailCode: oldCode,
    })
    expect(authing.getSnapshot().user?.email).toBe('robert@example.com')
    await expect(setup.client().loginByEmail('robert@example.com', 'passw0rd')).resolves.toMatchObject({ id: BOB_ID })
    await expect(setup.client().loginByEmail('bob@example.com', 'passw0rd')).rejects.toMatchObject({ code: 2333 })
  })
})
