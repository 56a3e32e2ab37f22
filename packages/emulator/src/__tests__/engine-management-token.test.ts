import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'

import { BOB_ID, setupManagement } from './fixtures/management.js'
import * as docs from './fixtures/managementDocuments.js'

describe('engine: the management access token', () => {
  it('is a signed pool token with the configured lifetime (1 day by default)', async () => {
    const { mgql, info } = await setupManagement()
    const res = await mgql(docs.accessToken, { userPoolId: info.userPoolId, secret: info.userPoolSecret }, '')
    const { accessToken, iat, exp } = res.data.accessToken
    expect(exp - iat).toBe(86_400)
    expect(decodeJwt(accessToken)).toMatchObject({
      data: { type: 'userPool', userPoolId: info.userPoolId },
      iat,
      exp,
      jti: expect.any(String),
    })
    const short = await setupManagement({ managementTokenLifetimeSeconds: 60 })
    const again = await short.mgql(
      docs.accessToken,
      { userPoolId: short.info.userPoolId, secret: short.info.userPoolSecret },
      '',
    )
    expect(again.data.accessToken.exp - again.data.accessToken.iat).toBe(60)
  })

  it('an unknown pool is 2224, a wrong secret 1001', async () => {
    const { mgql, code, info } = await setupManagement()
    expect(code(await mgql(docs.accessToken, { userPoolId: '0'.repeat(24), secret: info.userPoolSecret }, ''))).toBe(
      2224,
    )
    expect(code(await mgql(docs.accessToken, { userPoolId: info.userPoolId, secret: 'nope' }, ''))).toBe(1001)
  })

  it('management calls need it: none, forged or expired is 2020, a user token 1001', async () => {
    let now = Date.now()
    const { mgql, mrest, code, loginBob, adminToken } = await setupManagement({ now: () => now })
    expect(code(await mgql(docs.users, {}, ''))).toBe(2020)
    expect(code(await mgql(docs.users, {}, `${adminToken.slice(0, -4)}AAAA`))).toBe(2020)
    expect(code(await mgql(docs.users, {}, await loginBob()))).toBe(1001)
    expect((await mrest('GET', `/api/v2/users/${BOB_ID}`, undefined, await loginBob())).body.code).toBe(1001)
    expect(code(await mgql(docs.users))).toBeUndefined()
    now += 86_401_000
    expect(code(await mgql(docs.users))).toBe(2020)
  })

  it("another pool's header does not open with this pool's token", async () => {
    const { gql, adminToken } = await setupManagement()
    const res = await gql(
      docs.users,
      {},
      { appId: null, token: adminToken, headers: { 'x-authing-userpool-id': '0'.repeat(24) } },
    )
    expect(res.errors?.[0]?.message.code).toBe(2020)
  })

  it('is not a user token: end-user operations without an id refuse it', async () => {
    const { rest, adminToken } = await setupManagement()
    expect((await rest('GET', '/api/v2/users/me', undefined, { token: adminToken })).body.code).toBe(2020)
  })
})
