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
