import { defaultSeed, type SeedDocument } from '@authing-kit/emulator'
import { describe, expect, it } from 'vitest'

import { agreementsFor, AuthingError, captchaAlwaysRequired, loginStepOf } from '../index.js'
import type { FetchFunction } from '../transport/send.js'
import { startEmulator } from './testEmulator.js'
import { startManagement } from './testManagement.js'

/**
 * Node's fetch keeps no cookies, and the captcha's answer is bound to the cookie session its image
 * was served to: this wrapper plays the browser's part, keeping each `Set-Cookie` and sending the
 * cookies back, as a page does for an `<img>` and for `credentials: 'include'` requests.
 */
function cookieJar(fetch: FetchFunction) {
  const jar = new Map<string, string>()
  const withCookies: FetchFunction = async (input, init) => {
    const request = new Request(input, init)
    if (jar.size) request.headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '))
    const response = await fetch(request)
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      jar.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return response
  }
  return { fetch: withCookies, cookies: () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ') }
}

function seedWith(robotVerify: 'always_enable' | 'condition_set', agreements = false): SeedDocument {
  const seed = structuredClone(defaultSeed)
  seed.userPool = { ...seed.userPool, robotVerify, captchaAfterFailures: 1 }
  if (agreements) {
    const [app] = seed.applications ?? []
    seed.applications = [
      {
        ...app,
        agreements: [
          { title: '同意<a href="https://example.com/t">《用户协议》</a>', availableAt: 2 },
          { title: 'Accept the <a href="https://example.com/t">terms</a>', lang: 'en-US', availableAt: 1 },
          { title: '订阅', required: false, availableAt: 1 },
        ],
      },
    ]
  }
  return seed
}

describe('captcha step', () => {
  it('a password login owing a captcha is the captcha step; its answer from the image session passes', async () => {
    const { client, recordingFetch, emulator, info } = await startEmulator({ seed: seedWith('condition_set') })
    const browser = cookieJar(recordingFetch)
    const authing = client({ fetch: browser.fetch })
    await expect(authing.loginByUsername('bob', 'wrong')).rejects.toMatchObject({ code: 2333 })
    const error = await authing.loginByUsername('bob', 'passw0rd').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthingError)
    expect(loginStepOf(error)).toEqual({ kind: 'captcha', code: 2000 })

    const url = authing.getCaptchaUrl()
    expect(url).toMatch(new RegExp(`^${info.appHost}/api/v2/security/captcha\\?r=\\d+$`))
    const image = await browser.fetch(url)
    expect(image.headers.get('content-type')).toBe('image/png')
    const answer = emulator.captchaAnswer(browser.cookies()) ?? ''
    expect(answer).toMatch(/^[A-Z2-9]{4}$/)

    // A wrong answer burns the image: the right one then needs a new image.
    await expect(authing.loginByUsername('bob', 'passw0rd', { captchaCode: 'zzzz' })).rejects.toMatchObject({
      code: 2001,
    })
    await expect(authing.loginByUsername('bob', 'passw0rd', { captchaCode: answer })).rejects.toMatchObject({
      code: 2001,
    })
    await browser.fetch(authing.getCaptchaUrl())
    const user = await authing.loginByUsername('bob', 'passw0rd', { captchaCode: emulator.captchaAnswer() ?? '' })
    expect(user).toMatchObject({ username: 'bob', token: expect.any(String) })
  })

  it('every password login method carries captchaCode; without the image cookie the answer does not count', async () => {
    const { client, recordingFetch, emulator } = await startEmulator({ seed: seedWith('always_enable') })
    const browser = cookieJar(recordingFetch)
    const authing = client({ fetch: browser.fetch })
    const answer = async () => {
      await browser.fetch(authing.getCaptchaUrl())
      return emulator.captchaAnswer(browser.cookies()) ?? ''
    }
    await expect(
      authing.loginByEmail('bob@example.com', 'passw0rd', { captchaCode: await answer() }),
    ).resolves.toMatchObject({
      username: 'bob',
    })
    await expect(
      authing.loginByPhonePassword('13800138000', 'passw0rd', { captchaCode: await answer() }),
    ).resolves.toMatchObject({ username: 'bob' })
    // The same answer from a client that never loaded the image (no cookie) is refused.
    const code = await answer()
    await expect(client().loginByUsername('bob', 'passw0rd', { captchaCode: code })).rejects.toMatchObject({
      code: 2001,
    })
  })

  it('loginStepOf: other codes are no captcha step', () => {
    expect(loginStepOf(new AuthingError(2001, 'x'))).toBeNull()
    expect(loginStepOf(new AuthingError(2333, 'x'))).toBeNull()
  })
})

