import { describe, expect, it, vi } from 'vitest'

import { AuthenticationClient, AuthingError, createMemoryStore, type TokenStore } from '../index.js'
import { ManagementClient } from '../management.js'
import { editToken } from './editToken.js'
import { startEmulator } from './testEmulator.js'

const catchError = (make: () => unknown): unknown => {
  try {
    make()
  } catch (error) {
    return error
  }
  return null
}

describe('security 23: plain http only on this machine, unless asked for', () => {
  const lan = 'http://10.0.0.5:5556'

  it('security 23: a non-loopback http appHost is refused with a config error that says how to opt in', () => {
    for (const appHost of [lan, 'http://auth.internal', 'http://[fe80::1]:8080', 'http://127.0.0.1.evil.example']) {
      const error = catchError(() => new AuthenticationClient({ appId: 'app', appHost }))
      expect(error, appHost).toBeInstanceOf(AuthingError)
      expect((error as AuthingError).code).toBe('config')
      expect((error as AuthingError).message).toMatch(/allowInsecureHttp: true/)
    }
  })

  it('security 23: a ManagementClient host over plain http is refused, naming the pool secret', () => {
    const error = catchError(() => new ManagementClient({ userPoolId: 'pool', secret: 'secret', host: lan }))
    expect(error).toBeInstanceOf(AuthingError)
    expect((error as AuthingError).code).toBe('config')
    expect((error as AuthingError).message).toMatch(/pool secret/)
  })

  it('security 23: loopback and https need no opt-in', () => {
    for (const appHost of [
      'http://127.0.0.1:5556',
      'http://127.8.9.10',
      'http://localhost:5556',
      'http://app.localhost',
      'http://[::1]:5556',
      'https://my-app.authing.cn',
      'https://10.0.0.5',
    ])
      expect(new AuthenticationClient({ appId: 'app', appHost }).appHost, appHost).toBe(appHost)
  })

  it('security 23: with allowInsecureHttp, a private deployment on plain http works end to end', async () => {
    const { client, info, recordingFetch } = await startEmulator({ appHost: lan })
    const authing = client({ appHost: lan, allowInsecureHttp: true })
    expect((await authing.loginByUsername('bob', 'passw0rd')).username).toBe('bob')

    const management = new ManagementClient({
      userPoolId: info.userPoolId,
      secret: info.userPoolSecret,
      host: lan,
      fetch: recordingFetch,
      allowInsecureHttp: true,
    })
    expect((await management.users.list(1, 1)).totalCount).toBeGreaterThan(0)
  })
})

describe('security 22: the bare client restores only what the React provider would', () => {
  it('security 22: a remembered token with no aud, no or another iss, nbf/iat ahead, or a bent alg is dropped', async () => {
    const { info, bob } = await startEmulator()
    const { token = '' } = (await bob()).getSnapshot()
    const dayAhead = Math.floor(Date.now() / 1000) + 86_400
    const restores = (remembered: string) => {
      const tokenStore = createMemoryStore()
      tokenStore.setItem(`authing-kit:${info.appId}:token`, remembered)
      const restored = new AuthenticationClient({ appId: info.appId, appHost: info.appHost, tokenStore })
      return restored.getSnapshot().token === remembered
    }
    expect(restores(token ?? '')).toBe(true)
    for (const changes of [
      { claims: { aud: undefined } },
      { claims: { aud: 'another-app' } },
      { claims: { iss: undefined } },
      { claims: { iss: 'https://evil.example.com/oidc' } },
      { claims: { nbf: dayAhead } },
      { claims: { iat: dayAhead } },
      { header: { alg: 'none ' } },
      { header: { alg: 'none' }, signature: '' },
      { header: { alg: 'rs256' } },
    ])
      expect([changes, restores(editToken(token ?? '', changes))]).toEqual([changes, false])
    expect(restores('opaque-session-token')).toBe(false)
  })
})

describe('security 19: logout reaches the store even after it failed', () => {
  it('security 19: a store that starts refusing writes mid-session holds no token after logout', async () => {
    const { info, recordingFetch } = await startEmulator()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const backing = createMemoryStore()
    let full = false
    // localStorage as a quota error leaves it: writes refused, reads and removals still work.
    const tokenStore: TokenStore = {
      getItem: (key) => backing.getItem(key),
      setItem: (key, value) => {
        if (full) throw new DOMException('Quota exceeded', 'QuotaExceededError')
        backing.setItem(key, value)
      },
      removeItem: (key) => backing.removeItem(key),
    }
    const options = { appId: info.appId, appHost: info.appHost, fetch: recordingFetch, tokenStore }
    const authing = new AuthenticationClient(options)
    await authing.loginByUsername('bob', 'passw0rd')
    const tokenKey = `authing-kit:${info.appId}:token`
    expect(backing.getItem(tokenKey)).not.toBeNull()

    full = true
    await authing.loginByUsername('bob', 'passw0rd')
    expect(authing.getSnapshot().token).not.toBeNull()
    await authing.logout()
    expect(backing.getItem(tokenKey)).toBeNull()
    expect(new AuthenticationClient(options).getSnapshot()).toEqual({ user: null, token: null })
    vi.restoreAllMocks()
  })
})
