import { defaultSeed, totpCodeAt } from '@authing-kit/emulator'
import { describe, expect, it, vi } from 'vitest'

import {
  type AuthenticationClient,
  AuthingError,
  createMemoryStore,
  loginStepOf,
  type MfaStep,
  storageKeys,
} from '../index.js'
import { startEmulator } from './testEmulator.js'

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const strictAppId = '62a0f0a9c6b1c2a3d4e5f620'

/** alice has an authenticator app; logins to the `strict` app pass SMS or TOTP too. */
async function startMfa() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const seed = structuredClone(defaultSeed)
  seed.applications = [...(seed.applications ?? []), { id: strictAppId, name: 'Strict', mfa: ['SMS', 'OTP'] }]
  seed.users = [...(seed.users ?? []), { username: 'alice', password: 'passw0rd', totpSecret: secret }]
  const setup = await startEmulator({ seed, now: () => clock.now })
  const code = (s = secret) => totpCodeAt(s, clock.now)
  return { ...setup, clock, code }
}

async function stepOf(authing: AuthenticationClient, username: string): Promise<MfaStep> {
  const error = await authing.loginByUsername(username, 'passw0rd').catch((e: unknown) => e)
  const step = loginStepOf(error)
  if (step?.kind !== 'mfa') throw new Error(`expected an MFA step, got ${String(error)}`)
  return step
}

