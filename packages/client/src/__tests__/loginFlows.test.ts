import { describe, expect, it, vi } from 'vitest'

import { isBadCredentials } from '../index.js'
import { BOB_ID, startEmulator } from './testEmulator.js'

describe('password logins', () => {
  it('loginByUsername: returns the user, starts the session and remembers it', async () => {
    const { client, info } = await startEmulator()
    const store = new Map<string, string>()
    const authing = client({
      tokenStore: {
        getItem: (k) => store.get(k) ?? null,
        setItem: (k, v) => void store.set(k, v),
        removeItem: (k) => void store.delete(k),
      },
    })
    const user = await authing.loginByUsername('bob', 'passw0rd')
    expect(user).toMatchObject({ id: BOB_ID, username: 'bob', email: 'bob@example.com', password: null })
    expect(user.customData).toEqual({ school: 'Tsinghua University' })
    expect(user.token).toMatch(/^ey/)
    expect(authing.getSnapshot()).toEqual({ user, token: user.token })
    expect(store.get(`authing-kit:${info.appId}:token`)).toBe(user.token)
    expect(JSON.parse(store.get(`authing-kit:${info.appId}:user`) ?? 'null')).toEqual(user)
  })

  it('loginByUsername: a wrong password is 2333, reported once to onError, session untouched', async () => {
    const { client } = await startEmulator()
    const onError = vi.fn()
    const authing = client({ onError })
    const error = await authing.loginByUsername('bob', 'wrong-password').catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'AuthingError', code: 2333 })
    expect(isBadCredentials(error)).toBe(true)
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(2333, expect.any(String), { remainCount: expect.any(Number) })
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
  })

  it('loginByUsername: an unknown user gets the same 2333 (no account enumeration)', async () => {
    const { client } = await startEmulator()
    await expect(client().loginByUsername('nobody', 'passw0rd')).rejects.toMatchObject({ code: 2333 })
  })

  it('older pools answer 2004 / 2006, which isBadCredentials also recognises', async () => {
    const { client } = await startEmulator({ legacyLoginErrors: true })
    const unknown = await client()
      .loginByUsername('nobody', 'passw0rd')
      .catch((e: unknown) => e)
    const wrong = await client()
      .loginByUsername('bob', 'nope-nope')
      .catch((e: unknown) => e)
    expect([unknown, wrong]).toMatchObject([{ code: 2004 }, { code: 2006 }])
    expect(isBadCredentials(unknown) && isBadCredentials(wrong)).toBe(true)
  })

  it('five failures lock the identifier (2005), the right password included', async () => {
    const { client } = await startEmulator()
    const authing = client()
    for (let i = 0; i < 5; i++)
      await expect(authing.loginByUsername('bob', `bad-${i}-pw`)).rejects.toMatchObject({ code: 2333 })
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 2005 })
  })

  it('sends the password RSA-encrypted, never in clear, and no bearer token on login', async () => {
    const { client, requests, info } = await startEmulator()
    const authing = client()
    await authing.loginByUsername('bob', 'passw0rd')
    const login = requests.find((r) => r.body.includes('loginByUsername'))
    if (!login) throw new Error('no login request recorded')
    expect(login.body).not.toContain('passw0rd')
    const { variables } = JSON.parse(login.body) as { variables: { input: { password: string } } }
    expect(atob(variables.input.password)).toHaveLength(128) // one RSA-1024 block
    expect(login.headers.get('x-authing-app-id')).toBe(info.appId)
    expect(login.headers.get('x-authing-request-from')).toBe('sdk')
    expect(login.headers.get('x-authing-lang')).toBe('zh-CN')
    expect(login.headers.get('authorization')).toBeNull()
    expect(login.url).toBe(`${info.appHost}/graphql/v2`)
  })

  it('fetches the public key once and reuses it', async () => {
    const { client, requests } = await startEmulator()
    const authing = client()
    await authing.loginByUsername('bob', 'passw0rd')
    await authing.loginByEmail('bob@example.com', 'passw0rd')
    expect(requests.filter((r) => r.url.endsWith('/api/v2/.well-known'))).toHaveLength(1)
  })

  it('loginByEmail: logs in; a wrong password is 2333', async () => {
    const { client } = await startEmulator()
    const authing = client()
    await expect(authing.loginByEmail('BOB@example.com', 'passw0rd')).resolves.toMatchObject({ id: BOB_ID })
    await expect(client().loginByEmail('bob@example.com', 'nope-nope')).rejects.toMatchObject({ code: 2333 })
  })

  it('loginByPhonePassword: logs in; a wrong password is 2333', async () => {
    const { client } = await startEmulator()
    await expect(client().loginByPhonePassword('13800138000', 'passw0rd')).resolves.toMatchObject({ id: BOB_ID })
    await expect(client().loginByPhonePassword('13800138000', 'nope-nope')).rejects.toMatchObject({ code: 2333 })
  })

  it('passes customData as Authing params and context as JSON', async () => {
    const { client, requests } = await startEmulator()
    await client().loginByUsername('bob', 'passw0rd', { customData: { source: 'test' }, context: { ip: '1.2.3.4' } })
    const login = requests.find((r) => r.body.includes('loginByUsername'))
    const { input } = (JSON.parse(login?.body ?? '{}') as { variables: { input: Record<string, string> } }).variables
    expect(JSON.parse(input.params ?? '')).toEqual([{ key: 'source', value: 'test' }])
    expect(JSON.parse(input.context ?? '')).toEqual({ ip: '1.2.3.4' })
  })
})

