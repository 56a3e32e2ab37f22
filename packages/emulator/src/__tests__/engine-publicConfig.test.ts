import { describe, expect, it } from 'vitest'

import { defaultSeed, type SeedDocument } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { setupManagement } from './fixtures/management.js'

const appId = '62a0f0a9c6b1c2a3d4e5f602'
const termsZh = '我已阅读并同意<a href="https://example.com/terms" target="_blank">《用户协议》</a>'

function agreementSeed(extra: Partial<NonNullable<SeedDocument['applications']>[number]> = {}): SeedDocument {
  const seed = structuredClone(defaultSeed)
  const [app] = seed.applications ?? []
  seed.applications = [
    {
      ...app,
      agreements: [
        { title: termsZh, availableAt: 2 },
        { title: 'I accept the <a href="https://example.com/terms">terms</a>', lang: 'en-US', availableAt: 1 },
        { title: '订阅邮件', required: false, availableAt: 1 },
        { title: '注册协议', availableAt: 0 },
      ],
      ...extra,
    },
  ]
  return seed
}

describe('public config', () => {
  it('answers what a login form needs, without a token; an unknown app is 2011', async () => {
    const { rest, info, publicKeyPem } = await setupManagement()
    const res = await rest('GET', `/api/v2/applications/${info.appId}/public-config`, undefined, { appId: null })
    expect(res.body.code).toBe(200)
    const config = res.body.data
    expect(config).toMatchObject({
      id: info.appId,
      userPoolId: info.userPoolId,
      name: 'Emulator App',
      identifier: 'emulator-app',
      description: 'The application of the default seed',
      requestHostname: '127.0.0.1:5556',
      redirectUris: [],
      allowedOrigins: [],
      publicKey: publicKeyPem,
      loginTabs: { list: ['password', 'phone-code'], default: 'password', title: { password: '密码登录' } },
      passwordTabConfig: {
        enabledLoginMethods: ['username-password', 'email-password', 'phone-password'],
        validLoginMethods: ['username-password', 'email-password', 'phone-password'],
        validRegisterMethods: ['email-password', 'phone-password'],
      },
      verifyCodeTabConfig: { enabledLoginMethods: ['phone-code', 'email-code'] },
      registerDisabled: false,
      registerTabs: { list: ['email', 'phone'], default: 'email' },
      verifyCodeLength: 6,
      agreementEnabled: false,
      agreements: [],
      customSecurityEnabled: false,
      appRobotVerify: 'disable',
      userpoolRobotVerify: 'disable',
      mfaBindConfigs: [],
      passkeyEnabled: true,
      // The default seed's six, as Guard's buttons (engine-social.test.ts checks their fields).
      socialConnections: expect.arrayContaining([expect.objectContaining({ identifier: 'github', action: 'auth' })]),
      identityProviders: [],
      qrcodeTabsSettings: {},
      extendsFieldsEnabled: false,
      extendsFields: [],
      passwordStrength: 1,
    })
    expect(JSON.stringify(config)).not.toContain(info.appSecret)
    const unknown = await rest('GET', '/api/v2/applications/62a0f0a9c6b1c2a3d4e5f6ff/public-config')
    expect(unknown.body.code).toBe(2011)
  })

  it('follows the seed: tabs, methods, register switch, robot policy, MFA policy', async () => {
    const seed = agreementSeed({
      loginTabs: ['phone-code', 'password'],
      passwordLoginMethods: ['email-password'],
      verifyCodeLoginMethods: ['phone-code'],
      registerTabs: ['phone'],
      registerDisabled: true,
      mfa: ['SMS', 'OTP'],
      extendsFields: [{ type: 'internal', name: 'email', label: 'Email', required: true }],
      skipComplateFileds: true,
    })
    seed.userPool = { ...seed.userPool, robotVerify: 'condition_set', captchaAfterFailures: 2, passwordStrength: 2 }
    const { rest, emulator } = await setupManagement({ seed })
    const config = (await rest('GET', `/api/v2/applications/${appId}/public-config`)).body.data
    expect(config).toMatchObject({
      loginTabs: { list: ['phone-code', 'password'], default: 'phone-code' },
      passwordTabConfig: { enabledLoginMethods: ['email-password'], validRegisterMethods: ['phone-password'] },
      verifyCodeTabConfig: { enabledLoginMethods: ['phone-code'] },
      registerDisabled: true,
      registerTabs: { list: ['phone'], default: 'phone' },
      appRobotVerify: 'condition_set',
      userpoolRobotVerify: 'condition_set',
      mfaBindConfigs: [
        { mfa: 'SMS', changeable: false },
        { mfa: 'OTP', changeable: false },
      ],
      agreementEnabled: true,
      passwordStrength: 2,
      extendsFieldsEnabled: true,
      extendsFields: [
        {
          type: 'internal',
          name: 'email',
          label: 'Email',
          inputType: 'email',
          required: true,
          validateRules: [{ type: 'email', content: '' }],
        },
      ],
      complateFiledsPlace: ['login'],
      skipComplateFileds: true,
    })
    expect(config.agreements).toEqual([
      { id: 1, title: termsZh, required: true, lang: 'zh-CN', availableAt: 2 },
      { id: 2, title: expect.stringContaining('<a href='), required: true, lang: 'en-US', availableAt: 1 },
      { id: 3, title: '订阅邮件', required: false, lang: 'zh-CN', availableAt: 1 },
      { id: 4, title: '注册协议', required: true, lang: 'zh-CN', availableAt: 0 },
    ])
    for (const [table, rows] of Object.entries(emulator.store.snapshot().tables))
      for (const row of Object.values(rows)) expect(recordShapeProblem(table, row)).toBeUndefined()
  })

  it('registerDisabled: registrations answer 2031', async () => {
    const { gql, encrypt } = await setupManagement({ seed: agreementSeed({ registerDisabled: true }) })
    const res = await gql(
      'mutation registerByUsername($input: RegisterByUsernameInput!) { registerByUsername(input: $input) { id } }',
      { input: { username: 'newbie', password: encrypt('passw0rd') } },
    )
    expect(res.errors?.[0]?.message.code).toBe(2031)
  })
})

