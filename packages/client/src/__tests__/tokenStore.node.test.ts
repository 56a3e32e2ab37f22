/**
 * The session outside a browser page. A server runs one process for every user, so a process-wide
 * `localStorage` (Node ≥ 22 has one) must never hold a session: one user's token would reach another.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

import { AuthenticationClient } from '../index.js'
import { startEmulator } from './testEmulator.js'

const GLOBALS = ['window', 'document', 'localStorage'] as const

afterEach(() => {
  for (const name of GLOBALS) Reflect.deleteProperty(globalThis, name)
  vi.restoreAllMocks()
})

/** A Storage-like object whose every method is a spy. */
function spyStorage() {
  const values = new Map<string, string>()
  return {
    getItem: vi.fn((key: string) => values.get(key) ?? null),
    setItem: vi.fn((key: string, value: string) => void values.set(key, value)),
    removeItem: vi.fn((key: string) => void values.delete(key)),
  }
}

async function defaultStoreClient() {
  const { info, recordingFetch } = await startEmulator()
  return () => new AuthenticationClient({ appId: info.appId, appHost: info.appHost, fetch: recordingFetch })
}

describe('the default token store outside a browser page', () => {
  it('ignores a global localStorage: the session stays in memory, per client', async () => {
    const newClient = await defaultStoreClient()
    const storage = spyStorage()
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true })
    const authing = newClient()
    const user = await authing.loginByUsername('bob', 'passw0rd')
    expect(authing.getSnapshot().token).toBe(user.token)
    expect(storage.getItem).not.toHaveBeenCalled()
    expect(storage.setItem).not.toHaveBeenCalled()
    // Another client in the same process (another request of a server) does not see bob's session.
    expect(newClient().getSnapshot()).toEqual({ user: null, token: null })
  })

  it('ignores a window without a document (a half-faked global, not a page)', async () => {
    const newClient = await defaultStoreClient()
    const storage = spyStorage()
    Object.defineProperty(globalThis, 'window', { value: { localStorage: storage }, configurable: true })
    await newClient().loginByUsername('bob', 'passw0rd')
    expect(storage.setItem).not.toHaveBeenCalled()
    expect(newClient().getSnapshot().token).toBeNull()
  })

  it('importing the package touches neither window, document nor storage', async () => {
    const touched: string[] = []
    for (const name of GLOBALS) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name)
          throw new Error(`${name} was read at import time`)
        },
      })
    }
    vi.resetModules()
    const fresh = await import('../index.js')
    // A new class object proves the package was evaluated again, under the trapped globals.
    expect(fresh.AuthenticationClient).not.toBe(AuthenticationClient)
    expect(touched).toEqual([])
  })
})
