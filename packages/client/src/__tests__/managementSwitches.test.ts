import { totpCodeAt } from '@authing-kit/emulator'
import { describe, expect, it } from 'vitest'

import { loginStepOf } from '../index.js'
import { BOB_ID } from './testEmulator.js'
import { startManagement } from './testManagement.js'

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  )

/** The emulator, an administrator, and a look at the app's public config that no client cache hides. */
async function start() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const setup = await startManagement({ now: () => clock.now })
  const publicConfig = async (appId = setup.info.appId): Promise<Record<string, unknown>> => {
    const response = await setup.emulator.fetch(
      new Request(`${setup.info.appHost}/api/v2/applications/${appId}/public-config`),
    )
    return ((await response.json()) as { data: Record<string, unknown> }).data
  }
  const bobLogin = () => failure(setup.client().loginByUsername('bob', 'passw0rd'))
  /** A ManagementClient holding bob's own token where the management token belongs. */
  const endUser = async () =>
    setup.management({ secret: undefined, accessToken: (await setup.bob()).getSnapshot().token ?? '' } as never)
  return { ...setup, clock, publicConfig, bobLogin, endUser }
}

describe('management.userpool', () => {
  it('reads the pool, and a raised password strength refuses weak passwords from the next registration on', async () => {
    const { admin, client } = await start()
    expect(await admin.userpool.detail()).toMatchObject({
      name: 'Authing Emulator',
      passwordStrength: 1,
      robotVerify: 'disable',
      loginFailCheck: { enabled: false, limit: 3 },
    })
    await client().registerByUsername('weak-1', 'abcdef')

    const updated = await admin.userpool.update({ passwordStrength: 3, name: 'Strict pool' })
    expect(updated).toMatchObject({ name: 'Strict pool' })
    expect(await admin.userpool.detail()).toMatchObject({ name: 'Strict pool', passwordStrength: 3 })
    expect(await failure(client().registerByUsername('weak-2', 'abcdef'))).toMatchObject({ code: 2061 })
    await client().registerByUsername('strong-2', 'abc123!x')
  })

  it('turns the captcha on for every login, or after a number of failures, and off again', async () => {
    const { admin, client, bobLogin } = await start()
    await admin.userpool.update({ robotVerify: 'always_enable' })
    expect(loginStepOf(await bobLogin())).toEqual({ kind: 'captcha', code: 2000 })

    await admin.userpool.update({ loginFailCheck: { enabled: true, limit: 1 } })
    expect(await admin.userpool.detail()).toMatchObject({ robotVerify: 'condition_set', loginFailCheck: { limit: 1 } })
    expect(await bobLogin()).toBeNull()
    await failure(client().loginByUsername('bob', 'wrong-password'))
    expect(await bobLogin()).toMatchObject({ code: 2000 })

    await admin.userpool.update({ loginFailCheck: { enabled: false } })
    expect(await bobLogin()).toBeNull()
  })

  it('applies the weak-password list and the password age to the next login', async () => {
    const { admin, clock, bobLogin } = await start()
    await admin.userpool.update({ weakPasswords: ['passw0rd'] })
    expect(loginStepOf(await bobLogin())?.kind).toBe('unsafePassword')

    await admin.userpool.update({ weakPasswords: [], passwordUpdatePolicy: { enabled: true, forcedCycle: 30 } })
    expect(await bobLogin()).toBeNull()
    clock.now += 31 * 86_400_000
    expect(loginStepOf(await bobLogin())?.kind).toBe('forcePasswordReset')
  })

  it("sets the pool's MFA policy: apps without one of their own then ask every login for it", async () => {
    const { admin, bobLogin, publicConfig } = await start()
    await admin.userpool.update({ applicationMfa: [{ mfaPolicy: 'EMAIL' }, { mfaPolicy: 'SMS', sort: -1 }] })
    expect(await admin.userpool.detail()).toMatchObject({
      applicationMfa: [
        { mfaPolicy: 'SMS', status: 1 },
        { mfaPolicy: 'EMAIL', status: 1 },
      ],
    })
    expect(loginStepOf(await bobLogin())).toMatchObject({ kind: 'mfa', code: 1636, factors: ['SMS', 'EMAIL'] })
    expect(await publicConfig()).toMatchObject({ applicationMfa: [{ mfaPolicy: 'SMS' }, { mfaPolicy: 'EMAIL' }] })
    expect(await failure(admin.userpool.update({ applicationMfa: [{ mfaPolicy: 'FACE' }] } as never))).toMatchObject({
      code: 2231,
    })
    await admin.userpool.update({ applicationMfa: [] })
    expect(await bobLogin()).toBeNull()
  })

  it('refuses values out of range and fields it does not model, leaving the pool as it was', async () => {
    const { admin } = await start()
    for (const updates of [
      { passwordStrength: 7 },
      { robotVerify: 'sometimes' },
      { loginFailCheck: { enabled: true, limit: 0 } },
      { passwordUpdatePolicy: { forcedCycle: -1 } },
      { weakPasswords: [''] },
      { name: ' ' },
    ]) {
      expect(await failure(admin.userpool.update({ name: 'Changed', ...updates } as never))).toMatchObject({
        code: 2231,
      })
    }
    expect(await failure(admin.userpool.update({ logo: 'https://example.com/logo.png' }))).toMatchObject({
      code: 1000,
      message: expect.stringContaining('logo'),
    })
    expect(await failure(admin.userpool.update({ loginFailCheck: { timeInterval: 60 } as never }))).toMatchObject({
      code: 1000,
    })
    expect(await admin.userpool.detail()).toMatchObject({ name: 'Authing Emulator', passwordStrength: 1 })
  })

  it("refuses an end user's token", async () => {
    const { endUser } = await start()
    const user = await endUser()
    expect(await failure(user.userpool.detail())).toMatchObject({ code: 1001 })
    expect(await failure(user.userpool.update({ passwordStrength: 0 }))).toMatchObject({ code: 1001 })
  })
})

