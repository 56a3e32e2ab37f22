import { describe, expect, it } from 'vitest'

import { BOB_ID, setupManagement } from './fixtures/management.js'
import * as docs from './fixtures/managementDocuments.js'

// users.list() in Authing's SDK documentation, field for field (types), `password` always null.
const SAMPLE_TYPES: Record<string, string> = {
  id: 'string',
  arn: 'string',
  userPoolId: 'string',
  username: 'string',
  email: 'string',
  emailVerified: 'boolean',
  phone: 'string',
  phoneVerified: 'boolean',
  unionid: 'null',
  openid: 'null',
  nickname: 'string',
  registerSource: 'array',
  photo: 'string',
  password: 'null',
  oauth: 'null',
  token: 'null',
  tokenExpiredAt: 'null',
  loginsCount: 'number',
  lastLogin: 'null',
  lastIP: 'null',
  signedUp: 'string',
  blocked: 'boolean',
  isDeleted: 'boolean',
  device: 'null',
  browser: 'null',
  company: 'null',
  name: 'null',
  givenName: 'null',
  familyName: 'null',
  middleName: 'null',
  profile: 'null',
  preferredUsername: 'null',
  website: 'null',
  gender: 'string',
  birthdate: 'null',
  zoneinfo: 'null',
  locale: 'null',
  address: 'null',
  formatted: 'null',
  streetAddress: 'null',
  locality: 'null',
  region: 'null',
  postalCode: 'null',
  country: 'null',
  createdAt: 'string',
  updatedAt: 'string',
}
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

