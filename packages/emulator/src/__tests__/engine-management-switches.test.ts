import { describe, expect, it } from 'vitest'

import { totpCodeAt } from '../engine/domain/mfa/totp.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { BOB_ID, setupManagement } from './fixtures/management.js'

/** authing-js-sdk 4.23.55's document, as it sends it (its selection is wider than ours). */
const sdkUpdateUserpool = /* GraphQL */ `mutation updateUserpool($input: UpdateUserpoolInput!) { updateUserpool(input: $input) { id name domain description secret jwtSecret userpoolTypes { code name description image sdks } logo createdAt updatedAt emailVerifiedDefault sendWelcomeEmail registerDisabled appSsoEnabled showWxQRCodeWhenRegisterDisabled allowedOrigins tokenExpiresAfter isDeleted frequentRegisterCheck { timeInterval limit enabled } loginFailCheck { timeInterval limit enabled } loginFailStrategy loginPasswordFailCheck { timeInterval limit enabled } changePhoneStrategy { verifyOldPhone } changeEmailStrategy { verifyOldEmail } qrcodeLoginStrategy { qrcodeExpiresAfter returnFullUserInfo allowExchangeUserInfoFromBrowser ticketExpiresAfter } app2WxappLoginStrategy { ticketExpriresAfter ticketExchangeUserInfoNeedSecret } whitelist { phoneEnabled emailEnabled usernameEnabled } customSMSProvider { enabled provider config } packageType useCustomUserStore loginRequireEmailVerified verifyCodeLength verifyCodeMaxAttempts } }`

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

describe('the login switches through the management API, as authing-js-sdk sends them', () => {
  it("answers the SDK's updateUserpool document and keeps every record in its shape", async () => {
    const { emulator, mgql, mrest, login, code } = await setupManagement()
    const res = await mgql(sdkUpdateUserpool, {
      input: {
        robotVerify: 'always_enable',
        passwordUpdatePolicy: { enabled: true, forcedCycle: 2, forcedCycleUnit: 'MONTH' },
      },
    })
    expect(res.errors).toBeUndefined()
    expect(res.data.updateUserpool).toMatchObject({
      id: expect.any(String),
      registerDisabled: false,
      jwtSecret: expect.any(String),
    })
    expect(code(await login('bob', 'passw0rd'))).toBe(2000)
    expect((await mrest('GET', '/api/v2/userpools/detail')).body.data).toMatchObject({
      robotVerify: 'always_enable',
      passwordUpdatePolicy: { enabled: true, forcedCycle: 2, forcedCycleUnit: 'MONTH' },
    })
    const invalidUnit = await mgql(sdkUpdateUserpool, { input: { passwordUpdatePolicy: { forcedCycleUnit: 'WEEK' } } })
    expect(invalidUnit.errors?.[0]?.message).toMatchObject({
      code: 2231,
      message: expect.stringContaining('forcedCycleUnit'),
    })

    await mrest('POST', `/api/v2/applications/${emulator.info().appId}`, {
      applicationMfa: [{ mfaPolicy: 'OTP', status: 1, sort: 0 }],
      extendsFields: [{ type: 'user', name: 'school', label: 'School', required: true }],
    })
    await mrest('POST', '/api/v2/mfa/totp/import', { userId: BOB_ID, secret, recoveryCode: 'recovery-0001' })
    for (const [table, rows] of Object.entries(emulator.store.snapshot().tables))
      for (const row of Object.values(rows)) expect(recordShapeProblem(table, row)).toBeUndefined()
  })

  it('serves the MFA sub-client on its REST paths, bodies and envelopes', async () => {
    const { mrest, login, loginBob, code, emulator } = await setupManagement()
    expect((await mrest('GET', `/api/v2/users/${BOB_ID}/mfa-bound`)).body).toMatchObject({
      code: 200,
      data: { OTP: false, FACE: false },
    })
    const imported = await mrest('POST', '/api/v2/mfa/totp/import', { userId: BOB_ID, secret: secret.toLowerCase() })
    expect(imported.body.data).toMatchObject({
      userId: BOB_ID,
      enable: true,
      secret,
      authenticatorType: 'totp',
      recoveryCode: expect.any(String),
    })

    const step = await login('bob', 'passw0rd')
    expect(code(step)).toBe(1635)
    const mfaToken = (step.errors?.[0]?.message.data as { mfaToken: string }).mfaToken
    const verified = await emulator.fetch(
      new Request('http://127.0.0.1:5556/api/v2/mfa/totp/verify', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${mfaToken}`,
          'x-authing-app-id': emulator.info().appId,
        },
        body: JSON.stringify({ totp: totpCodeAt(secret, Date.now()) }),
      }),
    )
    expect(await verified.json()).toMatchObject({ code: 200, data: { id: BOB_ID, token: expect.any(String) } })

    expect((await mrest('DELETE', `/api/v2/users/${BOB_ID}/mfa-bound?type=FACE`)).body.code).toBe(1000)
    expect((await mrest('DELETE', `/api/v2/users/${BOB_ID}/mfa-bound?type=OTP`)).body).toMatchObject({
      code: 200,
      data: true,
    })
    expect(await loginBob()).toMatch(/^ey/)
  })
})
