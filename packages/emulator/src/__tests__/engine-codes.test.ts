import { describe, expect, it } from 'vitest'

import type { OutboxMessage } from '../index.js'
import { setup } from './engine-helpers.js'

const loginByPhoneCode = `mutation loginByPhoneCode($input: LoginByPhoneCodeInput!) { loginByPhoneCode(input: $input) { id username token } }`

describe('engine: verification codes', () => {
  it('puts SMS codes in the outbox and tells listeners; a code logs in once', async () => {
    const { emulator, rest, gql } = await setup()
    const heard: OutboxMessage[] = []
    emulator.onMessage((m) => heard.push(m))
    const sent = await rest('POST', '/api/v2/sms/send', { phone: '13800138000', scene: 'login' })
    expect(sent.body.code).toBe(200)
    const [message] = emulator.outbox({ to: '13800138000' })
    expect(message).toMatchObject({ channel: 'sms', to: '13800138000', scene: 'login' })
    expect(message?.code).toMatch(/^\d{6}$/)
    expect(heard).toEqual([message])
    const overHttp = await emulator.fetch(new Request('http://x/__emulator/outbox'))
    expect(await overHttp.json()).toEqual([message])

    const input = { phone: '13800138000', code: message?.code }
    const first = await gql(loginByPhoneCode, { input })
    expect(first.data.loginByPhoneCode.username).toBe('bob')
    expect(first.data.loginByPhoneCode.token).toBeTruthy()
    expect((await gql(loginByPhoneCode, { input })).errors?.[0]?.message.code).toBe(2001)
  })

  it('expires codes after 5 minutes (2300)', async () => {
    let now = Date.now()
    const { emulator, rest, gql } = await setup({ now: () => now })
    await rest('POST', '/api/v2/sms/send', { phone: '13800138000' })
    const code = emulator.outbox()[0]?.code
    now += 300_001
    expect((await gql(loginByPhoneCode, { input: { phone: '13800138000', code } })).errors?.[0]?.message.code).toBe(
      2300,
    )
  })

  it('binds a code to its phone and its scene', async () => {
    const { emulator, rest, gql, encrypt } = await setup()
    await rest('POST', '/api/v2/sms/send', { phone: '13800138000', scene: 'reset' })
    const code = emulator.outbox()[0]?.code
    expect((await gql(loginByPhoneCode, { input: { phone: '13800138000', code } })).errors?.[0]?.message.code).toBe(
      2001,
    )
    expect((await gql(loginByPhoneCode, { input: { phone: '13900139000', code } })).errors?.[0]?.message.code).toBe(
      2001,
    )
    const reset = `mutation resetPassword($phone: String, $code: String!, $newPassword: String!) { resetPassword(phone: $phone, code: $code, newPassword: $newPassword) { code message } }`
    const res = await gql(reset, { phone: '13800138000', code, newPassword: encrypt('n3w-passw0rd') })
    expect(res.data.resetPassword.code).toBe(200)
  })

  it('logs in by email code over REST and sends email codes through GraphQL', async () => {
    const { emulator, rest, gql } = await setup()
    const send = await gql(
      `mutation sendEmail($email: String!, $scene: EmailScene!) { sendEmail(email: $email, scene: $scene) { code message } }`,
      {
        email: 'BOB@example.com',
        scene: 'LOGIN_VERIFY_CODE',
      },
    )
    expect(send.data.sendEmail.code).toBe(200)
    const code = emulator.outbox({ to: 'bob@example.com' })[0]?.code
    const res = await rest('POST', '/api/v2/login/email-code', { email: 'bob@example.com', code })
    expect(res.body).toMatchObject({ code: 200, data: { username: 'bob', password: null } })
    expect(res.body.data.token).toBeTruthy()
  })

  it('rejects non-string REST fields with a business error', async () => {
    const { rest } = await setup()
    const res = await rest('POST', '/api/v2/sms/send', { phone: 13800138000 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ code: 2231 })
    expect(res.body.message).toContain('phone')
  })
})
