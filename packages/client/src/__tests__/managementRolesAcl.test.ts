import { describe, expect, it } from 'vitest'

import { BOB_ID } from './testEmulator.js'
import { startManagement } from './testManagement.js'

describe('management.roles', () => {
  it('create / detail / update / list / delete', async () => {
    const { admin, info } = await startManagement()
    const role = await admin.roles.create('editor', 'Edits things')
    expect(role).toMatchObject({
      code: 'editor',
      namespace: 'default',
      description: 'Edits things',
      arn: expect.stringContaining(info.userPoolId),
    })
    await expect(admin.roles.detail('editor')).resolves.toMatchObject({ id: role.id })
    await expect(admin.roles.update('editor', { description: 'Edits', newCode: 'writer' })).resolves.toMatchObject({
      code: 'writer',
      description: 'Edits',
    })
    await expect(admin.roles.list()).resolves.toMatchObject({ totalCount: 2 })
    await admin.roles.delete('writer')
    await expect(admin.roles.detail('writer')).resolves.toBeNull()
  })

  it('create: a duplicate code fails; list: more than 80 is 2030', async () => {
    const { admin } = await startManagement()
    await expect(admin.roles.create('admin')).rejects.toMatchObject({ code: expect.any(Number) })
    await expect(admin.roles.list({ limit: 100 })).rejects.toMatchObject({ code: 2030 })
  })

  it('deleteMany, and deleting what does not exist', async () => {
    const { admin } = await startManagement()
    await admin.roles.create('a')
    await admin.roles.create('b')
    await admin.roles.deleteMany(['a', 'b'])
    await expect(admin.roles.list()).resolves.toMatchObject({ totalCount: 1 })
    await expect(admin.roles.delete('no-such-role')).rejects.toMatchObject({ code: expect.any(Number) })
  })

  it('addUsers / listUsers / removeUsers', async () => {
    const { admin } = await startManagement()
    await admin.roles.create('editor')
    await admin.roles.addUsers('editor', [BOB_ID])
    await expect(admin.roles.listUsers('editor')).resolves.toMatchObject({ totalCount: 1, list: [{ id: BOB_ID }] })
    await admin.roles.removeUsers('editor', [BOB_ID])
    await expect(admin.roles.listUsers('editor')).resolves.toMatchObject({ totalCount: 0 })
    await expect(admin.roles.listUsers('no-such-role')).resolves.toEqual({ totalCount: 0, list: [] })
    await expect(admin.roles.addUsers('editor', [])).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('listAuthorizedResources: what the role grants', async () => {
    const { admin, info } = await startManagement()
    await expect(admin.roles.listAuthorizedResources('admin', info.appId)).resolves.toMatchObject({
      totalCount: 1,
      list: [{ code: 'book' }],
    })
    await expect(admin.roles.listAuthorizedResources('admin', '')).rejects.toMatchObject({ code: 'invalid_argument' })
  })
})

describe('management.acl', () => {
  it('resources: create / getResourceByCode / update / list / delete', async () => {
    const { admin, info } = await startManagement()
    const created = await admin.acl.createResource({
      code: 'report',
      type: 'DATA',
      actions: [{ name: 'read' }, { name: 'export' }],
      namespace: info.appId,
    })
    expect(created).toMatchObject({ code: 'report', type: 'DATA' })
    await expect(admin.acl.getResourceByCode({ namespace: info.appId, code: 'report' })).resolves.toMatchObject({
      code: 'report',
    })
    await expect(
      admin.acl.updateResource('report', { namespace: info.appId, description: 'Monthly' }),
    ).resolves.toMatchObject({ description: 'Monthly' })
    await expect(admin.acl.listResources({ namespace: info.appId })).resolves.toMatchObject({ totalCount: 2 })
    await expect(admin.acl.deleteResource('report', info.appId)).resolves.toBe(true)
    await expect(admin.acl.getResourceByCode({ namespace: info.appId, code: 'report' })).resolves.toBeNull()
  })

  it('resources: no actions is refused before sending; a duplicate code fails', async () => {
    const { admin, info } = await startManagement()
    await expect(
      admin.acl.createResource({ code: 'x', type: 'DATA', actions: [], namespace: info.appId }),
    ).rejects.toMatchObject({ code: 'invalid_argument' })
    await expect(
      admin.acl.createResource({ code: 'book', type: 'DATA', actions: [{ name: 'read' }], namespace: info.appId }),
    ).rejects.toMatchObject({
      code: expect.any(Number),
    })
  })

  it('allow / isAllowed: a direct grant, seen by the user', async () => {
    const { admin, info, bob } = await startManagement()
    await expect(admin.acl.isAllowed(BOB_ID, 'book', 'write', { namespace: info.appId })).resolves.toBe(false)
    await admin.acl.allow(BOB_ID, 'book', 'write', info.appId)
    await expect(admin.acl.isAllowed(BOB_ID, 'book', 'write', { namespace: info.appId })).resolves.toBe(true)
    const resources = await (await bob()).listAuthorizedResources(info.appId)
    expect(
      resources.list
        .find((r) => r.code === 'book')
        ?.actions?.slice()
        .sort(),
    ).toEqual(['read', 'write'])
  })

  it('isAllowed through a role; and for an unknown user it fails', async () => {
    const { admin, info } = await startManagement()
    await expect(admin.acl.isAllowed(BOB_ID, 'book', 'read', { namespace: info.appId })).resolves.toBe(true)
    await expect(
      admin.acl.isAllowed('000000000000000000000000', 'book', 'read', { namespace: info.appId }),
    ).rejects.toMatchObject({ code: expect.any(Number) })
  })

  it('authorizeResource / revokeResource to a role, through listAuthorizedResources', async () => {
    const { admin, info } = await startManagement()
    await admin.roles.create('auditor')
    await admin.acl.authorizeResource({
      namespace: info.appId,
      resource: 'book',
      opts: [{ targetType: 'ROLE', targetIdentifier: 'auditor', actions: ['read'] }],
    })
    await expect(admin.acl.listAuthorizedResources('ROLE', 'auditor', info.appId)).resolves.toMatchObject({
      totalCount: 1,
      list: [{ code: 'book' }],
    })
    await admin.acl.revokeResource({
      namespace: info.appId,
      resource: 'book',
      opts: [{ targetType: 'ROLE', targetIdentifier: 'auditor', actions: ['read'] }],
    })
    await expect(admin.acl.listAuthorizedResources('ROLE', 'auditor', info.appId)).resolves.toMatchObject({
      totalCount: 0,
    })
    await expect(
      admin.acl.authorizeResource({ namespace: info.appId, resource: 'book', opts: [] }),
    ).rejects.toMatchObject({ code: 'invalid_argument' })
  })

  it('namespaces: create / list / update / delete', async () => {
    const { admin } = await startManagement()
    const created = await admin.acl.createNamespace('reports', 'Reports', 'All reports')
    expect(created).toMatchObject({ code: 'reports', name: 'Reports', id: expect.any(Number) })
    const page = await admin.acl.listNamespaces()
    expect(page.list.map((n) => n.code)).toContain('reports')
    await expect(admin.acl.updateNamespace('reports', { name: 'All reports' })).resolves.toMatchObject({
      name: 'All reports',
    })
    await expect(admin.acl.deleteNamespace('reports')).resolves.toBe(true)
    await expect(admin.acl.deleteNamespace('reports')).rejects.toMatchObject({ code: expect.any(Number) })
  })
})

describe('management.groups', () => {
  it('create / detail / update / list / addUsers / listUsers / removeUsers / delete', async () => {
    const { admin } = await startManagement()
    await expect(admin.groups.create('staff', 'Staff', 'Everyone')).resolves.toMatchObject({
      code: 'staff',
      name: 'Staff',
    })
    await expect(admin.groups.update('staff', { name: 'All staff' })).resolves.toMatchObject({ name: 'All staff' })
    await expect(admin.groups.detail('staff')).resolves.toMatchObject({ name: 'All staff' })
    await expect(admin.groups.list()).resolves.toMatchObject({ totalCount: 1 })
    await admin.groups.addUsers('staff', [BOB_ID])
    await expect(admin.groups.listUsers('staff')).resolves.toMatchObject({ totalCount: 1, list: [{ id: BOB_ID }] })
    await admin.groups.removeUsers('staff', [BOB_ID])
    await expect(admin.groups.listUsers('staff')).resolves.toMatchObject({ totalCount: 0 })
    await admin.groups.delete('staff')
    await expect(admin.groups.detail('staff')).resolves.toBeNull()
  })

  it('a duplicate code fails; a group grant reaches its members', async () => {
    const { admin, info } = await startManagement()
    await admin.groups.create('staff', 'Staff')
    await expect(admin.groups.create('staff', 'Again')).rejects.toMatchObject({ code: expect.any(Number) })
    await admin.groups.addUsers('staff', [BOB_ID])
    await admin.acl.authorizeResource({
      namespace: info.appId,
      resource: 'book',
      opts: [{ targetType: 'GROUP', targetIdentifier: 'staff', actions: ['write'] }],
    })
    await expect(admin.acl.isAllowed(BOB_ID, 'book', 'write', { namespace: info.appId })).resolves.toBe(true)
  })
})

describe('management.udf', () => {
  it('set / list / remove a field definition', async () => {
    const { admin } = await startManagement()
    await expect(admin.udf.set('USER', 'age', 'NUMBER', 'Age')).resolves.toMatchObject({
      key: 'age',
      dataType: 'NUMBER',
    })
    await expect(admin.udf.list('USER')).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'age' }), expect.objectContaining({ key: 'school' })]),
    )
    await admin.udf.remove('USER', 'age')
    expect((await admin.udf.list('USER')).map((f) => f.key)).toEqual(['school'])
  })

  it('removing a field that does not exist fails', async () => {
    const { admin } = await startManagement()
    await expect(admin.udf.remove('USER', 'no-such-field')).rejects.toMatchObject({ code: expect.any(Number) })
  })
})

