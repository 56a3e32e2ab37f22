import { describe, expect, it } from 'vitest'

import { defaultSeed, type SeedDocument } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { setup } from './engine-helpers.js'

const appId = '62a0f0a9c6b1c2a3d4e5f611'
const loginByPhoneCode = `mutation loginByPhoneCode($input: LoginByPhoneCodeInput!) { loginByPhoneCode(input: $input) { id token } }`

type Gql = { data?: any; errors?: { message: { code: number; message: string; data?: any } }[] }
const errorOf = (res: Gql) => res.errors?.[0]?.message

/** The `profile` app asks a login for an email and a nickname (required) and a UDF (optional). */
function completionSeed(skip = false): SeedDocument {
  const seed = structuredClone(defaultSeed)
  seed.applications = [
    ...(seed.applications ?? []),
    {
      id: appId,
      name: 'Profile',
      extendsFields: [
        { type: 'internal', name: 'email', label: 'Email', required: true },
        { type: 'internal', name: 'nickname', label: 'Nickname', required: true },
        { type: 'user', name: 'school', label: 'School' },
      ],
      skipComplateFileds: skip,
    },
  ]
  seed.users = [...(seed.users ?? []), { username: 'bare', password: 'passw0rd', phone: '13900139000' }]
  return seed
}

async function completionSetup(skip = false) {
  const env = await setup({ seed: completionSeed(skip) })
  const opts = { appId }
  const stepOf = async () => errorOf(await env.login('bare', 'passw0rd', opts))
  const authFlow = (body: unknown) => env.rest('POST', '/interaction/authFlow', body, opts)
  const emailCode = async (email: string) => {
    await env.rest('POST', '/api/v2/email/send', { email, scene: 'INFORMATION_COMPLETION_VERIFY_CODE' }, opts)
    return env.emulator.outbox({ to: email }).at(-1)?.code ?? ''
  }
  return { ...env, opts, stepOf, authFlow, emailCode }
}

