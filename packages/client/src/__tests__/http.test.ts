/** The client over real HTTP, with the platform's own fetch, against the emulator's Node server. */
import { type EmulatorServer, startEmulatorServer } from '@authing-kit/emulator/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { AuthenticationClient } from '../index.js'

let server: EmulatorServer

beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, emulator: { passwordIterations: 1000 } })
})
beforeEach(() => server.emulator.reset())
afterAll(() => server?.close())

const newClient = () => new AuthenticationClient({ appId: server.emulator.info().appId, appHost: server.url })

describe('over HTTP with the global fetch', () => {
  it('logs in, reads the current user, logs out; the old token is then refused with 2020', async () => {
    const authing = newClient()
    const user = await authing.loginByUsername('bob', 'passw0rd')
    expect(user).toMatchObject({ username: 'bob', customData: { school: 'Tsinghua University' } })
    await expect(authing.getCurrentUser()).resolves.toMatchObject({ id: user.id, username: 'bob', token: user.token })

    await authing.logout()
    expect(authing.getSnapshot()).toEqual({ user: null, token: null })
    const stale = new AuthenticationClient({
      appId: server.emulator.info().appId,
      appHost: server.url,
      token: user.token ?? '',
    })
    await expect(stale.updateProfile({ nickname: 'Robert' })).rejects.toMatchObject({
      code: 2020,
      status: expect.any(Number),
    })
    await expect(stale.getCurrentUser()).resolves.toBeNull()
  })

  it('sends an SMS code and logs in with it', async () => {
    const authing = newClient()
    await expect(authing.sendSmsCode('13800138000', undefined, 'login')).resolves.toMatchObject({ code: 200 })
    const code = server.emulator.outbox({ to: '13800138000' }).at(-1)?.code ?? ''
    expect(code).toMatch(/^\d+$/)
    const user = await authing.loginByPhoneCode('13800138000', code)
    expect(user).toMatchObject({ phone: '13800138000', username: 'bob' })
    expect(authing.getSnapshot().token).toBe(user.token)
  })

  it('a server error arrives as its Authing code over HTTP too', async () => {
    await expect(newClient().loginByUsername('bob', 'wrong-password')).rejects.toMatchObject({
      name: 'AuthingError',
      code: 2333,
    })
  })

  it('a closed port is network_error, not a crash', async () => {
    const closed = await startEmulatorServer({ port: 0, emulator: { passwordIterations: 1000 } })
    await closed.close()
    const authing = new AuthenticationClient({ appId: closed.emulator.info().appId, appHost: closed.url })
    await expect(authing.sendSmsCode('13800138000')).rejects.toMatchObject({ code: 'network_error' })
  })
})