describe('management.applications', () => {
  it('create / findById / list / refreshApplicationSecret / delete', async () => {
    const { admin } = await startManagement()
    const app = await admin.applications.create({
      name: 'Shop',
      identifier: 'shop',
      redirectUris: ['http://localhost:3000/callback'],
    })
    expect(app).toMatchObject({ name: 'Shop', identifier: 'shop', secret: expect.any(String) })
    await expect(admin.applications.findById(app.id)).resolves.toMatchObject({ id: app.id })
    await expect(admin.applications.list()).resolves.toMatchObject({ totalCount: 2 })
    const refreshed = await admin.applications.refreshApplicationSecret(app.id)
    expect(refreshed.secret).not.toBe(app.secret)
    await expect(admin.applications.delete(app.id)).resolves.toBe(true)
    await expect(admin.applications.findById(app.id)).rejects.toMatchObject({ code: expect.any(Number) })
  })

  it('activeUsers: who logged in to the app', async () => {
    const { admin, bob, info } = await startManagement()
    await bob()
    await expect(admin.applications.activeUsers(info.appId)).resolves.toMatchObject({
      totalCount: 1,
      list: [{ id: BOB_ID }],
    })
    await expect(admin.applications.activeUsers('000000000000000000000000')).rejects.toMatchObject({
      code: expect.any(Number),
    })
  })

  it("the app's own resources and roles live in its namespace", async () => {
    const { admin, info } = await startManagement()
    await admin.applications.createResource(info.appId, { code: 'order', type: 'API', actions: [{ name: 'create' }] })
    await expect(admin.applications.listResources(info.appId)).resolves.toMatchObject({ totalCount: 2 })
    await admin.applications.createRole(info.appId, { code: 'buyer' })
    await admin.applications.addUsersToRole(info.appId, 'buyer', [BOB_ID])
    await expect(admin.applications.getUsersByRoleCode(info.appId, 'buyer')).resolves.toMatchObject({ totalCount: 1 })
    await expect(admin.applications.findRole(info.appId, 'buyer')).resolves.toMatchObject({ namespace: info.appId })
    await expect(admin.roles.detail('buyer')).resolves.toBeNull() // not in the default namespace
    await expect(admin.applications.deleteResource(info.appId, 'no-such-resource')).rejects.toMatchObject({
      code: expect.any(Number),
    })
  })
})
