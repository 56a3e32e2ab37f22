import { describe, expect, it } from 'vitest'

import { setup } from './engine-helpers.js'

const getUserRoles = `query getUserRoles($id: String!, $namespace: String) {
  user(id: $id) { roles(namespace: $namespace) { totalCount list { id code namespace arn description createdAt updatedAt parent { code } } } }
}`
const listUserAuthorizedResources = `query listUserAuthorizedResources($id: String!, $namespace: String, $resourceType: String) {
  user(id: $id) { authorizedResources(namespace: $namespace, resourceType: $resourceType) { totalCount list { code type actions apiIdentifier } } }
}`
const udv = `query udv($targetType: UDFTargetType!, $targetId: String!) { udv(targetType: $targetType, targetId: $targetId) { key dataType value label } }`
const setUdvBatch = `mutation setUdvBatch($targetType: UDFTargetType!, $targetId: String!, $udvList: [UserDefinedDataInput!]) {
  setUdvBatch(targetType: $targetType, targetId: $targetId, udvList: $udvList) { key value }
}`
const updateUser = `mutation updateUser($id: String, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id nickname email token password } }`

async function bob() {
  const env = await setup()
  const token = await env.loginBob()
  const me = await env.gql(`{ user { id } }`, {}, { token })
  return { ...env, token, id: me.data.user.id as string }
}