describe('management.applications.update', () => {
  it("changes the app's form, and the public config shows it at once", async () => {
    const { admin, info, publicConfig, client } = await start()
    const app = await admin.applications.update(info.appId, {
      loginTabs: ['password'],
      passwordTabConfig: { enabledLoginMethods: ['email-password'] },
      registerDisabled: true,
    })
    expect(app).toMatchObject({ loginTabs: ['password'], defaultLoginTab: 'password', registerDisabled: true })
    expect(await admin.applications.findById(info.appId)).toMatchObject({
      passwordTabConfig: { enabledLoginMethods: ['email-password'] },
    })
    expect(await publicConfig()).toMatchObject({
      loginTabs: { list: ['password'], default: 'password' },
      passwordTabConfig: { enabledLoginMethods: ['email-password'] },
      registerDisabled: true,
    })
    expect(await failure(client().registerByUsername('new-user', 'passw0rd'))).toMatchObject({ code: 2031 })
  })

  it("sets the app's MFA policy: logins to it then pass a second factor (1636), until it is off", async () => {
    const { admin, info, publicConfig, bobLogin } = await start()
    await admin.applications.update(info.appId, {
      applicationMfa: [{ mfaPolicy: 'SMS' }, { mfaPolicy: 'EMAIL', sort: -1 }],
    })
    expect(await publicConfig()).toMatchObject({
      applicationMfa: [
        { mfaPolicy: 'EMAIL', status: 1 },
        { mfaPolicy: 'SMS', status: 1 },
      ],
    })
    expect(loginStepOf(await bobLogin())).toMatchObject({ kind: 'mfa', code: 1636, factors: ['EMAIL', 'SMS'] })

    await admin.applications.update(info.appId, { applicationMfa: [{ mfaPolicy: 'SMS', status: 0 }] })
    expect(await bobLogin()).toBeNull()
  })

  it('asks for profile fields at login, may let users skip them, and stops when they are off', async () => {
    const { admin, info, publicConfig, bobLogin } = await start()
    await admin.applications.update(info.appId, {
      extendsFields: [{ type: 'internal', name: 'company', label: 'Company', required: true }],
      skipComplateFileds: true,
    })
    expect(await publicConfig()).toMatchObject({
      extendsFieldsEnabled: true,
      complateFiledsPlace: ['login'],
      skipComplateFileds: true,
    })
    expect(loginStepOf(await bobLogin())).toMatchObject({ kind: 'completeProfile', skip: true })

    await admin.applications.update(info.appId, { extendsFieldsEnabled: false })
    expect(await publicConfig()).toMatchObject({ extendsFieldsEnabled: false, extendsFields: [] })
    expect(await bobLogin()).toBeNull()
  })

  it('turns passkeys off and on, with a passkey login tab', async () => {
    const { admin, info, publicConfig, client } = await start()
    await admin.applications.update(info.appId, {
      passkeyEnabled: false,
      loginTabs: ['passkey', 'password'],
      defaultLoginTab: 'passkey',
    })
    expect(await publicConfig()).toMatchObject({
      passkeyEnabled: false,
      loginTabs: { list: ['passkey', 'password'], default: 'passkey' },
    })
    expect(await failure(client().passkey.login())).toMatchObject({ code: 2360 })
    await admin.applications.update(info.appId, { passkeyEnabled: true })
    expect(await publicConfig()).toMatchObject({ passkeyEnabled: true })
  })

  it('refuses values out of range, unknown fields and unknown apps, and an end user', async () => {
    const { admin, info, endUser, publicConfig } = await start()
    for (const updates of [
      { loginTabs: ['fax'] },
      { loginTabs: [] },
      { loginTabs: ['password'], defaultLoginTab: 'phone-code' },
      { passwordTabConfig: { enabledLoginMethods: ['face'] } },
      { applicationMfa: [{ mfaPolicy: 'FACE' }] },
      { applicationMfa: [{ mfaPolicy: 'SMS', status: 2 }] },
      { extendsFields: [{ type: 'internal', name: 'password' }] },
      { complateFiledsPlace: ['anywhere'] },
      { registerDisabled: 'yes' },
      { passkeyEnabled: 'no' },
      { extendsFieldsEnabled: true },
      { registerTabs: ['phone'], defaultRegisterTab: 'email' },
    ]) {
      expect(await failure(admin.applications.update(info.appId, updates as never))).toMatchObject({ code: 2231 })
    }
    expect(
      await failure(admin.applications.update(info.appId, { extendsFields: [{ type: 'user', name: 'no-such-udf' }] })),
    ).toMatchObject({ code: 2231, message: expect.stringContaining('no-such-udf') })
    expect(await failure(admin.applications.update(info.appId, { appType: 'BOTH' } as never))).toMatchObject({
      code: 1000,
    })
    expect(
      await failure(admin.applications.update('62a0f0a9c6b1c2a3d4e5f6ff', { registerDisabled: true })),
    ).toMatchObject({ code: 2011 })
    const user = await endUser()
    expect(await failure(user.applications.update(info.appId, { registerDisabled: true }))).toMatchObject({
      code: 1001,
    })
    expect(await publicConfig()).toMatchObject({
      registerDisabled: false,
      loginTabs: { list: ['password', 'phone-code'] },
    })
  })
})

