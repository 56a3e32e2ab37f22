import { describe, expect, it } from 'vitest'

import { startEmulator } from './testEmulator.js'

describe('roles, resources and applications', () => {
  it('listRoles: bob has the admin role', async () => {
    const { bob } = await startEmulator()
    const roles = await (await bob()).listRoles()
    expect(roles).toMatchObject({ totalCount: 1, list: [{ code: 'admin', namespace: 'default' }] })
  })

  it('listRoles: a namespace without roles answers an empty page; logged out it is 2020', async () => {
    const { bob, client } = await startEmulator()
    await expect((await bob()).listRoles('elsewhere')).resolves.toEqual({ totalCount: 0, list: [] })
    await expect(client().listRoles()).rejects.toMatchObject({ code: 2020 })
  })

  it('hasRole: true for admin, false for a role bob lacks', async () => {
    const { bob } = await startEmulator()
    const authing = await bob()
    await expect(authing.hasRole('admin')).resolves.toBe(true)
    await expect(authing.hasRole('auditor')).resolves.toBe(false)
  })

  it('hasRole: logged out it is 2020', async () => {
    const { client } = await startEmulator()
    await expect(client().hasRole('admin')).rejects.toMatchObject({ code: 2020 })
  })

  it("listAuthorizedResources: what bob's role grants in the app's namespace", async () => {
    const { bob, info } = await startEmulator()
    const resources = await (await bob()).listAuthorizedResources(info.appId)
    expect(resources).toEqual({
      totalCount: 1,
      list: [{ code: 'book', type: 'DATA', actions: ['read'], apiIdentifier: null }],
    })
  })

  it('listAuthorizedResources: a type filter that matches nothing, and a missing namespace', async () => {
    const { bob, info } = await startEmulator()
    const authing = await bob()
    await expect(authing.listAuthorizedResources(info.appId, { resourceType: 'API' })).resolves.toEqual({
      totalCount: 0,
      list: [],
    })
    await expect(authing.listAuthorizedResources('')).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('listApplications: the apps bob may use', async () => {
    const { bob, info } = await startEmulator()
    const apps = await (await bob()).listApplications({ page: 1, limit: 5 })
    expect(apps.totalCount).toBe(1)
    expect(apps.list[0]).toMatchObject({ id: info.appId })
  })

  it('listApplications: logged out it is 2020', async () => {
    const { client } = await startEmulator()
    await expect(client().listApplications()).rejects.toMatchObject({ code: 2020 })
  })
})

describe('custom fields (UDF)', () => {
  it('getUdfValue: decoded values', async () => {
    const { bob } = await startEmulator()
    await expect((await bob()).getUdfValue()).resolves.toEqual({ school: 'Tsinghua University' })
  })

  it('getUdfValue: logged out it is 2020', async () => {
    const { client } = await startEmulator()
    await expect(client().getUdfValue()).rejects.toMatchObject({ code: 2020 })
  })

  it('setUdfValue: sets and reads back typed values', async () => {
    const { bob } = await startEmulator({
      seed: {
        users: [{ username: 'bob', password: 'passw0rd' }],
        udfs: [
          { targetType: 'USER', key: 'school', dataType: 'STRING' },
          { targetType: 'USER', key: 'age', dataType: 'NUMBER' },
          { targetType: 'USER', key: 'vip', dataType: 'BOOLEAN' },
          { targetType: 'USER', key: 'since', dataType: 'DATETIME' },
        ],
      },
    })
    const authing = await bob()
    const since = '2024-01-02T03:04:05.000Z'
    const values = await authing.setUdfValue({ school: 'MIT', age: 30, vip: true, since })
    expect(values).toEqual({ school: 'MIT', age: 30, vip: true, since })
    await expect(authing.getUdfValue()).resolves.toEqual(values)
  })

  it('setUdfValue: an unknown field or a wrongly typed value is 2231; an empty object is refused locally', async () => {
    const { bob } = await startEmulator()
    const authing = await bob()
    await expect(authing.setUdfValue({ nope: 1 })).rejects.toMatchObject({ code: 2231 })
    await expect(authing.setUdfValue({ school: 42 })).rejects.toMatchObject({ code: 2231 })
    await expect(authing.setUdfValue({})).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('removeUdfValue: the value is gone afterwards', async () => {
    const { bob } = await startEmulator()
    const authing = await bob()
    await authing.removeUdfValue('school')
    await expect(authing.getUdfValue()).resolves.toEqual({})
  })

  it('removeUdfValue: logged out it is 2020', async () => {
    const { client } = await startEmulator()
    await expect(client().removeUdfValue('school')).rejects.toMatchObject({ code: 2020 })
  })
})