describe('public config', () => {
  it('is fetched once per client, shared by concurrent callers; a failure is not kept', async () => {
    const { client, requests, info } = await startEmulator({ seed: seedWith('always_enable', true) })
    const authing = client()
    const [a, b] = await Promise.all([authing.getPublicConfig(), authing.getPublicConfig()])
    expect(a).toBe(b)
    expect(await authing.getPublicConfig()).toBe(a)
    expect(requests.filter((r) => r.url.endsWith('/public-config'))).toHaveLength(1)
    expect(a).toMatchObject({
      id: info.appId,
      userPoolId: info.userPoolId,
      loginTabs: { list: ['password', 'phone-code'], default: 'password' },
      passwordTabConfig: { enabledLoginMethods: ['username-password', 'email-password', 'phone-password'] },
      agreementEnabled: true,
      userpoolRobotVerify: 'always_enable',
    })
    expect(captchaAlwaysRequired(a)).toBe(true)
    expect(agreementsFor(a, 'login', 'zh-CN').map((g) => g.id)).toEqual([1, 3])
    expect(agreementsFor(a, 'login', 'en-US').map((g) => g.id)).toEqual([2])
    expect(agreementsFor(a, 'register', 'zh-CN').map((g) => g.id)).toEqual([1])

    const unknown = client({ appId: '62a0f0a9c6b1c2a3d4e5f6ff' })
    await expect(unknown.getPublicConfig()).rejects.toMatchObject({ code: 2011 })
    await expect(unknown.getPublicConfig()).rejects.toMatchObject({ code: 2011 })
    expect(requests.filter((r) => r.url.includes('5f6ff/public-config'))).toHaveLength(2)
  })

  it('a caller may stop waiting with its signal; the shared fetch carries on for the others', async () => {
    const { client } = await startEmulator()
    const authing = client()
    const controller = new AbortController()
    const aborted = authing.getPublicConfig({ signal: controller.signal })
    const other = authing.getPublicConfig()
    controller.abort()
    await expect(aborted).rejects.toMatchObject({ code: 'aborted' })
    await expect(other).resolves.toMatchObject({ name: 'Emulator App' })
  })
})

