import { describe, expect, it } from 'vitest'

import { BOB_ID, setupManagement } from './fixtures/management.js'
import * as docs from './fixtures/managementDocuments.js'

const hasRole = `query getUserRoles($id: String!) { user(id: $id) { roles { list { code } } } }`

describe('engine: management roles, groups and permissions', () => {
  it('roles: create / role / update (rename keeps members) / roles / delete; duplicates and unknown codes are 2231', async () => {
    const { mgql, code, info } = await setupManagement()
    const created = await mgql(docs.createRole, { code: 'editor', description: 'Edits' })
    expect(created.data.createRole).toMatchObject({
      code: 'editor',
      namespace: 'default',
      arn: expect.stringContaining(info.userPoolId),
      parent: null,
    })
    expect(code(await mgql(docs.createRole, { code: 'editor' }))).toBe(2231)
    await mgql(docs.assignRole, { roleCode: 'editor', userIds: [BOB_ID] })
    const renamed = await mgql(docs.updateRole, { code: 'editor', newCode: 'writer', description: 'Writes' })
    expect(renamed.data.updateRole).toMatchObject({
      id: created.data.createRole.id,
      code: 'writer',
      description: 'Writes',
    })
    expect((await mgql(docs.roleWithUsers, { code: 'writer' })).data.role.users).toMatchObject({
      totalCount: 1,
      list: [{ id: BOB_ID }],
    })
    expect((await mgql(docs.roles)).data.roles.totalCount).toBe(2)
    expect(code(await mgql(docs.roles, { limit: 100 }))).toBe(2030)
    expect((await mgql(docs.deleteRole, { code: 'writer' })).data.deleteRole.code).toBe(200)
    expect((await mgql(docs.role, { code: 'writer' })).data.role).toBeNull()
    expect(code(await mgql(docs.deleteRole, { code: 'writer' }))).toBe(2231)
    expect((await mgql(hasRole, { id: BOB_ID })).data.user.roles.list).toEqual([{ code: 'admin' }])
  })

  it('assignRole / revokeRole are seen by the user; an unknown role or user changes nothing', async () => {
    const { mgql, code, gql, loginBob } = await setupManagement()
    await mgql(docs.createRole, { code: 'editor' })
    await mgql(docs.createRole, { code: 'viewer' })
    expect(code(await mgql(docs.assignRole, { roleCodes: ['editor', 'nope'], userIds: [BOB_ID] }))).toBe(2231)
    expect(code(await mgql(docs.assignRole, { roleCode: 'editor', userIds: [BOB_ID, '0'.repeat(24)] }))).toBe(2004)
    await mgql(docs.assignRole, { roleCodes: ['editor', 'viewer'], userIds: [BOB_ID] })
    const token = await loginBob()
    const mine = await gql(docs.getUserRoles, { id: BOB_ID }, { token })
    expect(mine.data.user.roles.list.map((r: { code: string }) => r.code).sort()).toEqual(['admin', 'editor', 'viewer'])
    await mgql(docs.revokeRole, { roleCode: 'viewer', userIds: [BOB_ID] })
    expect((await gql(docs.getUserRoles, { id: BOB_ID }, { token })).data.user.roles.totalCount).toBe(2)
    // Role members are not an end user's business.
    const members = `query { user { roles { list { users { totalCount } } } } }`
    expect((await gql(members, {}, { token })).errors?.[0]?.message.code).toBe(1001)
  })

  it('allow / isActionAllowed: direct grants, wildcards, and the user’s own view', async () => {
    const { mgql, code, gql, loginBob, info } = await setupManagement()
    const ask = async (resource: string, action: string, namespace?: string) =>
      (await mgql(docs.isActionAllowed, { resource, action, userId: BOB_ID, namespace })).data.isActionAllowed
    expect(await ask('book', 'write', info.appId)).toBe(false)
    expect(await ask('book', 'read', info.appId)).toBe(true) // through the seeded admin role
    await mgql(docs.allow, { resource: 'book', action: 'write', userId: BOB_ID, namespace: info.appId })
    expect(await ask('book', 'write', info.appId)).toBe(true)
    await mgql(docs.allow, { resource: 'books:*', action: 'books:read', userId: BOB_ID })
    expect(await ask('books:123', 'books:read')).toBe(true)
    expect(await ask('books:123', 'books:edit')).toBe(false)
    expect(await ask('books:123', 'books:read', info.appId)).toBe(false)
    expect(code(await mgql(docs.isActionAllowed, { resource: 'book', action: 'read', userId: '0'.repeat(24) }))).toBe(
      2004,
    )
    const token = await loginBob()
    const mine = await gql(docs.listUserAuthorizedResources, { id: BOB_ID, namespace: info.appId }, { token })
    expect(mine.data.user.authorizedResources.list).toEqual([
      { code: 'book', type: 'DATA', actions: ['read', 'write'], apiIdentifier: null },
    ])
  })

  it('authorizeResource to a role and a group reaches members; revoke-resource takes it back', async () => {
    const { mgql, mrest, code, info } = await setupManagement()
    await mgql(docs.createRole, { code: 'auditor' })
    await mgql(docs.createGroup, { code: 'staff', name: 'Staff' })
    await mgql(docs.addUserToGroup, { userIds: [BOB_ID], code: 'staff' })
    const opts = [
      { targetType: 'GROUP', targetIdentifier: 'staff', actions: ['write'] },
      { targetType: 'ROLE', targetIdentifier: 'auditor', actions: ['read'] },
    ]
    expect(
      (await mgql(docs.authorizeResource, { namespace: info.appId, resource: 'book', opts })).data.authorizeResource
        .code,
    ).toBe(200)
    // Any resource string is taken (B3 below); one that is none is not.
    expect(code(await mgql(docs.authorizeResource, { namespace: info.appId, resource: 'a:b:c', opts }))).toBe(2231)
    const isAllowed = (action: string) =>
      mrest('POST', '/api/v2/acl/is-allowed', { resource: 'book', action, userId: BOB_ID, namespace: info.appId })
    expect((await isAllowed('write')).body).toMatchObject({ code: 200, data: { allowed: true } })
    const roleResources = await mgql(docs.listRoleAuthorizedResources, { code: 'auditor', namespace: info.appId })
    expect(roleResources.data.role.authorizedResources).toEqual({
      totalCount: 1,
      list: [{ code: 'book', type: 'DATA', actions: ['read'], apiIdentifier: null }],
    })
    const group = await mgql(docs.authorizedResources, {
      targetType: 'GROUP',
      targetIdentifier: 'staff',
      namespace: info.appId,
    })
    expect(group.data.authorizedResources.list).toEqual([
      { code: 'book', type: 'DATA', actions: ['write'], apiIdentifier: null },
    ])
    const revoked = await mrest('POST', '/api/v2/acl/revoke-resource', {
      namespace: info.appId,
      resource: 'book',
      opts: [opts[0]],
    })
    expect(revoked.body).toMatchObject({ code: 200, data: true })
    expect((await isAllowed('write')).body.data).toEqual({ allowed: false })
    const user = await mgql(docs.authorizedResources, {
      targetType: 'USER',
      targetIdentifier: BOB_ID,
      namespace: info.appId,
    })
    expect(user.data.authorizedResources.list).toEqual([
      { code: 'book', type: 'DATA', actions: ['read'], apiIdentifier: null },
    ])
  })

  it('groups: create / update / group / groups / members / user groups / delete', async () => {
    const { mgql, code } = await setupManagement()
    expect(
      (await mgql(docs.createGroup, { code: 'staff', name: 'Staff', description: 'All' })).data.createGroup,
    ).toMatchObject({ code: 'staff', name: 'Staff' })
    expect(code(await mgql(docs.createGroup, { code: 'staff', name: 'Again' }))).toBe(2231)
    expect(code(await mgql(docs.addUserToGroup, { userIds: [BOB_ID], code: 'nope' }))).toBe(2231)
    await mgql(docs.addUserToGroup, { userIds: [BOB_ID], code: 'staff' })
    expect(
      (await mgql(docs.updateGroup, { code: 'staff', newCode: 'team', name: 'Team' })).data.updateGroup,
    ).toMatchObject({ code: 'team', name: 'Team' })
    expect((await mgql(docs.group, { code: 'team' })).data.group).toMatchObject({ code: 'team', description: 'All' })
    expect((await mgql(docs.groups)).data.groups.totalCount).toBe(1)
    expect((await mgql(docs.groupWithUsers, { code: 'team' })).data.group.users).toMatchObject({
      totalCount: 1,
      list: [{ id: BOB_ID }],
    })
    expect((await mgql(docs.getUserGroups, { id: BOB_ID })).data.user.groups).toMatchObject({
      totalCount: 1,
      list: [{ code: 'team' }],
    })
    expect((await mgql(docs.groups, { userId: BOB_ID })).data.groups.totalCount).toBe(1)
    await mgql(docs.removeUserFromGroup, { userIds: [BOB_ID], code: 'team' })
    expect((await mgql(docs.getUserGroups, { id: BOB_ID })).data.user.groups.totalCount).toBe(0)
    expect((await mgql(docs.deleteGroups, { codeList: ['team'] })).data.deleteGroups.code).toBe(200)
    expect((await mgql(docs.group, { code: 'team' })).data.group).toBeNull()
  })

  it('udf: set / list / remove field definitions; removing takes the values along', async () => {
    const { mgql, code } = await setupManagement()
    expect(
      (await mgql(docs.setUdf, { targetType: 'USER', key: 'age', dataType: 'NUMBER', label: 'Age' })).data.setUdf,
    ).toEqual({
      targetType: 'USER',
      dataType: 'NUMBER',
      key: 'age',
      label: 'Age',
      options: null,
    })
    expect((await mgql(docs.udf, { targetType: 'USER' })).data.udf.map((f: { key: string }) => f.key)).toEqual([
      'school',
      'age',
    ])
    await mgql(docs.setUdvBatch, { targetType: 'USER', targetId: BOB_ID, udvList: [{ key: 'age', value: '42' }] })
    expect((await mgql(docs.removeUdf, { targetType: 'USER', key: 'age' })).data.removeUdf.code).toBe(200)
    expect(
      (await mgql(docs.udv, { targetType: 'USER', targetId: BOB_ID })).data.udv.map((v: { key: string }) => v.key),
    ).toEqual(['school'])
    expect(code(await mgql(docs.removeUdf, { targetType: 'USER', key: 'age' }))).toBe(2231)
  })
})

