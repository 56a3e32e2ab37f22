import { defaultSeed } from '@authing-kit/emulator'
import { describe, expect, it } from 'vitest'

import type { AuthingError } from '../index.js'
import { parseCasV1 } from '../protocols/cas.js'
import { casService as service, startCasClient } from './protocolFlow.js'

describe('security 7: CAS 1.0 answers one user line, and the client reads exactly that', () => {
  it('security 7: a user named "mallory\\nbob" (from an old data file) is refused, never reported as bob', async () => {
    const seed = {
      ...defaultSeed,
      users: [...(defaultSeed.users ?? []), { username: 'mallory\nbob', password: 'passw0rd' }],
    }
    const { authing, ticket: issueTicket } = await startCasClient({ seed })
    const ticket = await issueTicket('mallory\nbob')
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