describe('agreements', () => {
  it('agreementIds send the login through Authing REST; a missing required one is refused', async () => {
    const { client, requests, lastCode } = await startEmulator({ seed: seedWith('condition_set', true) })
    const authing = client()
    const refused = await authing.loginByUsername('bob', 'passw0rd', { agreementIds: [3] }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 2231, data: { agreementIds: [1] } })
    expect(requests.at(-1)?.url).toMatch(/\/api\/v2\/login\/account$/)
    expect(JSON.parse(requests.at(-1)?.body ?? '')).toEqual({
      account: 'bob',
      password: expect.any(String),
      agreementIds: [3],
    })
    await expect(authing.loginByUsername('bob', 'passw0rd', { agreementIds: [1] })).resolves.toMatchObject({
      username: 'bob',
    })
    expect(authing.getSnapshot().user?.username).toBe('bob')
    // English users tick the English one.
    const english = client({ lang: 'en-US' })
    await expect(english.loginByEmail('bob@example.com', 'passw0rd', { agreementIds: [2] })).resolves.toMatchObject({
      username: 'bob',
    })

    await authing.sendSmsCode('13800138000', undefined, 'login')
    await expect(
      authing.loginByPhoneCode('13800138000', lastCode('13800138000'), { agreementIds: [] }),
    ).rejects.toMatchObject({
      code: 2231,
    })
    await expect(
      authing.loginByPhoneCode('13800138000', lastCode('13800138000'), { agreementIds: [1] }),
    ).resolves.toMatchObject({ username: 'bob' })
    expect(requests.at(-1)?.url).toMatch(/\/api\/v2\/login\/phone-code$/)

    await authing.sendEmail('bob@example.com', 'LOGIN_VERIFY_CODE')
    const code = lastCode('bob@example.com')
    await expect(authing.loginByEmailCode('bob@example.com', code, { agreementIds: [] })).rejects.toMatchObject({
      code: 2231,
    })
    await expect(authing.loginByEmailCode('bob@example.com', code, { agreementIds: [1] })).resolves.toMatchObject({
      username: 'bob',
    })
  })

  it("agreementIds send a registration through Authing REST: the register form's required ones", async () => {
    const { client, requests, lastCode } = await startEmulator({ seed: seedWith('condition_set', true) })
    const authing = client()
    // Agreement 1 is on both forms; 2 and 3 only on the login form.
    await expect(authing.registerByUsername('newbie', 'passw0rd', {}, { agreementIds: [3] })).rejects.toMatchObject({
      code: 2231,
      data: { agreementIds: [1] },
    })
    expect(requests.at(-1)?.url).toMatch(/\/api\/v2\/register\/username$/)
    const user = await authing.registerByUsername('newbie', 'passw0rd', {}, { agreementIds: [1], forceLogin: true })
    expect(user).toMatchObject({ username: 'newbie', token: expect.any(String) })
    expect(authing.getSnapshot().user?.username).toBe('newbie')
    const quiet = await authing.registerByEmail('new@example.com', 'passw0rd', {}, { agreementIds: [1] })
    expect(quiet).toMatchObject({ email: 'new@example.com' })
    expect(authing.getSnapshot().user?.username).toBe('newbie')
    await authing.sendSmsCode('13900139000', undefined, 'register')
    const code = lastCode('13900139000')
    const byPhone = await authing.registerByPhoneCode('13900139000', code, undefined, {}, { agreementIds: [1] })
    expect(byPhone).toMatchObject({ phone: '13900139000' })
    expect(requests.at(-1)?.url).toMatch(/\/api\/v2\/register\/phone-code$/)
  })

  it("management: create, list, modify, sort and delete an app's agreements", async () => {
    const { admin, info, client } = await startManagement()
    const created = await admin.applications.createAgreement(info.appId, {
      title: 'I accept the <a href="https://example.com/t">terms</a>',
      availableAt: 2,
    })
    expect(created).toMatchObject({ id: 1, appId: info.appId, required: true, lang: 'zh-CN', availableAt: 2, order: 1 })
    const second = await admin.applications.createAgreement(info.appId, { title: 'Newsletter', required: false })
    expect(await admin.applications.modifyAgreement(info.appId, second.id, { lang: 'en-US' })).toMatchObject({
      lang: 'en-US',
    })
    expect(await admin.applications.sortAgreement(info.appId, [second.id, created.id])).toBe(true)
    const listed = await admin.applications.listAgreement(info.appId)
    expect(listed.totalCount).toBe(2)
    expect(listed.list.map((a) => a.id)).toEqual([second.id, created.id])
    expect((await client().getPublicConfig()).agreements.map((a) => a.id)).toEqual([second.id, created.id])
    expect(await admin.applications.deleteAgreement(info.appId, second.id)).toBe(true)
    await expect(admin.applications.deleteAgreement(info.appId, second.id)).rejects.toMatchObject({ code: 2231 })
    expect((await admin.applications.listAgreement(info.appId)).totalCount).toBe(1)
  })
})
