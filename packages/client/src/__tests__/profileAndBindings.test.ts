import { describe, expect, it, vi } from 'vitest'

import { BOB_ID, startEmulator } from './testEmulator.js'

describe('the logged-in user', () => {
  it('getCurrentUser: fetches the user and refreshes the session copy', async () => {
    const { bob, requests } = await startEmulator()
    const authing = await bob()
    const me = await authing.getCurrentUser()
    expect(me).toMatchObject({ id: BOB_ID, username: 'bob', customData: { school: 'Tsinghua University' } })
    expect(requests.at(-1)?.headers.get('authorization')).toBe(`Bearer ${authing.getSnapshot().token}`)
  })

  it('getCurrentUser: null without a session, and nothing is sent', async () => {
    const { client, requests } = await startEmulator()
    await expect(client().getCurrentUser()).resolves.toBeNull()
    expect(requests).toHaveLength(0)
  })

  it('getCurrentUser: an unchanged user keeps the snapshot and notifies nobody', async () => {
    const { bob } = await startEmulator()
    const authing = await bob()
    await authing.getCurrentUser()
    const before = authing.getSnapshot()
    const listener = vi.fn()
    authing.subscribe(listener)
    await authing.getCurrentUser()
    expect(authing.getSnapshot()).toBe(before)
    expect(listener).not.toHaveBeenCalled()
  })

  it('updateProfile: changes fields, keeps the token, and the change is persisted', async () => {
    const { bob, client } = await startEmulator()
    const authing = await bob()
    const token = authing.getSnapshot().token
    const user = await authing.updateProfile({ nickname: 'Bobby', company: 'Authing' })
    expect(user).toMatchObject({ nickname: 'Bobby', company: 'Authing', customData: { school: 'Tsinghua University' } })
    expect(authing.getSnapshot()).toMatchObject({ token, user: { nickname: 'Bobby' } })
    const other = client({ token: token ?? '' })
    await expect(other.getCurrentUser()).resolves.toMatchObject({ nickname: 'Bobby' })
  })

  it('updateProfile: email cannot change this way (2225); logged out it is 2020 with nothing sent', async () => {
    const { bob, client, requests } = await startEmulator()
    const authing = await bob()
    await expect(authing.updateProfile({ email: 'x@example.com' } as never)).rejects.toMatchObject({ code: 2225 })
    const before = requests.length
    await expect(client().updateProfile({ nickname: 'x' })).rejects.toMatchObject({ code: 2020 })
    expect(requests).toHaveLength(before)
  })

  it('updatePassword: the new password works, the old one does not', async () => {
    const { bob, client } = await startEmulator()
    const authing = await bob()
    await authing.updatePassword('brand-new-1', 'passw0rd')
    await expect(client().loginByUsername('bob', 'brand-new-1')).resolves.toMatchObject({ id: BOB_ID })
    await expect(client().loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 2333 })
  })

  it('updatePassword: a wrong old password is 2203', async () => {
    const { bob } = await startEmulator()
    const authing = await bob()
    await expect(authing.updatePassword('brand-new-1', 'not-my-password')).rejects.toMatchObject({ code: 2203 })
  })
})

