import { defaultSeed, type SeedDocument } from '@authing-kit/emulator'
import { describe, expect, it } from 'vitest'

import { AuthingError, loginStepOf, remainingAttemptsOf } from '../index.js'
import { startEmulator } from './testEmulator.js'

function seedWith(pool: SeedDocument['userPool'], users: SeedDocument['users']): SeedDocument {
  const seed = structuredClone(defaultSeed)
  seed.userPool = { ...seed.userPool, ...pool }
  seed.users = [...(seed.users ?? []), ...(users ?? [])]
  return seed
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error,
  )

describe('password steps at login', () => {
  it('1639: the step carries a token; resetPasswordByFirstLoginToken sends the password encrypted, starts no session, and the new password logs in', async () => {
    const seed = seedWith({}, [{ username: 'newbie', password: 'initial-1', resetPasswordOnFirstLogin: true }])
    const { client, requests } = await startEmulator({ seed })
    const authing = client()
    const step = loginStepOf(await failure(authing.loginByUsername('newbie', 'initial-1')))
    expect(step).toEqual({
      kind: 'firstLoginPassword',
      code: 1639,
      token: expect.any(String),
      verifyPhone: false,
      phone: null,
    })
    if (step?.kind !== 'firstLoginPassword') throw new Error('no step')

    await expect(authing.resetPasswordByFirstLoginToken(step.token, 'chosen-pw-2')).resolves.toMatchObject({
      code: 200,
    })
    const sent = JSON.parse(requests.at(-1)?.body ?? '{}') as { variables: { token: string; password: string } }
    expect(sent.variables.token).toBe(step.token)
    expect(sent.variables.password).not.toContain('chosen-pw-2')
    expect(authing.getSnapshot().user).toBeNull()

    expect(await authing.loginByUsername('newbie', 'chosen-pw-2')).toMatchObject({ username: 'newbie' })
    const reused = await failure(authing.resetPasswordByFirstLoginToken(step.token, 'chosen-pw-3'))
    expect(reused).toMatchObject({ code: 2207 })
  })

  it('2058: forcePasswordReset with the cycle; the old password is checked, then the new one logs in', async () => {
    const seed = seedWith({ passwordUpdatePolicy: { forcedCycle: 3, forcedCycleUnit: 'MONTH' } }, [
      { username: 'olda', password: 'old-password-1', passwordLastSetAt: '2020-01-01T00:00:00Z' },
    ])
    const { client } = await startEmulator({ seed })
    const authing = client()
    const step = loginStepOf(await failure(authing.loginByUsername('olda', 'old-password-1')))
    expect(step).toEqual({
      kind: 'forcePasswordReset',
      code: 2058,
      token: expect.any(String),
      forcedCycle: 3,
      forcedCycleUnit: 'MONTH',
    })
    if (step?.kind !== 'forcePasswordReset') throw new Error('no step')
    const wrongOld = await failure(
      authing.resetPasswordByForceResetToken(step.token, 'not-it-at-all', 'new-password-2'),
    )
    expect(wrongOld).toBeInstanceOf(AuthingError)
    expect(wrongOld).toMatchObject({ code: 2203 })
    await expect(
      authing.resetPasswordByForceResetToken(step.token, 'old-password-1', 'new-password-2'),
    ).resolves.toMatchObject({
      code: 200,
    })
    expect(await authing.loginByUsername('olda', 'new-password-2')).toMatchObject({ username: 'olda' })
  })

  it('2071: unsafePassword; an unsafe or too weak new password is refused (2061) and the step stays usable', async () => {
    const seed = seedWith({ weakPasswords: ['12345678'], passwordStrength: 2 }, [
      { username: 'weak', password: '12345678' },
    ])
    const { client } = await startEmulator({ seed })
    const authing = client()
    const step = loginStepOf(await failure(authing.loginByUsername('weak', '12345678')))
    expect(step).toEqual({ kind: 'unsafePassword', code: 2071, token: expect.any(String) })
    if (step?.kind !== 'unsafePassword') throw new Error('no step')
    expect(await failure(authing.resetPasswordByFirstLoginToken(step.token, '12345678'))).toMatchObject({ code: 2061 })
    expect(await failure(authing.resetPasswordByFirstLoginToken(step.token, 'lettersonly'))).toMatchObject({
      code: 2061,
    })
    await authing.resetPasswordByFirstLoginToken(step.token, 'letters-and-1')
    expect(await authing.loginByUsername('weak', 'letters-and-1')).toMatchObject({ username: 'weak' })
  })

  it('a reset call honours its AbortSignal', async () => {
    const { client } = await startEmulator()
    const controller = new AbortController()
    controller.abort()
    const error = await failure(client().resetPasswordByFirstLoginToken('t', 'p-123456', { signal: controller.signal }))
    expect(error).toMatchObject({ code: 'aborted' })
  })
})

describe('remaining attempts', () => {
  it('remainingAttemptsOf reads 2333 data.remainCount, counting down; null for other errors', async () => {
    const { client } = await startEmulator()
    const authing = client()
    const first = await failure(authing.loginByUsername('bob', 'wrong-1'))
    const second = await failure(authing.loginByUsername('bob', 'wrong-2'))
    const left = remainingAttemptsOf(first)
    expect(left).toEqual(expect.any(Number))
    expect(remainingAttemptsOf(second)).toBe((left ?? 0) - 1)
    expect(loginStepOf(first)).toBeNull()
    expect(remainingAttemptsOf(new AuthingError(2005, 'locked'))).toBeNull()
    expect(remainingAttemptsOf(new Error('x'))).toBeNull()
  })
})
