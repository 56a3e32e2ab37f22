import { describe, expect, it } from 'vitest'

import { BOB_ID, setupManagement } from './fixtures/management.js'
import * as docs from './fixtures/managementDocuments.js'

describe('engine: management REST (applications, resources, namespaces)', () => {
  it('applications: create / detail / list / refresh-secret / delete; every one needs the management token', async () => {
    const { mrest, info, loginBob } = await setupManagement()
    const created = await mrest('POST', '/api/v2/applications', {
      name: 'Shop',
      identifier: 'shop',
      redirectUris: ['http://localhost:3000/cb'],
    })
    const app = created.body.data
    expect(app).toMatchObject({
      name: 'Shop',
      identifier: 'shop',
      userPoolId: info.userPoolId,
      protocol: 'oidc',
      redirectUris: ['http://localhost:3000/cb'],
      secret: expect.any(String),
    })
    expect(app.id).toMatch(/^[0-9a-f]{24}$/)
    expect((await mrest('POST', '/api/v2/applications', { name: 'Again', identifier: 'shop' })).body.code).toBe(2039)
    expect((await mrest('GET', `/api/v2/applications/${app.id}`)).body.data).toMatchObject({
      id: app.id,
      secret: app.secret,
    })
    expect((await mrest('GET', '/api/v2/applications?page=1&limit=10')).body.data).toMatchObject({ totalCount: 2 })
    const refreshed = await mrest('PATCH', `/api/v2/application/${app.id}/refresh-secret`)
    expect(refreshed.body.data.secret).not.toBe(app.secret)
    expect((await mrest('DELETE', `/api/v2/applications/${app.id}`)).body).toMatchObject({ code: 200, data: true })
    expect((await mrest('GET', `/api/v2/applications/${app.id}`)).body.code).toBe(2011)
    expect((await mrest('GET', '/api/v2/applications', undefined, await loginBob())).body.code).toBe(1001)
    expect((await mrest('GET', '/api/v2/applications', undefined, '')).body.code).toBe(2020)
  })

  it('applications: active users are those who logged in to the app', async () => {
    const { mrest, info, loginBob } = await setupManagement()
    expect((await mrest('GET', `/api/v2/applications/${info.appId}/active-users`)).body.data).toEqual({
      totalCount: 0,
      list: [],
    })
    await loginBob()
    const active = await mrest('GET', `/api/v2/applications/${info.appId}/active-users?page=1&limit=10`)
    expect(active.body.data).toMatchObject({ totalCount: 1, list: [{ id: BOB_ID, loginsCount: 1 }] })
    expect((await mrest('GET', `/api/v2/applications/${'0'.repeat(24)}/active-users`)).body.code).toBe(2011)
  })

  it('resources: create / detail / update / list / delete, in a namespace', async () => {
    const { mrest, info } = await setupManagement()
    const body = {
      code: 'report',
      type: 'API',
      description: 'Reports',
      actions: [{ name: 'read', description: 'Read' }],
      namespace: info.appId,
      apiIdentifier: 'https://api.test/report',
    }
    const created = await mrest('POST', '/api/v2/resources', body)
    expect(created.body.data).toMatchObject({
      code: 'report',
      type: 'API',
      namespace: info.appId,
      namespaceId: expect.any(Number),
      actions: [{ name: 'read', description: 'Read' }],
    })
    expect((await mrest('POST', '/api/v2/resources', body)).body.code).toBe(2231)
    expect((await mrest('POST', '/api/v2/resources', { ...body, code: 'x', type: 'NOPE' })).body.code).toBe(2231)
    const detail = await mrest('GET', `/api/v2/resources/detail?namespace=${info.appId}&code=report`)
    expect(detail.body.data).toMatchObject({ id: created.body.data.id })
    const updated = await mrest('POST', '/api/v2/resources/report', { namespace: info.appId, description: 'Monthly' })
    expect(updated.body.data).toMatchObject({ description: 'Monthly', type: 'API' })
    expect((await mrest('GET', `/api/v2/resources?namespace=${info.appId}&type=API`)).body.data).toMatchObject({
      totalCount: 1,
      list: [{ code: 'report' }],
    })
    expect((await mrest('GET', `/api/v2/resources?namespace=${info.appId}`)).body.data.totalCount).toBe(2)
    expect((await mrest('DELETE', `/api/v2/resources/report?namespace=${info.appId}`)).body.data).toBe(true)
    expect((await mrest('GET', `/api/v2/resources/detail?namespace=${info.appId}&code=report`)).body).toMatchObject({
      code: 200,
      data: null,
    })
    expect((await mrest('DELETE', `/api/v2/resources/report?namespace=${info.appId}`)).body.code).toBe(2231)
  })

  it('deleting a resource drops its grants', async () => {
    const { mrest, mgql, info } = await setupManagement()
    expect(
      (await mgql(docs.isActionAllowed, { resource: 'book', action: 'read', userId: BOB_ID, namespace: info.appId }))
        .data.isActionAllowed,
    ).toBe(true)
    await mrest('DELETE', `/api/v2/resources/book?namespace=${info.appId}`)
    expect(
      (await mgql(docs.isActionAllowed, { resource: 'book', action: 'read', userId: BOB_ID, namespace: info.appId }))
        .data.isActionAllowed,
    ).toBe(false)
  })

  it('namespaces: {total, list} with default and the apps; create / update / delete by code (3005 / 3003)', async () => {
    const { mrest, info } = await setupManagement()
    const path = `/api/v2/resource-namespace/${info.userPoolId}`
    const listed = await mrest('GET', path)
    expect(listed.body.data.total).toBe(2)
    expect(listed.body.data.list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: info.appId,
          appId: info.appId,
          appName: 'Emulator App',
          id: expect.any(Number),
        }),
      ]),
    )
    const created = await mrest('POST', path, { code: 'reports', name: 'Reports', description: 'All reports' })
    expect(created.body.data).toMatchObject({
      code: 'reports',
      name: 'Reports',
      description: 'All reports',
      status: 1,
      appId: null,
      id: expect.any(Number),
    })
    expect((await mrest('POST', path, { code: 'reports', name: 'Again' })).body.code).toBe(2231)
    expect((await mrest('PUT', `${path}/code/reports`, { name: 'Every report' })).body.data).toMatchObject({
      code: 'reports',
      name: 'Every report',
    })
    expect((await mrest('PUT', `${path}/code/nope`, { name: 'x' })).body.code).toBe(3005)
    expect((await mrest('DELETE', `${path}/code/reports`)).body.data).toBe(true)
    expect((await mrest('DELETE', `${path}/code/reports`)).body.code).toBe(3003)
    expect((await mrest('DELETE', `${path}/code/${info.appId}`)).body.code).toBe(2231)
    expect((await mrest('GET', `/api/v2/resource-namespace/${'0'.repeat(24)}`)).body.code).toBe(1001)
  })

  it('CORS preflight allows the management methods', async () => {
    const { emulator } = await setupManagement()
    const res = await emulator.fetch(
      new Request('http://127.0.0.1:5556/api/v2/applications/x', {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'DELETE' },
      }),
    )
    expect(res.headers.get('access-control-allow-methods')).toContain('DELETE')
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH')
  })
})

describe('management REST: GET /api/v2/users/{id}', () => {
  it('answers an unknown id with 2004 and data null; with_custom_data may be true or 1', async () => {
    const { mrest } = await setupManagement()
    expect((await mrest('GET', '/api/v2/users/62a0f0a9c6b1c2a3d4e5ffff')).body).toEqual({
      code: 2004,
      message: '用户不存在',
      data: null,
    })
    for (const on of ['true', '1'])
      expect((await mrest('GET', `/api/v2/users/${BOB_ID}?with_custom_data=${on}`)).body.data.customData).toEqual([
        expect.objectContaining({ key: 'school', value: 'Tsinghua University' }),
      ])
    expect((await mrest('GET', `/api/v2/users/${BOB_ID}?with_custom_data=0`)).body.data.customData).toBeUndefined()
  })
})