describe('profile completion at login (1642)', () => {
  it('answers 1642 with Guard metaData for the empty fields and a flowHandle; bob (complete) logs in', async () => {
    const { stepOf, login, opts } = await completionSetup()
    const step = await stepOf()
    expect(step).toMatchObject({
      code: 1642,
      data: {
        skip: false,
        flowHandle: expect.any(String),
        metaData: [
          { type: 'email', name: 'email', label: 'Email', required: true, validateRules: [{ type: 'email' }] },
          { type: 'string', name: 'nickname', label: 'Nickname', required: true, validateRules: [] },
          { type: 'string', name: 'school', label: 'School', required: false },
        ],
      },
    })
    // bob has an email and a nickname: an empty optional field stops nobody
    expect((await login('bob', 'passw0rd', opts)).data.loginByUsername.token).toEqual(expect.any(String))
  })

  it('complete-completion with a verified email ends in FLOW_END (1600) with the user and a token; the next login goes through', async () => {
    const { stepOf, authFlow, emailCode, login, opts, emulator } = await completionSetup()
    const { flowHandle } = (await stepOf())?.data as { flowHandle: string }
    const code = await emailCode('bare@example.com')
    const done = await authFlow({
      action: 'complete-completion',
      flowHandle,
      data: {
        fieldValues: [
          { name: 'email', value: 'bare@example.com', code },
          { name: 'nickname', value: 'Bare' },
          { name: 'school', value: 'MIT' },
        ],
      },
    })
    expect(done.body).toMatchObject({
      code: 1600,
      apiCode: 1600,
      statusCode: 302,
      data: {
        user: {
          username: 'bare',
          email: 'bare@example.com',
          emailVerified: true,
          nickname: 'Bare',
          token: expect.any(String),
        },
      },
    })
    expect(done.body.data.user.customData).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'school' })]))
    expect(
      (await authFlow({ action: 'complete-completion', flowHandle, data: { fieldValues: [] } })).body,
    ).toMatchObject({
      code: 2207,
      statusCode: 400,
    })
    expect((await login('bare', 'passw0rd', opts)).data.loginByUsername.token).toEqual(expect.any(String))
    for (const [table, rows] of Object.entries(emulator.store.snapshot().tables))
      for (const row of Object.values(rows)) expect(recordShapeProblem(table, row)).toBeUndefined()
  })

  it('refuses a missing required field, a wrong email code, an unknown field, and keeps the step open', async () => {
    const { stepOf, authFlow, emailCode } = await completionSetup()
    const { flowHandle } = (await stepOf())?.data as { flowHandle: string }
    const nick = { name: 'nickname', value: 'Bare' }
    const missing = await authFlow({ action: 'complete-completion', flowHandle, data: { fieldValues: [nick] } })
    expect(missing.body).toMatchObject({ code: 2231, apiCode: 2231, statusCode: 400 })
    const code = await emailCode('bare@example.com')
    const wrongCode = { name: 'email', value: 'bare@example.com', code: code === '000000' ? '111111' : '000000' }
    expect(
      (await authFlow({ action: 'complete-completion', flowHandle, data: { fieldValues: [wrongCode, nick] } })).body
        .code,
    ).toBe(2001)
    const noCode = { name: 'email', value: 'bare@example.com' }
    expect(
      (await authFlow({ action: 'complete-completion', flowHandle, data: { fieldValues: [noCode, nick] } })).body.code,
    ).toBe(2001)
    const unknown = { name: 'company', value: 'ACME' }
    const good = { name: 'email', value: 'bare@example.com', code }
    expect(
      (await authFlow({ action: 'complete-completion', flowHandle, data: { fieldValues: [good, nick, unknown] } })).body
        .code,
    ).toBe(2231)
    const taken = { name: 'email', value: 'bob@example.com', code }
    expect(
      (await authFlow({ action: 'complete-completion', flowHandle, data: { fieldValues: [taken, nick] } })).body.code,
    ).toBe(2026)
    const done = await authFlow({ action: 'complete-completion', flowHandle, data: { fieldValues: [good, nick] } })
    expect(done.body.code).toBe(1600)
  })

  it('a code login stops at the step too; skip-completion is refused unless the app allows it', async () => {
    const { rest, gql, emulator, opts, authFlow } = await completionSetup()
    await rest('POST', '/api/v2/sms/send', { phone: '13900139000', scene: 'login' }, opts)
    const code = emulator.outbox({ to: '13900139000' }).at(-1)?.code
    const step = errorOf(await gql(loginByPhoneCode, { input: { phone: '13900139000', code } }, opts))
    expect(step?.code).toBe(1642)
    const skipped = await authFlow({ action: 'skip-completion', flowHandle: step?.data.flowHandle })
    expect(skipped.body).toMatchObject({ code: 2231, statusCode: 400 })
  })

  it('skip-completion logs in where allowed, and the next login asks again', async () => {
    const { stepOf, authFlow } = await completionSetup(true)
    const step = await stepOf()
    expect(step?.data.skip).toBe(true)
    const skipped = await authFlow({ action: 'skip-completion', flowHandle: step?.data.flowHandle })
    expect(skipped.body).toMatchObject({ code: 1600, data: { user: { username: 'bare', token: expect.any(String) } } })
    expect((await stepOf())?.code).toBe(1642)
  })

  it('comes after the second factor: a passed MFA step answers 1642, and completion does not ask for MFA again', async () => {
    const seed = completionSeed()
    const app = seed.applications?.at(-1)
    if (app) app.mfa = ['EMAIL']
    seed.users = [...(seed.users ?? []), { username: 'mfa', password: 'passw0rd', email: 'mfa@example.com' }]
    const env = await setup({ seed })
    const opts = { appId }
    const mfaStep = errorOf(await env.login('mfa', 'passw0rd', opts))
    expect(mfaStep?.code).toBe(1636)
    await env.gql(`mutation { sendEmail(email: "mfa@example.com", scene: MFA_VERIFY_CODE) { code } }`, {}, opts)
    const code = env.emulator.outbox({ to: 'mfa@example.com' }).at(-1)?.code ?? ''
    const verified = await env.rest(
      'POST',
      '/api/v2/applications/mfa/email/verify',
      { email: 'mfa@example.com', code },
      {
        ...opts,
        token: mfaStep?.data.mfaToken,
      },
    )
    expect(verified.body).toMatchObject({ code: 1642, data: { metaData: [{ name: 'nickname' }, { name: 'school' }] } })
    const done = await env.rest(
      'POST',
      '/interaction/authFlow',
      {
        action: 'complete-completion',
        flowHandle: verified.body.data.flowHandle,
        data: { fieldValues: [{ name: 'nickname', value: 'Em' }] },
      },
      opts,
    )
    expect(done.body).toMatchObject({
      code: 1600,
      data: { user: { username: 'mfa', nickname: 'Em', token: expect.any(String) } },
    })
  })
})