describe('namespaces that do not exist', () => {
  it('refuse roles and resources (3005) instead of making the namespace up', async () => {
    const { mgql, mrest, code, info } = await setupManagement()
    expect(code(await mgql(docs.createRole, { namespace: 'nope', code: 'editor' }))).toBe(3005)
    const resource = { code: 'books', type: 'DATA', actions: [{ name: 'read', description: 'Read' }] }
    expect((await mrest('POST', '/api/v2/resources', { ...resource, namespace: 'nope' })).body.code).toBe(3005)
    // `default` and the application's own always exist.
    expect(code(await mgql(docs.createRole, { namespace: info.appId, code: 'editor' }))).toBeUndefined()
    expect((await mrest('POST', '/api/v2/resources', { ...resource, namespace: 'default' })).body.code).toBe(200)
  })
})

describe('resource strings without a resource record (as Authing takes them)', () => {
  it('allow and authorizeResource grant `type`, `type:id` and `type:*`; the lists and checks show them', async () => {
    const { mgql, mrest, info } = await setupManagement()
    await mgql(docs.createRole, { code: 'reader', namespace: info.appId })
    await mgql(docs.assignRole, { roleCodes: ['reader'], userIds: [BOB_ID], namespace: info.appId })
    const allowed = await mgql(docs.allow, {
      resource: 'books:*',
      action: 'books:read',
      userId: BOB_ID,
      namespace: info.appId,
    })
    expect(allowed.errors).toBeUndefined()
    const opts = [{ targetType: 'ROLE', targetIdentifier: 'reader', actions: ['get'] }]
    const authorized = await mgql(docs.authorizeResource, { namespace: info.appId, resource: 'orders:42', opts })
    expect(authorized.data.authorizeResource.code).toBe(200)
    const check = (resource: string, action: string) =>
      mrest('POST', '/api/v2/acl/is-allowed', { resource, action, userId: BOB_ID, namespace: info.appId })
    expect((await check('books:7', 'books:read')).body.data).toEqual({ allowed: true })
    expect((await check('orders:42', 'get')).body.data).toEqual({ allowed: true })
    expect((await check('orders:43', 'get')).body.data).toEqual({ allowed: false })
    const listed = await mgql(docs.authorizedResources, {
      targetType: 'USER',
      targetIdentifier: BOB_ID,
      namespace: info.appId,
    })
    expect(listed.data.authorizedResources.list).toEqual(
      expect.arrayContaining([
        { code: 'books:*', type: 'DATA', actions: ['books:read'], apiIdentifier: null },
        { code: 'orders:42', type: 'DATA', actions: ['get'], apiIdentifier: null },
      ]),
    )
  })
})
