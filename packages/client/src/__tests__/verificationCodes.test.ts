import { describe, expect, it } from 'vitest'

import { startEmulator } from './testEmulator.js'

describe('verification codes and passwords', () => {
  it('sendSmsCode: the code lands in the outbox, bound to the phone and scene', async () => {
    const { client, emulator } = await startEmulator()
    const result = await client().sendSmsCode('13800138000', '+86', 'login')
    expect(result.code).toBe(200)
    expect(emulator.outbox({ to: '13800138000' })).toEqual([
      expect.objectContaining({ channel: 'sms', scene: 'login' }),
    ])
  })

  it('sendSmsCode: a malformed phone number is 2028', async () => {
    const { client } = await startEmulator()
    await expect(client().sendSmsCode('not-a-phone')).rejects.toMatchObject({ code: 2028 })
  })

  it('sendEmail: the code lands in the outbox', async () => {
    const { client, emulator } = await startEmulator()
    const result = await client().sendEmail('bob@example.com', 'RESET_PASSWORD')
    expect(result.code).toBe(200)
    expect(emulator.outbox({ to: 'bob@example.com' })).toEqual([
      expect.objectContaining({ channel: 'email', scene: 'RESET_PASSWORD' }),
    ])
  })

  it('sendEmail: a scene Authing does not know is refused', async () => {
    const { client } = await startEmulator()
    await expect(client().sendEmail('bob@example.com', 'NOT_A_SCENE')).rejects.toMatchObject({ code: 400 })
  })

  it('resetPasswordByPhoneCode: the new password works, the old one no longer does', async () => {
    const { client, lastCode } = await startEmulator()
    const authing = client()
    await authing.sendSmsCode('13800138000', undefined, 'reset')
    const result = await authing.resetPasswordByPhoneCode('13800138000', lastCode('13800138000'), 'new-pass-1')
    expect(result.code).toBe(200)
    await expect(client().loginByUsername('bob', 'new-pass-1')).resolves.toMatchObject({ username: 'bob' })
    await expect(client().loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 2333 })
  })

  it('resetPasswordByPhoneCode: a code sent for another scene is 2001', async () => {
    const { client, lastCode } = await startEmulator()
    const authing = client()
    await authing.sendSmsCode('13800138000', undefined, 'login')
    await expect(
      authing.resetPasswordByPhoneCode('13800138000', lastCode('13800138000'), 'new-pass-1'),
    ).rejects.toMatchObject({ code: 2001 })
  })

  it('resetPasswordByEmailCode: the new password works', async () => {
    const { client, lastCode } = await startEmulator()
    const authing = client()
    await authing.sendEmail('bob@example.com', 'RESET_PASSWORD')
    await authing.resetPasswordByEmailCode('bob@example.com', lastCode('bob@example.com'), 'mail-pass-1')
    await expect(client().loginByEmail('bob@example.com', 'mail-pass-1')).resolves.toMatchObject({ username: 'bob' })
  })

  it('resetPasswordByEmailCode: a too-short new password is 2029', async () => {
    const { client, lastCode } = await startEmulator()
    const authing = client()
    await authing.sendEmail('bob@example.com', 'RESET_PASSWORD')
    await expect(
      authing.resetPasswordByEmailCode('bob@example.com', lastCode('bob@example.com'), '123'),
    ).rejects.toMatchObject({ code: 2029 })
  })

  it('checkPasswordStrength: answers the pool policy verdict', async () => {
    const { client } = await startEmulator()
    await expect(client().checkPasswordStrength('long-enough-1')).resolves.toMatchObject({ valid: true })
    await expect(client().checkPasswordStrength('123')).resolves.toMatchObject({ valid: false })
  })

  it('checkPasswordStrength: an empty password is refused before sending', async () => {
    const { client, requests } = await startEmulator()
    await expect(client().checkPasswordStrength('')).rejects.toMatchObject({ code: 'invalid_argument' })
    expect(requests).toHaveLength(0)
  })

  it('computedPasswordSecurityLevel rates locally', async () => {
    const { client } = await startEmulator()
    const authing = client()
    expect(authing.computedPasswordSecurityLevel('abc')).toBe(1)
    expect(authing.computedPasswordSecurityLevel('abcdefg1')).toBe(2)
    expect(authing.computedPasswordSecurityLevel('Abcdefghijk1')).toBe(3)
    expect(authing.computedPasswordSecurityLevel('abcdefghijkl')).toBe(1)
  })
})