describe('engine: the user’s own data', () => {
  it('lists roles and the resources granted through them', async () => {
    const { gql, token, id, info } = await bob()
    const roles = await gql(getUserRoles, { id }, { token })
    expect(roles.data.user.roles).toMatchObject({
      totalCount: 1,
      list: [{ code: 'admin', namespace: 'default', parent: null }],
    })
    expect((await gql(getUserRoles, { id, namespace: 'other' }, { token })).data.user.roles.totalCount).toBe(0)
    const resources = await gql(listUserAuthorizedResources, { id, namespace: info.appId }, { token })
    expect(resources.data.user.authorizedResources).toEqual({
      totalCount: 1,
      list: [{ code: 'book', type: 'DATA', actions: ['read'], apiIdentifier: null }],
    })
    const api = await gql(listUserAuthorizedResources, { id, namespace: info.appId, resourceType: 'API' }, { token })
    expect(api.data.user.authorizedResources.totalCount).toBe(0)
    expect((await gql(getUserRoles, { id: '0'.repeat(24) }, { token })).errors?.[0]?.message.code).toBe(1001)
  })

  it('writes user-defined values as JSON text, checked against the field type', async () => {
    const { gql, token, id } = await bob()
    expect((await gql(udv, { targetType: 'USER', targetId: id }, { token })).data.udv).toEqual([
      { key: 'school', dataType: 'STRING', value: 'Tsinghua University', label: 'School' },
    ])
    const set = await gql(
      setUdvBatch,
      { targetType: 'USER', targetId: id, udvList: [{ key: 'school', value: '"MIT"' }] },
      { token },
    )
    expect(set.data.setUdvBatch).toEqual([{ key: 'school', value: 'MIT' }])
    const unknown = await gql(
      setUdvBatch,
      { targetType: 'USER', targetId: id, udvList: [{ key: 'age', value: '3' }] },
      { token },
    )
    expect(unknown.errors?.[0]?.message.code).toBe(2231)
    const remove = `mutation removeUdv($targetType: UDFTargetType!, $targetId: String!, $key: String!) { removeUdv(targetType: $targetType, targetId: $targetId, key: $key) { key } }`
    expect((await gql(remove, { targetType: 'USER', targetId: id, key: 'school' }, { token })).data.removeUdv).toEqual(
      [],
    )
  })

  it('updates profile fields but not email or phone; the password key is ignored', async () => {
    const { gql, token, login } = await bob()
    const res = await gql(updateUser, { input: { nickname: 'Bobby', password: 'x' } }, { token })
    expect(res.data.updateUser).toMatchObject({ nickname: 'Bobby', token, password: null })
    expect((await login('bob', 'passw0rd')).data.loginByUsername).toBeTruthy()
    expect((await gql(updateUser, { input: { email: 'new@example.com' } }, { token })).errors?.[0]?.message.code).toBe(
      2225,
    )
    expect((await gql(updateUser, { input: { phone: '13900139000' } }, { token })).errors?.[0]?.message.code).toBe(2226)
  })

  it('changes the password only with the right old one', async () => {
    const { gql, token, encrypt, login } = await bob()
    const update = `mutation updatePassword($newPassword: String!, $oldPassword: String) { updatePassword(newPassword: $newPassword, oldPassword: $oldPassword) { id } }`
    expect((await gql(update, { newPassword: encrypt('n3w-pass') }, { token })).errors?.[0]?.message.code).toBe(2201)
    expect(
      (await gql(update, { newPassword: encrypt('n3w-pass'), oldPassword: encrypt('bad') }, { token })).errors?.[0]
        ?.message.code,
    ).toBe(2203)
    expect(
      (await gql(update, { newPassword: encrypt('n3w-pass'), oldPassword: encrypt('passw0rd') }, { token })).errors,
    ).toBeUndefined()
    expect((await login('bob', 'n3w-pass')).data.loginByUsername).toBeTruthy()
  })

  it('binds and unbinds with codes, guarding conflicts and the last login method', async () => {
    const { gql, token, rest, emulator, encrypt } = await bob()
    const unbindPhone = `mutation unbindPhone { unbindPhone { phone token } }`
    const unbindEmail = `mutation unbindEmail { unbindEmail { email } }`
    expect((await gql(unbindPhone, {}, { token })).data.unbindPhone).toEqual({ phone: null, token })
    await rest('POST', '/api/v2/sms/send', { phone: '13900139000', scene: 'bind' })
    const code = emulator.outbox({ to: '13900139000' })[0]?.code
    const bind = `mutation bindPhone($phone: String!, $phoneCode: String!) { bindPhone(phone: $phone, phoneCode: $phoneCode) { phone } }`
    expect((await gql(bind, { phone: '13900139000', phoneCode: code }, { token })).data.bindPhone.phone).toBe(
      '13900139000',
    )
    const update = `mutation updatePhone($phone: String!, $phoneCode: String!) { updatePhone(phone: $phone, phoneCode: $phoneCode) { phone } }`
    expect(
      (await gql(update, { phone: '13900139000', phoneCode: '000000' }, { token })).errors?.[0]?.message.code,
    ).toBe(2230)

    // A user with only an email left cannot unbind it.
    const register = `mutation registerByEmail($input: RegisterByEmailInput!) { registerByEmail(input: $input) { token } }`
    const carol = await gql(register, {
      input: { email: 'carol@example.com', password: encrypt('c4rol-pass'), generateToken: true },
    })
    const carolToken = carol.data.registerByEmail.token as string
    expect(carolToken).toBeTruthy()
    expect((await gql(unbindEmail, {}, { token: carolToken })).errors?.[0]?.message.code).toBe(2217)
    const dup = await gql(register, { input: { email: 'Carol@example.com', password: encrypt('c4rol-pass') } })
    expect(dup.errors?.[0]?.message.code).toBe(2026)
  })

  it('answers users/me, allowed applications and isUserExists', async () => {
    const { rest, gql, token, info } = await bob()
    const me = await rest('GET', '/api/v2/users/me', undefined, { token })
    expect(me.body).toMatchObject({ code: 200, data: { username: 'bob', password: null, token } })
    const apps = await rest('GET', '/api/v2/users/me/applications/allowed?page=1&limit=10', undefined, { token })
    expect(apps.body.data).toMatchObject({ totalCount: 1, list: [{ id: info.appId, protocol: 'oidc' }] })
    const exists = `query isUserExists($username: String, $email: String) { isUserExists(username: $username, email: $email) }`
    expect((await gql(exists, { username: 'BOB' })).data.isUserExists).toBe(true)
    expect((await gql(exists, { email: 'nobody@example.com' })).data.isUserExists).toBe(false)
  })
})