describe('a login that needs a second factor', () => {
  it('rejects with the step, and passing it makes a session like a password login', async () => {
    const { client, code, requests } = await startMfa()
    const tokenStore = createMemoryStore()
    const onError = vi.fn()
    const authing = client({ tokenStore, onError })
    const listener = vi.fn()
    authing.subscribe(listener)

    const error = await authing.loginByUsername('alice', 'passw0rd').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthingError)
    expect(error).toMatchObject({ code: 1635 })
    expect(onError).toHaveBeenCalledTimes(1)
    const found = loginStepOf(error)
    const step = found?.kind === 'mfa' ? found : null
    expect(found).toEqual({
      kind: 'mfa',
      code: 1635,
      mfaToken: expect.stringMatching(/^ey/),
      factors: ['OTP'],
      totpEnabled: true,
      phone: null,
      phoneCountryCode: null,
      email: null,
    })
    expect(authing.getSnapshot().user).toBeNull()
    expect(listener).not.toHaveBeenCalled()

    const mfaToken = step?.kind === 'mfa' ? step.mfaToken : ''
    const user = await authing.mfa.verifyTotpMfa({ totp: code(), mfaToken })
    expect(user).toMatchObject({ username: 'alice', token: expect.stringMatching(/^ey/) })
    expect(authing.getSnapshot()).toMatchObject({ user: { username: 'alice' }, token: user.token })
    expect(listener).toHaveBeenCalled()
    expect(tokenStore.getItem(storageKeys(authing.appId).token)).toBe(user.token)
    const verify = requests.at(-1)
    expect(verify?.url).toMatch(/\/api\/v2\/mfa\/totp\/verify$/)
    expect(verify?.headers.get('authorization')).toBe(`Bearer ${mfaToken}`)
    expect(JSON.parse(verify?.body ?? '')).toEqual({ totp: code() })
  })

  it("the app's policy (1636): an SMS code to the account's phone passes it", async () => {
    const { client, lastCode } = await startMfa()
    const authing = client({ appId: strictAppId })
    const step = await stepOf(authing, 'bob')
    expect(step).toMatchObject({ code: 1636, factors: ['SMS', 'OTP'], totpEnabled: false, phone: '13800138000' })
    await authing.sendSmsCode(step.phone ?? '', undefined, 'mfa-verify')
    const user = await authing.mfa.verifyAppSmsMfa({
      phone: '13800138000',
      code: lastCode('13800138000'),
      mfaToken: step.mfaToken,
    })
    expect(user.username).toBe('bob')
    expect(authing.getSnapshot().user?.username).toBe('bob')
  })

  it('a wrong code is 6001 and leaves no session; a recovery code passes once and gives the next', async () => {
    const { client, code } = await startMfa()
    const authing = client()
    const step = await stepOf(authing, 'alice')
    await expect(authing.mfa.verifyTotpMfa({ totp: '000000', mfaToken: step.mfaToken })).rejects.toMatchObject({
      code: 6001,
    })
    expect(authing.getSnapshot().user).toBeNull()
    await authing.mfa.verifyTotpMfa({ totp: code(), mfaToken: step.mfaToken })
    const [listed] = await authing.mfa.getMfaAuthenticators()
    const recoveryCode = listed?.recoveryCode ?? ''
    expect(recoveryCode).toMatch(/^([0-9a-f]{4}-){5}[0-9a-f]{4}$/)

    const next = await stepOf(client(), 'alice')
    const other = client()
    const recovered = await other.mfa.verifyTotpRecoveryCode({ recoveryCode, mfaToken: next.mfaToken })
    expect(recovered).toMatchObject({ username: 'alice', recoveryCode: expect.stringMatching(/^([0-9a-f]{4}-){5}/) })
    expect(recovered.recoveryCode).not.toBe(recoveryCode)
    expect(other.getSnapshot().user).not.toHaveProperty('recoveryCode')
  })

  it('binding an authenticator app from the profile, then unbinding it', async () => {
    const { bob, clock } = await startMfa()
    const authing = await bob()
    const association = await authing.mfa.assosicateMfaAuthenticator()
    expect(association).toMatchObject({
      authenticator_type: 'totp',
      qrcode_uri: expect.stringMatching(/^otpauth:\/\/totp\//),
      qrcode_data_url: expect.stringMatching(/^data:image\/png;base64,/),
    })
    await expect(authing.mfa.confirmAssosicateMfaAuthenticator({ totp: '000000' })).rejects.toMatchObject({
      code: 6001,
    })
    const confirmed = await authing.mfa.confirmAssosicateMfaAuthenticator({
      totp: totpCodeAt(association.secret, clock.now),
    })
    expect(confirmed.code).toBe(200)
    expect(await authing.mfa.getMfaAuthenticators()).toEqual([expect.objectContaining({ enable: true })])
    expect(loginStepOf(await authing.loginByUsername('bob', 'passw0rd').catch((e: unknown) => e))?.kind).toBe('mfa')
    // The failed login left bob's session as it was: it unbinds, and logins need one factor again.
    expect(await authing.mfa.deleteMfaAuthenticator()).toMatchObject({ code: 200 })
    expect(await authing.loginByUsername('bob', 'passw0rd')).toMatchObject({ username: 'bob' })
  })

  it("binding one in a login's step: confirming with the mfaToken logs in", async () => {
    const { client, clock } = await startMfa()
    const authing = client({ appId: strictAppId })
    const step = await stepOf(authing, 'bob')
    const association = await authing.mfa.assosicateMfaAuthenticator({ mfaToken: step.mfaToken, source: 'APPLICATION' })
    const totp = totpCodeAt(association.secret, clock.now)
    await authing.mfa.confirmAssosicateMfaAuthenticator({ totp, mfaToken: step.mfaToken, source: 'APPLICATION' })
    expect(authing.getSnapshot().user?.username).toBe('bob')
    expect(await authing.mfa.deleteMfaAuthenticator()).toMatchObject({ code: 200 })
  })

  it('a plain failure is no step, and the mfa namespace is not a thenable', async () => {
    const { client } = await startMfa()
    const authing = client()
    expect(loginStepOf(await authing.loginByUsername('bob', 'wrong').catch((e: unknown) => e))).toBeNull()
    expect(loginStepOf(new Error('1635'))).toBeNull()
    expect(loginStepOf(new AuthingError(1635, 'no data'))).toBeNull()
    expect(await authing.mfa).toBe(authing.mfa)
    await expect(authing.mfa.verifyTotpMfa({ totp: 42 as unknown as string, mfaToken: 'x' })).rejects.toMatchObject({
      code: 'invalid_argument',
    })
  })
})