describe('engine: management users', () => {
  it("users: the documentation's sample, with an avatar the emulator serves", async () => {
    const { mgql, emulator, info } = await setupManagement()
    const res = await mgql(docs.users)
    expect(res.data.users.totalCount).toBe(1)
    const listed = res.data.users.list[0] as Record<string, unknown>
    expect(Object.keys(listed).sort()).toEqual(Object.keys(SAMPLE_TYPES).sort())
    for (const [field, type] of Object.entries(SAMPLE_TYPES)) expect(typeOf(listed[field]), field).toBe(type)
    expect(listed).toMatchObject({
      registerSource: ['import:manual'],
      gender: 'U',
      photo: `${info.appHost}/__emulator/avatar.svg`,
    })
    expect(new Date(listed.signedUp as string).toISOString()).toBe(listed.signedUp)
    const avatar = await emulator.fetch(
      new Request(listed.photo as string, { headers: { origin: 'http://localhost:3000' } }),
    )
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml')
    expect(avatar.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(await avatar.text()).toContain('<svg')
  })

  it('users: pages newest first (or oldest with CREATEDAT_ASC); more than 80 per page is 2030', async () => {
    const seed = { users: Array.from({ length: 25 }, (_, i) => ({ username: `u${String(i).padStart(2, '0')}` })) }
    const { mgql, code } = await setupManagement({ seed })
    const names = (res: { data?: any }) => res.data.users.list.map((u: { username: string }) => u.username)
    const page3 = await mgql(docs.users, { page: 3, limit: 10 })
    expect(page3.data.users.totalCount).toBe(25)
    expect(names(page3)).toEqual(['u04', 'u03', 'u02', 'u01', 'u00'])
    expect(names(await mgql(docs.users, { page: 2, limit: 3, sortBy: 'CREATEDAT_ASC' }))).toEqual(['u03', 'u04', 'u05'])
    expect(names(await mgql(docs.users, { page: 9, limit: 10 }))).toEqual([])
    expect(code(await mgql(docs.users, { limit: 81 }))).toBe(2030)
  })

  it('createUser: an encrypted password the user logs in with; duplicates 2034 / 2026 / 2035', async () => {
    const { mgql, code, encrypt, login } = await setupManagement()
    const created = await mgql(docs.createUser, {
      userInfo: { username: 'alice', email: 'Alice@Example.com', password: encrypt('alice-pw-1'), nickname: 'Alice' },
    })
    expect(created.data.createUser).toMatchObject({
      username: 'alice',
      email: 'alice@example.com',
      nickname: 'Alice',
      registerSource: ['import:manual'],
      password: null,
      customData: [],
    })
    expect((await login('alice', 'alice-pw-1')).data.loginByUsername.id).toBe(created.data.createUser.id)
    expect(code(await mgql(docs.createUser, { userInfo: { username: 'bob' } }))).toBe(2034)
    expect(code(await mgql(docs.createUser, { userInfo: { email: 'bob@example.com' } }))).toBe(2026)
    expect(code(await mgql(docs.createUser, { userInfo: { phone: '13800138000' } }))).toBe(2035)
    expect(code(await mgql(docs.createUser, { userInfo: { nickname: 'nobody' } }))).toBe(2231)
    expect(code(await mgql(docs.createUser, { userInfo: { username: 'carol', password: 'not-encrypted' } }))).toBe(2016)
    await mgql(docs.createUser, { userInfo: { username: 'dave', password: 'dave-pw-1' }, keepPassword: true })
    expect((await login('dave', 'dave-pw-1')).data.loginByUsername.username).toBe('dave')
  })

  it('updateUser as administrator: email, phone and password of any user, still unique', async () => {
    const { mgql, code, encrypt, gql } = await setupManagement()
    const res = await mgql(docs.updateUser, {
      id: BOB_ID,
      input: { email: 'robert@example.com', phone: '13900139000', password: encrypt('admin-set-1'), nickname: 'Rob' },
    })
    expect(res.data.updateUser).toMatchObject({
      id: BOB_ID,
      email: 'robert@example.com',
      phone: '13900139000',
      nickname: 'Rob',
      token: null,
    })
    const byEmail = `mutation loginByEmail($input: LoginByEmailInput!) { loginByEmail(input: $input) { id } }`
    expect(
      (await gql(byEmail, { input: { email: 'robert@example.com', password: encrypt('admin-set-1') } })).data
        .loginByEmail.id,
    ).toBe(BOB_ID)
    const alice = await mgql(docs.createUser, { userInfo: { username: 'alice', email: 'alice@example.com' } })
    expect(
      code(await mgql(docs.updateUser, { id: alice.data.createUser.id, input: { email: 'robert@example.com' } })),
    ).toBe(2026)
    expect(code(await mgql(docs.updateUser, { id: alice.data.createUser.id, input: { username: 'bob' } }))).toBe(2034)
    expect(code(await mgql(docs.updateUser, { id: '0'.repeat(24), input: { nickname: 'x' } }))).toBe(2004)
  })

  it('user(id), refreshToken(id) and udv on any user of the pool', async () => {
    const { mgql, code, rest } = await setupManagement()
    expect((await mgql(docs.user, { id: BOB_ID })).data.user).toMatchObject({
      username: 'bob',
      token: null,
      customData: [{ key: 'school' }],
    })
    expect(code(await mgql(docs.user, { id: '0'.repeat(24) }))).toBe(2004)
    const minted = await mgql(docs.refreshToken, { id: BOB_ID })
    expect(
      (await rest('GET', '/api/v2/users/me', undefined, { token: minted.data.refreshToken.token })).body.data.id,
    ).toBe(BOB_ID)
    const set = await mgql(docs.setUdvBatch, {
      targetType: 'USER',
      targetId: BOB_ID,
      udvList: [{ key: 'school', value: '"MIT"' }],
    })
    expect(set.data.setUdvBatch).toEqual([{ key: 'school', dataType: 'STRING', value: 'MIT', label: 'School' }])
    expect(
      (await mgql(docs.removeUdv, { targetType: 'USER', targetId: BOB_ID, key: 'school' })).data.removeUdv,
    ).toEqual([])
    expect((await mgql(docs.udv, { targetType: 'USER', targetId: BOB_ID })).data.udv).toEqual([])
    expect(code(await mgql(docs.udv, { targetType: 'USER', targetId: '0'.repeat(24) }))).toBe(2004)
  })

  it('deleteUser / deleteUsers: gone, logins fail; unknown ids are 2004 and delete nothing', async () => {
    const { mgql, code, login } = await setupManagement()
    const a = (await mgql(docs.createUser, { userInfo: { username: 'a-user' } })).data.createUser.id
    expect(code(await mgql(docs.deleteUsers, { ids: [a, '0'.repeat(24)] }))).toBe(2004)
    expect((await mgql(docs.users)).data.users.totalCount).toBe(2)
    expect((await mgql(docs.deleteUser, { id: a })).data.deleteUser.code).toBe(200)
    expect(code(await mgql(docs.deleteUser, { id: a }))).toBe(2004)
    await mgql(docs.deleteUsers, { ids: [BOB_ID] })
    expect((await mgql(docs.users)).data.users).toEqual({ totalCount: 0, list: [] })
    expect((await login('bob', 'passw0rd')).errors?.[0]?.message.code).toBe(2333)
  })

  it('findUser, searchUser (substring, fields) and userBatch', async () => {
    const { mgql } = await setupManagement()
    await mgql(docs.createUser, { userInfo: { username: 'alice', nickname: 'Wonder' } })
    expect((await mgql(docs.findUser, { phone: '13800138000' })).data.findUser.id).toBe(BOB_ID)
    expect((await mgql(docs.findUser, { username: 'nobody' })).data.findUser).toBeNull()
    const names = (res: { data?: any }) => res.data.searchUser.list.map((u: { username: string }) => u.username)
    expect(names(await mgql(docs.searchUser, { query: 'OB' }))).toEqual(['bob'])
    expect(names(await mgql(docs.searchUser, { query: 'wonder' }))).toEqual(['alice'])
    expect(names(await mgql(docs.searchUser, { query: 'wonder', fields: ['username'] }))).toEqual([])
    expect((await mgql(docs.searchUser, { query: 'o', limit: 1 })).data.searchUser.totalCount).toBe(2)
    expect((await mgql(docs.userBatch, { ids: ['bob', 'nobody'], type: 'username' })).data.userBatch).toEqual([
      { id: BOB_ID, username: 'bob' },
    ])
  })

  it('REST: user detail (custom data on request; unknown 2004) and batch by any identifier', async () => {
    const { mrest } = await setupManagement()
    const plain = await mrest('GET', `/api/v2/users/${BOB_ID}`)
    expect(plain.body).toMatchObject({ code: 200, data: { id: BOB_ID, username: 'bob', password: null } })
    expect(plain.body.data.customData).toBeUndefined()
    const withData = await mrest('GET', `/api/v2/users/${BOB_ID}?with_custom_data=true`)
    expect(withData.body.data.customData).toEqual([
      { key: 'school', dataType: 'STRING', value: 'Tsinghua University', label: 'School' },
    ])
    expect((await mrest('GET', `/api/v2/users/${'0'.repeat(24)}`)).body.code).toBe(2004)
    const batch = await mrest('POST', '/api/v2/users/batch', {
      ids: ['bob@example.com', 'x@example.com'],
      type: 'email',
    })
    expect(batch.body.data).toMatchObject([{ id: BOB_ID }])
    expect((await mrest('POST', '/api/v2/users/batch', { ids: [BOB_ID] })).body.data).toHaveLength(1)
  })

  it('what the administrator writes is in the store: a restored state lists the same users in the same order', async () => {
    const { mgql, emulator } = await setupManagement()
    await mgql(docs.createUser, { userInfo: { username: 'alice' } })
    await mgql(docs.createGroup, { code: 'staff', name: 'Staff' })
    const restored = await setupManagement({ state: emulator.store.snapshot() })
    const listed = await restored.mgql(docs.users)
    expect(listed.data.users.list.map((u: { username: string }) => u.username)).toEqual(['alice', 'bob'])
    expect((await restored.mgql(docs.group, { code: 'staff' })).data.group.name).toBe('Staff')
  })
})

describe('users: what Authing refuses rather than stores', () => {
  it('refuses a malformed lastLogin or signedUp on createUser, and keeps a well-formed signedUp', async () => {
    const { mgql, code } = await setupManagement()
    expect(code(await mgql(docs.createUser, { userInfo: { username: 'late', lastLogin: 'yesterday' } }))).toBe(2231)
    expect(code(await mgql(docs.createUser, { userInfo: { username: 'late', signedUp: '2020-13-45' } }))).toBe(2231)
    const imported = await mgql(docs.createUser, {
      userInfo: { username: 'imported', signedUp: '2020-01-02T03:04:05Z', lastLogin: '2021-06-07T08:09:10+08:00' },
    })
    expect(imported.data.createUser).toMatchObject({
      signedUp: '2020-01-02T03:04:05.000Z',
      lastLogin: '2021-06-07T00:09:10.000Z',
    })
  })

  it("refuses an end user's own unionid or openid", async () => {
    const { gql, loginBob } = await setupManagement()
    const token = await loginBob()
    const update = `mutation updateUser($input: UpdateUserInput!) { updateUser(input: $input) { id unionid } }`
    for (const field of ['unionid', 'openid']) {
      const res = await gql(update, { input: { [field]: 'forged-id' } }, { token })
      expect(res.errors?.[0]?.message).toMatchObject({ code: 2231 })
    }
  })
})