describe('management.mfa', () => {
  it("imports a user's TOTP: their login then asks for its code and takes it, until the admin unbinds it", async () => {
    const { admin, client, clock, bobLogin } = await start()
    expect(await admin.mfa.getStatus(BOB_ID)).toEqual({ OTP: false, FACE: false })

    const imported = await admin.mfa.importTotp(BOB_ID, secret, 'recovery-0001')
    expect(imported).toMatchObject({ userId: BOB_ID, enable: true, secret, recoveryCode: 'recovery-0001' })
    expect(await admin.mfa.getStatus(BOB_ID)).toEqual({ OTP: true, FACE: false })

    const authing = client()
    const step = loginStepOf(await failure(authing.loginByUsername('bob', 'passw0rd')))
    if (step?.kind !== 'mfa') throw new Error('expected the MFA step')
    expect(step).toMatchObject({ code: 1635, factors: ['OTP'] })
    const user = await authing.mfa.verifyTotpMfa({ totp: totpCodeAt(secret, clock.now), mfaToken: step.mfaToken })
    expect(user.id).toBe(BOB_ID)

    expect(await admin.mfa.unAssociateMfa(BOB_ID, 'OTP')).toBe(true)
    expect(await admin.mfa.getStatus(BOB_ID)).toEqual({ OTP: false, FACE: false })
    expect(await bobLogin()).toBeNull()
  })

  it('refuses a secret it cannot compute codes from, unknown users and types, and an end user', async () => {
    const { admin, endUser } = await start()
    expect(await failure(admin.mfa.importTotp(BOB_ID, '123456'))).toMatchObject({ code: 2231 })
    expect(await failure(admin.mfa.importTotp(BOB_ID, secret, 'a b'))).toMatchObject({ code: 2231 })
    expect(await failure(admin.mfa.importTotp('62a0f0a9c6b1c2a3d4e5f6ff', secret))).toMatchObject({ code: 2004 })
    expect(await failure(admin.mfa.getStatus('62a0f0a9c6b1c2a3d4e5f6ff'))).toMatchObject({ code: 2004 })
    expect(await failure(admin.mfa.unAssociateMfa(BOB_ID, 'SMS' as never))).toMatchObject({ code: 2231 })
    expect(await failure(admin.mfa.unAssociateMfa(BOB_ID, 'OTP'))).toMatchObject({ code: 2231 })
    const user = await endUser()
    expect(await failure(user.mfa.importTotp(BOB_ID, secret))).toMatchObject({ code: 1001 })
    expect(await failure(user.mfa.getStatus(BOB_ID))).toMatchObject({ code: 1001 })
    expect(await admin.mfa.getStatus(BOB_ID)).toEqual({ OTP: false, FACE: false })
  })
})
