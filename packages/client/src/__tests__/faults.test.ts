/**
 * Faults aimed at one endpoint (the public key, the session) while the others work, beyond the
 * numbered items of faultMatrix.test.ts. Faults are injected around the real in-process emulator.
 */
import { describe, expect, it } from 'vitest'

import { createMemoryStore } from '../index.js'
import { failure, faultySetup, hang, offline, on, WELL_KNOWN } from './faultyEmulator.js'

describe('the public key', () => {
  it('aborting while the shared key fetch hangs rejects that caller at once with aborted', async () => {
    const { client, setFault, onError } = await faultySetup()
    setFault(on(WELL_KNOWN, hang))
    const controller = new AbortController()
    const login = client({ timeout: 60_000 }).loginByUsername('bob', 'passw0rd', { signal: controller.signal })
    setTimeout(() => controller.abort(), 10)
    await expect(login).rejects.toMatchObject({ code: 'aborted' })
    expect(onError).not.toHaveBeenCalled()
  })

  it('a key fetch that timed out is not cached: the next login fetches it again and succeeds', async () => {
    const { client, setFault, paths } = await faultySetup()
    // Generous, so that the real login after the fault never runs into it on a busy machine.
    const authing = client({ timeout: 1000 })
    setFault(on(WELL_KNOWN, hang))
    await expect(authing.loginByUsername('bob', 'passw0rd')).rejects.toMatchObject({ code: 'timeout' })
    setFault(undefined)
    await expect(authing.loginByUsername('bob', 'passw0rd')).resolves.toMatchObject({ username: 'bob' })
    expect(paths.filter((path) => path === WELL_KNOWN)).toHaveLength(2)
  })

  it('a truncated encPublicKey PEM is config, and nothing is sent', async () => {
    const { client, paths } = await faultySetup()
    const truncated = '-----BEGIN PUBLIC KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ\n-----END PUBLIC KEY-----'
    await expect(client({ encPublicKey: truncated }).loginByEmail('bob@example.com', 'passw0rd')).rejects.toMatchObject(
      { code: 'config' },
    )
    expect(paths).toEqual([])
  })
})

describe('arguments from untyped callers', () => {
  it('every method rejects (never throws) invalid_argument for a non-string or empty argument, reports it once, sends nothing', async () => {
    const { client, paths, onError } = await faultySetup()
    const authing = client()
    // Logged in, so that only the argument can be at fault.
    await authing.loginByUsername('bob', 'passw0rd')
    paths.length = 0
    const notAString = 12345 as unknown as string
    const calls: [string, () => Promise<unknown>][] = [
      ['loginByUsername', () => authing.loginByUsername(notAString, 'passw0rd')],
      [
        'loginByUsername password',
        () => authing.loginByUsername('bob', { toString: () => 'passw0rd' } as unknown as string),
      ],
      ['loginByEmail', () => authing.loginByEmail('', 'passw0rd')],
      ['loginByPhonePassword', () => authing.loginByPhonePassword(notAString, 'passw0rd')],
      ['loginByPhoneCode', () => authing.loginByPhoneCode('13800138000', notAString)],
      ['loginByEmailCode', () => authing.loginByEmailCode('bob@example.com', '')],
      ['registerByUsername', () => authing.registerByUsername(notAString, 'passw0rd')],
      ['registerByEmail', () => authing.registerByEmail(notAString, 'passw0rd')],
      ['registerByPhoneCode', () => authing.registerByPhoneCode('13900139000', '1234', notAString)],
      ['resetPasswordByPhoneCode', () => authing.resetPasswordByPhoneCode(notAString, '1234', 'passw0rd')],
      ['resetPasswordByEmailCode', () => authing.resetPasswordByEmailCode(notAString, '1234', 'passw0rd')],
      ['sendSmsCode', () => authing.sendSmsCode(null as unknown as string)],
      ['sendEmail', () => authing.sendEmail('bob@example.com', notAString)],
      ['checkPasswordStrength', () => authing.checkPasswordStrength(notAString)],
      ['bindPhone', () => authing.bindPhone(notAString, '1234')],
      ['bindEmail', () => authing.bindEmail(notAString, '1234')],
      ['updatePhone', () => authing.updatePhone(notAString, '1234')],
      ['updateEmail', () => authing.updateEmail(notAString, '1234')],
      ['updatePassword', () => authing.updatePassword(notAString)],
      ['listAuthorizedResources', () => authing.listAuthorizedResources(notAString)],
      ['removeUdfValue', () => authing.removeUdfValue(notAString)],
    ]
    const codes: Record<string, unknown> = {}
    for (const [name, call] of calls) {
      try {
        codes[name] = (await failure(call())).code
      } catch (error) {
        codes[name] = `threw synchronously: ${String(error)}`
      }
    }
    expect(codes).toEqual(Object.fromEntries(calls.map(([name]) => [name, 'invalid_argument'])))
    expect(paths).toEqual([])
    expect(onError).toHaveBeenCalledTimes(calls.length)
  })
})

describe('the session under failures', () => {
  it('a token revoked elsewhere: getCurrentUser resolves null (not an error) and empties the store', async () => {
    const { client, store, tokenKey, userKey, onError } = await faultySetup()
    const authing = client()
    const user = await authing.loginByUsername('bob', 'passw0rd')
    await client({ tokenStore: createMemoryStore(), token: user.token ?? '' }).logout()
    await expect(authing.getCurrentUser()).resolves.toBeNull()
    expect([store.getItem(tokenKey), store.getItem(userKey)]).toEqual([null, null])
    expect(onError).not.toHaveBeenCalled()
  })

  it('logout that never reached the server clears the local session, though the token still works there', async () => {
    const { client, setFault, store, tokenKey, userKey } = await faultySetup()
    const authing = client()
    const { token } = await authing.loginByUsername('bob', 'passw0rd')
    setFault(offline)
    await expect(authing.logout()).rejects.toMatchObject({ code: 'network_error' })
    expect([store.getItem(tokenKey), store.getItem(userKey)]).toEqual([null, null])
    setFault(undefined)
    await expect(client({ tokenStore: createMemoryStore() }).checkLoginStatus(token ?? '')).resolves.toMatchObject({
      status: true,
    })
  })
})
