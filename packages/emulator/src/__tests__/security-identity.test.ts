import { describe, expect, it } from 'vitest'

import { BOB_ID, setupManagement } from './fixtures/management.js'
import * as docs from './fixtures/managementDocuments.js'

const register = `mutation register($input: RegisterByUsernameInput!) { registerByUsername(input: $input) { id username } }`
const updateProfile = `mutation updateUser($input: UpdateUserInput!) { updateUser(input: $input) { id username } }`

// Each would be a second account that every screen shows as "alice" (or one that forges lines).
const lookAlikes = ['', '   ', 'ali\u0000ce', 'alice\nbob', 'ali\u200bce', '\u202ealice', 'alice\u2066', 'ali\u00adce']

describe('security 6: usernames are trimmed, NFC, never empty, never hold control or invisible characters', () => {
  it('security 6: register, profile update, management create and update refuse the same names (2231)', async () => {
    const { gql, encrypt, loginBob, mgql, code } = await setupManagement()
    const bobToken = await loginBob()
    for (const name of lookAlikes) {
      const where = JSON.stringify(name)
      const registered = await gql(register, { input: { username: name, password: encrypt('s3cret-pass') } })
      expect([where, code(registered)]).toEqual([where, 2231])
      const renamed = await gql(updateProfile, { input: { username: name } }, { token: bobToken })
      expect([where, code(renamed)]).toEqual([where, 2231])
      const created = await mgql(docs.createUser, { userInfo: { username: name, password: 'x' }, keepPassword: true })
      // An empty username with no other identifier is the older "missing parameter" 2231 too.
      expect([where, code(created)]).toEqual([where, 2231])
      if (name) {
        const updated = await mgql(docs.updateUser, { id: BOB_ID, input: { username: name } })
        expect([where, code(updated)]).toEqual([where, 2231])
      }
    }
  })

  it('security 6: " alice" is stored as "alice", so a rename cannot make a twin or lock its owner out', async () => {
    const { gql, encrypt, login, loginBob, code } = await setupManagement()
    const bobToken = await loginBob()
    const renamed = await gql(updateProfile, { input: { username: ' alice ' } }, { token: bobToken })
    expect(renamed.data?.updateUser?.username).toBe('alice')
    expect(code(await login('alice', 'passw0rd'))).toBeUndefined()
    const twin = await gql(register, { input: { username: 'alice', password: encrypt('s3cret-pass') } })
    expect(code(twin)).toBe(2034)
  })

  it('security 6: an NFD spelling registers as the NFC account it looks like, not a new one', async () => {
    const { gql, encrypt, code } = await setupManagement()
    const first = await gql(register, { input: { username: 'jos\u00e9', password: encrypt('s3cret-pass') } })
    expect(first.data?.registerByUsername?.username).toBe('jos\u00e9')
    const second = await gql(register, { input: { username: 'jose\u0301', password: encrypt('s3cret-pass') } })
    expect(code(second)).toBe(2034)
  })
})

describe('security 8: a password change ends the other sessions', () => {
  const me = `query { user { id } }`
  const update = `mutation updatePassword($newPassword: String!, $oldPassword: String) { updatePassword(newPassword: $newPassword, oldPassword: $oldPassword) { id } }`
  const reset = `mutation resetPassword($phone: String, $code: String!, $newPassword: String!) { resetPassword(phone: $phone, code: $code, newPassword: $newPassword) { code } }`

  async function twoDevices() {
    let now = Date.now()
    const env = await setupManagement({ now: () => now })
    const laptop = await env.loginBob()
    const phone = await env.loginBob()
    now += 2000
    const alive = async (token: string) => env.code(await env.gql(me, {}, { token })) === undefined
    return { ...env, laptop, phone, alive, later: () => (now += 2000) }
  }

  it('security 8: updatePassword keeps the token it was made with and ends every other one', async () => {
    const { gql, encrypt, laptop, phone, alive, later, loginBob, login, code } = await twoDevices()
    expect([await alive(laptop), await alive(phone)]).toEqual([true, true])
    const changed = await gql(
      update,
      { newPassword: encrypt('n3w-passw0rd'), oldPassword: encrypt('passw0rd') },
      { token: laptop },
    )
    expect(changed.errors).toBeUndefined()
    expect([await alive(laptop), await alive(phone)]).toEqual([true, false])
    later()
    expect(code(await login('bob', 'n3w-passw0rd'))).toBeUndefined()
    await expect(loginBob()).rejects.toThrow()
  })

  it('security 8: a reset by code and an administrator setting the password end every session', async () => {
    const { emulator, rest, gql, encrypt, mgql, laptop, phone, alive, later, login } = await twoDevices()
    await rest('POST', '/api/v2/sms/send', { phone: '13800138000', scene: 'reset' })
    const sent = emulator.outbox().at(-1)?.code
    expect(
      (await gql(reset, { phone: '13800138000', code: sent, newPassword: encrypt('n3w-passw0rd') })).errors,
    ).toBeUndefined()
    expect([await alive(laptop), await alive(phone)]).toEqual([false, false])

    later()
    const fresh = (await login('bob', 'n3w-passw0rd')).data?.loginByUsername?.token as string
    expect(await alive(fresh)).toBe(true)
    later()
    expect(
      (await mgql(docs.updateUser, { id: BOB_ID, input: { password: encrypt('an0ther-pass') } })).errors,
    ).toBeUndefined()
    expect(await alive(fresh)).toBe(false)
  })
})
