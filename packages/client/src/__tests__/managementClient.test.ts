import { describe, expect, it, vi } from 'vitest'

import { ManagementClient } from '../management.js'
import { BOB_ID } from './testEmulator.js'
import { startManagement } from './testManagement.js'

describe('ManagementClient: configuration and access token', () => {
  it('needs a userPoolId and a secret or accessToken', () => {
    expect(() => new ManagementClient({} as never)).toThrow(expect.objectContaining({ code: 'config' }))
    expect(() => new ManagementClient({ userPoolId: 'p' })).toThrow(expect.objectContaining({ code: 'config' }))
    expect(() => new ManagementClient({ userPoolId: 'p', secret: 's', host: 'nope' })).toThrow(
      expect.objectContaining({ code: 'config' }),
    )
  })

  it('exchanges the secret for a token once, however many calls race for it', async () => {
    const { admin, tokenRequests, requests, info } = await startManagement()
    await Promise.all(Array.from({ length: 100 }, () => admin.users.exists({ username: 'bob' })))
    expect(tokenRequests()).toBe(1)
    const tokenCall = requests.find((r) => r.body.includes('accessToken('))
    expect(tokenCall?.headers.get('x-authing-userpool-id')).toBe(info.userPoolId)
    expect(tokenCall?.headers.get('authorization')).toBeNull()
    const later = requests.at(-1)
    expect(later?.headers.get('authorization')).toMatch(/^Bearer ey/)
    expect(later?.headers.get('x-authing-app-id')).toBeNull()
  })

  it('fetches a new token when less than an hour of the old one remains', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const { admin, tokenRequests } = await startManagement({ now: () => Date.now() })
      await admin.users.list()
      expect(tokenRequests()).toBe(1)
      vi.setSystemTime(Date.now() + 22 * 3600_000) // 2 h left of a 24 h token: still good
      await admin.users.list()
      expect(tokenRequests()).toBe(1)
      vi.setSystemTime(Date.now() + 1.5 * 3600_000) // 30 min left
      await admin.users.list()
      expect(tokenRequests()).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('a wrong secret fails every call with the server error, and is retried next time', async () => {
    const { management, tokenRequests } = await startManagement()
    const admin = management({ secret: 'not-the-secret' })
    const error = await admin.users.list().catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'AuthingError', code: expect.any(Number) })
    await expect(admin.users.list()).rejects.toMatchObject({ code: (error as { code: number }).code })
    expect(tokenRequests()).toBe(2)
  })

  it('an accessToken option is used as-is', async () => {
    const { admin, management, requests, tokenRequests } = await startManagement()
    await admin.users.list()
    const token = requests.at(-1)?.headers.get('authorization')?.slice('Bearer '.length) ?? ''
    const byToken = management({ secret: undefined, accessToken: token } as never)
    await expect(byToken.users.exists({ username: 'bob' })).resolves.toBe(true)
    expect(tokenRequests()).toBe(1)
  })

  it('a user token is not a management token (1001)', async () => {
    const { management, bob } = await startManagement()
    const userToken = (await bob()).getSnapshot().token ?? ''
    await expect(management({ secret: undefined, accessToken: userToken } as never).users.list()).rejects.toMatchObject(
      { code: 1001 },
    )
  })

  it('checkLoginStatus verifies a user token on the server', async () => {
    const { admin, bob } = await startManagement()
    const authing = await bob()
    const token = authing.getSnapshot().token ?? ''
    await expect(admin.checkLoginStatus(token)).resolves.toMatchObject({ status: true, data: { id: BOB_ID } })
    await authing.logout()
    await expect(admin.checkLoginStatus(token)).resolves.toMatchObject({ status: false })
    // A forged token with a valid shape but a wrong signature is refused too.
    const [header, payload] = token.split('.')
    await expect(admin.checkLoginStatus(`${header}.${payload}.AAAA`)).resolves.toMatchObject({ status: false })
  })

  it('onError and lang behave as on the AuthenticationClient', async () => {
    const onError = vi.fn()
    const { management } = await startManagement()
    const admin = management({ onError, lang: 'en-US' })
    const error = await admin.users.detail('000000000000000000000000').catch((e: Error) => e)
    expect(onError).toHaveBeenCalledTimes(1)
    expect((error as Error).message).toMatch(/[a-z]/i)
  })
})