describe('agreements', () => {
  it('REST logins need every required agreement their form shows in the request language', async () => {
    const { rest, encrypt } = await setupManagement({ seed: agreementSeed() })
    const body = { account: 'bob', password: encrypt('passw0rd') }
    const missing = await rest('POST', '/api/v2/login/account', body)
    expect(missing.body).toMatchObject({ code: 2231, data: { agreementIds: [1] } })
    // The optional one and the register-only one are not needed.
    const ok = await rest('POST', '/api/v2/login/account', { ...body, agreementIds: [1] })
    expect(ok.body.code).toBe(200)
    // English users see (and must tick) the English one only.
    const english = await rest('POST', '/api/v2/login/account', { ...body, agreementIds: [1] }, { lang: 'en-US' })
    expect(english.body).toMatchObject({ code: 2231, data: { agreementIds: [2] } })
    expect(
      (await rest('POST', '/api/v2/login/account', { ...body, agreementIds: [2] }, { lang: 'en-US' })).body.code,
    ).toBe(200)
    const badIds = await rest('POST', '/api/v2/login/account', { ...body, agreementIds: ['1'] })
    expect(badIds.body.code).toBe(2231)
  })

  it('phone-code and email-code REST logins check them before the code is spent', async () => {
    const { rest, emulator } = await setupManagement({ seed: agreementSeed() })
    await rest('POST', '/api/v2/sms/send', { phone: '13800138000', scene: 'login' })
    const code = emulator.outbox({ to: '13800138000' }).at(-1)?.code
    const refused = await rest('POST', '/api/v2/login/phone-code', { phone: '13800138000', code })
    expect(refused.body.code).toBe(2231)
    const res = await rest('POST', '/api/v2/login/phone-code', { phone: '13800138000', code, agreementIds: [1] })
    expect(res.body).toMatchObject({ code: 200, data: { username: 'bob', token: expect.any(String) } })
    const email = await rest('POST', '/api/v2/login/email-code', { email: 'bob@example.com', code: '123456' })
    expect(email.body.code).toBe(2231)
  })

  it('REST registrations need the required agreements of the register form', async () => {
    const { rest, encrypt, emulator } = await setupManagement({ seed: agreementSeed() })
    const body = { username: 'newbie', password: encrypt('passw0rd'), forceLogin: true }
    const missing = await rest('POST', '/api/v2/register/username', { ...body, agreementIds: [1] })
    expect(missing.body).toMatchObject({ code: 2231, data: { agreementIds: [4] } })
    const res = await rest('POST', '/api/v2/register/username', { ...body, agreementIds: [1, 4] })
    expect(res.body).toMatchObject({ code: 200, data: { username: 'newbie', token: expect.any(String) } })
    const byEmail = await rest('POST', '/api/v2/register/email', {
      email: 'new@example.com',
      password: encrypt('passw0rd'),
      agreementIds: [1, 4],
    })
    expect(byEmail.body).toMatchObject({ code: 200, data: { email: 'new@example.com', token: null } })
    await rest('POST', '/api/v2/sms/send', { phone: '13900139000', scene: 'register' })
    const code = emulator.outbox({ to: '13900139000' }).at(-1)?.code
    const phone = { phone: '13900139000', code, agreementIds: [1] }
    expect((await rest('POST', '/api/v2/register/phone-code', phone)).body.code).toBe(2231)
    expect((await rest('POST', '/api/v2/register/phone-code', { ...phone, agreementIds: [1, 4] })).body).toMatchObject({
      code: 200,
      data: { phone: '13900139000' },
    })
  })

  it('management: create, list, modify, sort, delete; each needs the management token', async () => {
    const { mrest, rest } = await setupManagement({ seed: agreementSeed() })
    const path = `/api/v2/applications/${appId}/agreements`
    const created = await mrest('POST', path, { title: 'Privacy <a href="https://example.com/p">policy</a>' })
    expect(created.body.data).toMatchObject({
      id: 5,
      appId,
      title: expect.stringContaining('Privacy'),
      required: true,
      lang: 'zh-CN',
      availableAt: 0,
      order: 5,
    })
    expect((await mrest('POST', path, { title: 'x', lang: 'fr-FR' })).body.code).toBe(2231)
    const modified = await mrest('PUT', `${path}/5`, { required: false, lang: 'en-US', availableAt: 1 })
    expect(modified.body.data).toMatchObject({ id: 5, required: false, lang: 'en-US', availableAt: 1 })
    expect((await mrest('POST', `${path}/sort`, { ids: [5, 4] })).body.data).toBe(true)
    const listed = await mrest('GET', path)
    expect(listed.body.data.totalCount).toBe(5)
    expect(listed.body.data.list.map((a: { id: number }) => a.id)).toEqual([5, 4, 1, 2, 3])
    expect((await mrest('DELETE', `${path}/5`)).body.data).toBe(true)
    expect((await mrest('DELETE', `${path}/5`)).body.code).toBe(2231)
    expect((await mrest('GET', path, undefined, '')).body.code).not.toBe(200)
    const config = (await rest('GET', `/api/v2/applications/${appId}/public-config`)).body.data
    expect(config.agreements.map((a: { id: number }) => a.id)).toEqual([4, 1, 2, 3])
  })
})
