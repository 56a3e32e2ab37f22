import { describe, expect, it } from 'vitest'

import { BOB_ID } from './testEmulator.js'
import { startManagement } from './testManagement.js'

// The fields (and their types) of the users.list() sample in Authing's SDK documentation.
const SAMPLE_USER_TYPES: Record<string, string> = {
  id: 'string',
  arn: 'string',
  userPoolId: 'string',
  username: 'string',
  email: 'string|null',
  emailVerified: 'boolean',
  phone: 'string|null',
  phoneVerified: 'boolean',
  unionid: 'null',
  openid: 'null',
  nickname: 'string|null',
  registerSource: 'array',
  photo: 'string',
  password: 'null',
  oauth: 'null',
  token: 'null',
  tokenExpiredAt: 'null',
  loginsCount: 'number',
  lastLogin: 'string|null',
  lastIP: 'string|null',
  signedUp: 'string',
  blocked: 'boolean',
  isDeleted: 'boolean',
  device: 'null',
  browser: 'null',
  company: 'string|null',
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
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

describe('management.users', () => {
  it("list(): the documentation's example, field for field", async () => {
    const { admin, info } = await startManagement()
    const page = await admin.users.list()
    expect(page.totalCount).toBe(1)
    const [user] = page.list
    expect(Object.keys(user ?? {}).sort()).toEqual(Object.keys(SAMPLE_USER_TYPES).sort())
    for (const [field, type] of Object.entries(SAMPLE_USER_TYPES))
      expect(type.split('|'), field).toContain(typeOf(user?.[field as keyof typeof user]))
    expect(user).toMatchObject({
      id: BOB_ID,
      username: 'bob',
      userPoolId: info.userPoolId,
      arn: `arn:cn:authing:${info.userPoolId}:user:${BOB_ID}`,
      password: null,
    })
  })

  it('list(): the default photo is an avatar the emulator serves', async () => {
    const { admin, emulator } = await startManagement()
    const { list } = await admin.users.list()
    const response = await emulator.fetch(list[0]?.photo ?? '')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('image/')
  })

  it('list(): more than 80 per page is 2030', async () => {
    const { admin } = await startManagement()
    await expect(admin.users.list(1, 81)).rejects.toMatchObject({ code: 2030 })
  })

  it('create(): the user exists and can log in with the password', async () => {
    const { admin, client } = await startManagement()
    const user = await admin.users.create({ username: 'alice', password: 'alice-pw-1', nickname: 'Alice' })
    expect(user).toMatchObject({ username: 'alice', nickname: 'Alice', password: null })
    await expect(client().loginByUsername('alice', 'alice-pw-1')).resolves.toMatchObject({ id: user.id })
  })

  it('create(): the password never travels in clear; a taken username is 2034', async () => {
    const { admin, requests } = await startManagement()
    await admin.users.create({ username: 'alice', password: 'alice-pw-1' })
    expect(requests.some((r) => r.body.includes('alice-pw-1'))).toBe(false)
    await expect(admin.users.create({ username: 'bob' })).rejects.toMatchObject({ code: 2034 })
  })

  it('update(): an administrator may change email and password', async () => {
    const { admin, client } = await startManagement()
    const user = await admin.users.update(BOB_ID, { email: 'robert@example.com', password: 'admin-set-1' })
    expect(user.email).toBe('robert@example.com')
    await expect(client().loginByEmail('robert@example.com', 'admin-set-1')).resolves.toMatchObject({ id: BOB_ID })
  })

  it("update(): someone else's email is refused", async () => {
    const { admin } = await startManagement()
    const alice = await admin.users.create({ username: 'alice', email: 'alice@example.com' })
    await expect(admin.users.update(alice.id, { email: 'bob@example.com' })).rejects.toMatchObject({
      code: expect.any(Number),
    })
  })

  it('detail(): by id, with custom data on request; an unknown id fails', async () => {
    const { admin } = await startManagement()
    await expect(admin.users.detail(BOB_ID, { withCustomData: true })).resolves.toMatchObject({
      username: 'bob',
      customData: { school: 'Tsinghua University' },
    })
    await expect(admin.users.detail('000000000000000000000000')).rejects.toMatchObject({ code: 2004 })
  })

  it('delete() / deleteMany(): the users are gone and can no longer log in', async () => {
    const { admin, client } = await startManagement()
    const a = await admin.users.create({ username: 'a-user', password: 'a-pass-1' })
    const b = await admin.users.create({ username: 'b-user' })
    await expect(admin.users.delete(a.id)).resolves.toMatchObject({ code: 200 })
    await expect(admin.users.deleteMany([b.id, BOB_ID])).resolves.toMatchObject({ code: 200 })
    await expect(admin.users.list()).resolves.toMatchObject({ totalCount: 0 })
    await expect(client().loginByUsername('a-user', 'a-pass-1')).rejects.toMatchObject({ code: 2333 })
  })

  it('delete(): an unknown id fails; deleteMany([]) is refused locally', async () => {
    const { admin } = await startManagement()
    await expect(admin.users.delete('000000000000000000000000')).rejects.toMatchObject({ code: expect.any(Number) })
    await expect(admin.users.deleteMany([])).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('batch(): by id and by username', async () => {
    const { admin } = await startManagement()
    await expect(admin.users.batch([BOB_ID])).resolves.toMatchObject([{ username: 'bob' }])
    await expect(admin.users.batch(['bob', 'nobody'], { queryField: 'username' })).resolves.toMatchObject([
      { id: BOB_ID },
    ])
    await expect(admin.users.batch([])).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('exists() / find()', async () => {
    const { admin } = await startManagement()
    await expect(admin.users.exists({ email: 'bob@example.com' })).resolves.toBe(true)
    await expect(admin.users.exists({ username: 'nobody' })).resolves.toBe(false)
    await expect(admin.users.find({ phone: '13800138000' })).resolves.toMatchObject({ id: BOB_ID })
    await expect(admin.users.find({ username: 'nobody' })).resolves.toBeNull()
    await expect(admin.users.find({})).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('search(): substring match, paginated', async () => {
    const { admin } = await startManagement()
    await admin.users.create({ username: 'alice' })
    await expect(admin.users.search('ob')).resolves.toMatchObject({ totalCount: 1, list: [{ username: 'bob' }] })
    await expect(admin.users.search('zzz')).resolves.toEqual({ totalCount: 0, list: [] })
    await expect(admin.users.search('')).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('refreshToken(): mints a working id_token for the user', async () => {
    const { admin, client } = await startManagement()
    const { token } = await admin.users.refreshToken(BOB_ID)
    await expect(client({ token: token ?? '' }).getCurrentUser()).resolves.toMatchObject({ id: BOB_ID })
    await expect(admin.users.refreshToken('000000000000000000000000')).rejects.toMatchObject({
      code: expect.any(Number),
    })
  })

  it('roles: listRoles / addRoles / removeRoles / hasRole, seen by the user too', async () => {
    const { admin, bob } = await startManagement()
    await admin.roles.create('editor')
    await admin.users.addRoles(BOB_ID, ['editor'])
    await expect(admin.users.listRoles(BOB_ID)).resolves.toMatchObject({ totalCount: 2 })
    await expect(admin.users.hasRole(BOB_ID, 'editor')).resolves.toBe(true)
    const authing = await bob()
    await expect(authing.hasRole('editor')).resolves.toBe(true)
    await admin.users.removeRoles(BOB_ID, ['editor'])
    await expect(admin.users.hasRole(BOB_ID, 'editor')).resolves.toBe(false)
    await expect(authing.hasRole('editor')).resolves.toBe(false)
  })

  it('roles: a role that does not exist, or an unknown user, fails', async () => {
    const { admin } = await startManagement()
    await expect(admin.users.addRoles(BOB_ID, ['no-such-role'])).rejects.toMatchObject({ code: expect.any(Number) })
    await expect(admin.users.listRoles('000000000000000000000000')).rejects.toMatchObject({ code: expect.any(Number) })
  })

  it('listAuthorizedResources(): what roles grant', async () => {
    const { admin, info } = await startManagement()
    await expect(admin.users.listAuthorizedResources(BOB_ID, info.appId)).resolves.toMatchObject({
      list: [{ code: 'book', actions: ['read'] }],
    })
    await expect(admin.users.listAuthorizedResources(BOB_ID, '')).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('custom fields: get / set / remove on any user', async () => {
    const { admin } = await startManagement()
    await expect(admin.users.getUdfValue(BOB_ID)).resolves.toEqual({ school: 'Tsinghua University' })
    await expect(admin.users.setUdfValue(BOB_ID, { school: 'MIT' })).resolves.toEqual({ school: 'MIT' })
    await admin.users.removeUdfValue(BOB_ID, 'school')
    await expect(admin.users.getUdfValue(BOB_ID)).resolves.toEqual({})
    await expect(admin.users.setUdfValue(BOB_ID, { unknownField: 1 })).rejects.toMatchObject({ code: 2231 })
  })

  it('groups: listGroups / addGroup / removeGroup', async () => {
    const { admin } = await startManagement()
    await admin.groups.create('staff', 'Staff')
    await admin.users.addGroup(BOB_ID, 'staff')
    await expect(admin.users.listGroups(BOB_ID)).resolves.toMatchObject({ totalCount: 1, list: [{ code: 'staff' }] })
    await admin.users.removeGroup(BOB_ID, 'staff')
    await expect(admin.users.listGroups(BOB_ID)).resolves.toMatchObject({ totalCount: 0 })
    await expect(admin.users.addGroup(BOB_ID, 'no-such-group')).rejects.toMatchObject({ code: expect.any(Number) })
  })
})