describe('code logins', () => {
  it('loginByPhoneCode: logs in with the code the emulator "sent"', async () => {
    const { client, lastCode } = await startEmulator()
    const authing = client()
    await authing.sendSmsCode('13800138000', undefined, 'login')
    const user = await authing.loginByPhoneCode('13800138000', lastCode('13800138000'))
    expect(user.id).toBe(BOB_ID)
    expect(authing.getSnapshot().token).toBe(user.token)
  })

  it('loginByPhoneCode: a wrong code is 2001, a reused one too', async () => {
    const { client, lastCode } = await startEmulator()
    const authing = client()
    await authing.sendSmsCode('13800138000')
    const code = lastCode('13800138000')
    await expect(authing.loginByPhoneCode('13800138000', code === '0000' ? '1111' : '0000')).rejects.toMatchObject({
      code: 2001,
    })
    await authing.loginByPhoneCode('13800138000', code)
    await expect(client().loginByPhoneCode('13800138000', code)).rejects.toMatchObject({ code: 2001 })
  })

  it('loginByPhoneCode: an expired code is 2300', async () => {
    let now = Date.now()
    const { client, lastCode } = await startEmulator({ now: () => now })
    const authing = client()
    await authing.sendSmsCode('13800138000')
    now += 301_000
    await expect(authing.loginByPhoneCode('13800138000', lastCode('13800138000'))).rejects.toMatchObject({ code: 2300 })
  })

  it('loginByPhoneCode: autoRegister creates the account', async () => {
    const { client, lastCode } = await startEmulator({ codeLimits: { resendIntervalSeconds: 0 } })
    const authing = client()
    await authing.sendSmsCode('13900139000')
    await expect(client().loginByPhoneCode('13900139000', lastCode('13900139000'))).rejects.toMatchObject({
      code: 2004,
    })
    await authing.sendSmsCode('13900139000')
    const user = await authing.loginByPhoneCode('13900139000', lastCode('13900139000'), { autoRegister: true })
    expect(user).toMatchObject({ phone: '13900139000', newlyCreated: true })
  })

  it('loginByEmailCode: logs in over REST with an emailed code', async () => {
    const { client, lastCode } = await startEmulator()
    const authing = client()
    await authing.sendEmail('bob@example.com', 'LOGIN_VERIFY_CODE')
    const user = await authing.loginByEmailCode('bob@example.com', lastCode('bob@example.com'))
    expect(user).toMatchObject({ id: BOB_ID, token: expect.stringMatching(/^ey/) })
    expect(authing.getSnapshot().user?.id).toBe(BOB_ID)
  })

  it('loginByEmailCode: a wrong code is 2001', async () => {
    const { client } = await startEmulator()
    const authing = client()
    await authing.sendEmail('bob@example.com', 'LOGIN_VERIFY_CODE')
    await expect(authing.loginByEmailCode('bob@example.com', 'not-the-code')).rejects.toMatchObject({ code: 2001 })
    expect(authing.getSnapshot().token).toBeNull()
  })
})
