import { describe, expect, it } from 'vitest'

import { AuthenticationClient } from '../authenticationClient.js'
import { createMemoryStore } from '../index.js'
import { casService as service, startCasClient as casClient } from './protocolFlow.js'
import { startEmulator } from './testEmulator.js'

describe('CAS', () => {
  it('builds the CAS login and logout URLs', async () => {
    const { authing, info } = await casClient()
    expect(authing.buildAuthorizeUrl({ service })).toBe(
      `${info.appHost}/cas-idp/${info.appId}?service=${encodeURIComponent(service)}`,
    )
    expect(authing.buildLogoutUrl({ redirectUri: service })).toBe(
      `${info.appHost}/cas-idp/logout?url=${encodeURIComponent(service)}`,
    )
  })

  it('validates a service ticket once with CAS 1.0', async () => {
    const { authing, ticket } = await casClient()
    const st = await ticket()
    expect(st).toMatch(/^ST-/)
    expect(await authing.validateTicketV1(st, service)).toEqual({ valid: true, username: 'bob' })
    expect(await authing.validateTicketV1(st, service)).toMatchObject({ valid: false })
  })

  it('validates with CAS 2.0 as JSON and as XML, and refuses another service', async () => {
    const { authing, ticket } = await casClient()
    expect(await authing.validateTicketV2(await ticket(), service)).toMatchObject({
      serviceResponse: { authenticationSuccess: { user: 'bob', attributes: { email: 'bob@example.com' } } },
    })
    expect(await authing.validateTicketV2(await ticket(), service, 'XML')).toMatch(
      /<cas:authenticationSuccess><cas:user>bob<\/cas:user>/,
    )
    expect(await authing.validateTicketV2(await ticket(), 'http://localhost:3000/other')).toMatchObject({
      serviceResponse: { authenticationFailure: { code: 'INVALID_SERVICE' } },
    })
  })
})

describe('SAML', () => {
  it('builds the SAML IdP URL', async () => {
    const { info, emulator } = await startEmulator()
    const authing = new AuthenticationClient({
      appId: info.appId,
      appHost: info.appHost,
      fetch: emulator.fetch,
      tokenStore: createMemoryStore(),
      protocol: 'saml',
    })
    expect(authing.buildAuthorizeUrl()).toBe(`${info.appHost}/api/v2/saml-idp/${info.appId}`)
  })
})