describe('phone and email bindings', () => {
  async function carol() {
    const setup = await startEmulator()
    const authing = setup.client()
    await authing.registerByUsername('carol', 'carol-pw-1', {}, { forceLogin: true })
    return { ...setup, authing }
  }

  it('bindPhone: binds the number; the user can then log in with it', async () => {
    const { authing, client, lastCode } = await carol()
    await authing.sendSmsCode('13600136000', undefined, 'bind')
    const user = await authing.bindPhone('13600136000', lastCode('13600136000'))
    expect(user.phone).toBe('13600136000')
    expect(authing.getSnapshot().user?.phone).toBe('13600136000')
    await expect(client().loginByPhonePassword('13600136000', 'carol-pw-1')).resolves.toMatchObject({
      username: 'carol',
    })
  })

  it("bindPhone: another user's number is 2035", async () => {
    const { authing, lastCode } = await carol()
    await authing.sendSmsCode('13800138000', undefined, 'bind')
    await expect(authing.bindPhone('13800138000', lastCode('13800138000'))).rejects.toMatchObject({ code: 2035 })
  })

  it('unbindPhone: removes the number', async () => {
    const { bob } = await startEmulator()
    const authing = await bob()
    const user = await authing.unbindPhone()
    expect(user.phone).toBeNull()
    expect(authing.getSnapshot().user?.phone).toBeNull()
  })

  it('unbindPhone: without a phone to unbind, or logged out, it fails', async () => {
    const { authing } = await carol()
    await expect(authing.unbindPhone()).rejects.toMatchObject({ code: 2231 })
    const { client } = await startEmulator()
    await expect(client().unbindPhone()).rejects.toMatchObject({ code: 2020 })
  })

  it('bindEmail: binds the address; unbindEmail removes it', async () => {
    const { authing, lastCode } = await carol()
    await authing.sendEmail('carol@example.com', 'EMAIL_BIND_VERIFY_CODE')
    await expect(authing.bindEmail('carol@example.com', lastCode('carol@example.com'))).resolves.toMatchObject({
      email: 'carol@example.com',
    })
    await expect(authing.unbindEmail()).resolves.toMatchObject({ email: null })
  })

  it("bindEmail: a wrong code is 2001; another user's address is 2200", async () => {
    const { authing, lastCode } = await carol()
    await authing.sendEmail('carol@example.com', 'EMAIL_BIND_VERIFY_CODE')
    await expect(authing.bindEmail('carol@example.com', 'wrong')).rejects.toMatchObject({ code: 2001 })
    await authing.sendEmail('bob@example.com', 'EMAIL_BIND_VERIFY_CODE')
    await expect(authing.bindEmail('bob@example.com', lastCode('bob@example.com'))).rejects.toMatchObject({
      code: 2200,
    })
  })

  it('unbindEmail: the only way to log in cannot be removed (2217)', async () => {
    const { client } = await startEmulator()
    const authing = client()
    await authing.registerByEmail('solo@example.com', 'solo-pw-1', {}, { forceLogin: true })
    await expect(authing.unbindEmail()).rejects.toMatchObject({ code: 2217 })
  })

  it('updatePhone: moves to a new number with its code', async () => {
    const { bob, lastCode } = await startEmulator()
    const authing = await bob()
    await authing.sendSmsCode('13500135000', undefined, 'bind')
    const user = await authing.updatePhone('13500135000', lastCode('13500135000'))
    expect(user.phone).toBe('13500135000')
  })

  it('updatePhone: a wrong old code spends neither code, so the retry works', async () => {
    const { bob, lastCode } = await startEmulator()
    const authing = await bob()
    await authing.sendSmsCode('13500135000', undefined, 'bind')
    await authing.sendSmsCode('13800138000', undefined, 'unbind')
    const newCode = lastCode('13500135000')
    const oldCode = lastCode('13800138000')
    const wrong = oldCode === '000000' ? '111111' : '000000'
    await expect(authing.updatePhone('13500135000', newCode, '13800138000', wrong)).rejects.toMatchObject({
      code: 2001,
    })
    await expect(authing.updatePhone('13500135000', newCode, '13800138000', oldCode)).resolves.toMatchObject({
      phone: '13500135000',
    })
  })

  it('updatePhone: the same number is 2230', async () => {
    const { bob, lastCode } = await startEmulator()
    const authing = await bob()
    await authing.sendSmsCode('13800138000', undefined, 'bind')
    await expect(authing.updatePhone('13800138000', lastCode('13800138000'))).rejects.toMatchObject({ code: 2230 })
  })

  it('updateEmail: moves to a new address with its code', async () => {
    const { bob, lastCode } = await startEmulator()
    const authing = await bob()
    await authing.sendEmail('robert@example.com', 'CHANGE_EMAIL')
    await expect(authing.updateEmail('robert@example.com', lastCode('robert@example.com'))).resolves.toMatchObject({
      email: 'robert@example.com',
    })
    expect(authing.getSnapshot().user?.email).toBe('robert@example.com')
  })

  it('updateEmail: a wrong old address is 2037', async () => {
    const { bob, lastCode } = await startEmulator()
    const authing = await bob()
    await authing.sendEmail('robert@example.com', 'CHANGE_EMAIL')
    await authing.sendEmail('other@example.com', 'CHANGE_EMAIL')
    await expect(
      authing.updateEmail(
        'robert@example.com',
        lastCode('robert@example.com'),
        'other@example.com',
        lastCode('other@example.com'),
      ),
    ).rejects.toMatchObject({ code: 2037 })
  })
})
