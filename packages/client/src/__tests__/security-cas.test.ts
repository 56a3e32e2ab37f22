import { defaultSeed } from '@authing-kit/emulator'
import { describe, expect, it } from 'vitest'

import { AuthenticationClient } from '../authenticationClient.js'
import { type AuthingError, createMemoryStore } from '../index.js'
import { parseCasV1 } from '../protocols/cas.js'
import { logInThroughHostedPage } from './protocolFlow.js'
import { startEmulator } from './testEmulator.js'

const service = 'http://localhost:3000/cas/callback'

describe('security 7: CAS 1.0 answers one user line, and the client reads exactly that', () => {
  it('security 7: a user named "mallory\\nbob" (from an old data file) is refused, never reported as bob', async () => {
    const seed = {
      ...defaultSeed,
      users: [...(defaultSeed.users ?? []), { username: 'mallory\nbob', password: 'passw0rd' }],
    }
    const { info, emulator } = await startEmulator({ seed })
    const authing = new AuthenticationClient({
      appId: info.appId,
      appHost: info.appHost,
      fetch: emulator.fetch,
      tokenStore: createMemoryStore(),
      protocol: 'cas',
    })
    const { callback } = await logInThroughHostedPage(emulator, authing.buildAuthorizeUrl({ service }), 'mallory\nbob')
    const ticket = callback.searchParams.get('ticket') ?? ''
    expect(ticket).toMatch(/^ST-/)
    expect(await authing.validateTicketV1(ticket, service)).toMatchObject({ valid: false })
  })

  it('security 7: the parser takes `yes` with exactly one user line, or `no`; anything else is bad_response', () => {
    expect(parseCasV1('yes\nbob\n')).toEqual({ valid: true, username: 'bob' })
    expect(parseCasV1('no\n\n')).toMatchObject({ valid: false })
    for (const answer of [
      'yes\nbob\nmallory\n',
      'yes\nmallory\nbob',
      'yes\n\n',
      'yes\r\nbob\r\n',
      'yes\nbob\r\n',
      'YES\nbob\n',
      'no\nbob\n',
      '',
    ])
      expect(() => parseCasV1(answer), JSON.stringify(answer)).toThrow(
        expect.objectContaining({ code: 'bad_response' }) as unknown as AuthingError,
      )
  })
})
