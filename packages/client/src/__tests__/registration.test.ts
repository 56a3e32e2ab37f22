import { describe, expect, it } from 'vitest'

import { startEmulator } from './testEmulator.js'

describe('registration', () => {
  it('registerByUsername: creates the user, leaves the session alone, and the user can log in', async () => {
    const { client } = await startEmulator()
    const authing = client()
    const user = await authing.registerByUsername('alice', 'alice-pw-1', { nickname: 'Alice' })
    expect(user).toMatchObject({ username: 'alice', nickname: 'Alice', token: null })
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
    await expect(client().loginByUsername('alice', 'alice-pw-1')).resolves.toMatchObject({ id: user.id })
  })

  it('registerByUsername with forceLogin: the new user becomes the session', async () => {
    const { client } = await startEmulator()
    const authing = client()
    const user = await authing.registerByUsername('carol', 'carol-pw-1', {}, { forceLogin: true })
    expect(user.token).toMatch(/^ey/)
    expect(authing.getSnapshot().user?.id).toBe(user.id)
  })

  it('registerByUsername: a taken username is 2034, a short password 2029', async () => {
    const { client } = await startEmulator()
    await expect(client().registerByUsername('bob', 'another-pw')).rejects.toMatchObject({ code: 2034 })
    await expect(client().registerByUsername('dave', '123')).rejects.toMatchObject({ code: 2029 })
  })

  it('registerByEmail: creates the user; a taken email is 2026', async () => {
    const { client } = await startEmulator()
    const user = await client().registerByEmail('Erin@Example.com', 'erin-pw-1')
    expect(user.email).toBe('erin@example.com')
    await expect(client().loginByEmail('erin@example.com', 'erin-pw-1')).resolves.toMatchObject({ id: user.id })
    await expect(client().registerByEmail('bob@example.com', 'another-pw')).rejects.toMatchObject({ code: 2026 })
  })

  it('registerByPhoneCode: creates the user with a password; a taken phone is 2035', async () => {
    const { client, lastCode } = await startEmulator()
    const authing = client()
    await authing.sendSmsCode('13700137000', undefined, 'register')
    const user = await authing.registerByPhoneCode('13700137000', lastCode('13700137000'), 'phone-pw-1')
    expect(user.phone).toBe('13700137000')
    await expect(client().loginByPhonePassword('13700137000', 'phone-pw-1')).resolves.toMatchObject({ id: user.id })
    await authing.sendSmsCode('13800138000', undefined, 'register')
    await expect(authing.registerByPhoneCode('13800138000', lastCode('13800138000'))).rejects.toMatchObject({
      code: 2035,
    })
  })

  it('registerByPhoneCode: a wrong code is 2001', async () => {
    const { client } = await startEmulator()
    const authing = client()
    await authing.sendSmsCode('13700137001')
    await expect(authing.registerByPhoneCode('13700137001', 'wrong')).rejects.toMatchObject({ code: 2001 })
  })
})
