import { describe, expect, it } from 'vitest'

import { defaultSeed, type SeedDocument } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { setup } from './engine-helpers.js'
import { setupOidc } from './engine-oidc-helpers.js'
import { setupManagement } from './fixtures/management.js'
import * as docs from './fixtures/managementDocuments.js'

const firstLoginDoc = `mutation resetPasswordByFirstLoginToken($token: String!, $password: String!) {
  resetPasswordByFirstLoginToken(token: $token, password: $password) { message code }
}`
const forceResetDoc = `mutation resetPasswordByForceResetToken($token: String!, $oldPassword: String!, $newPassword: String!) {
  resetPasswordByForceResetToken(token: $token, oldPassword: $oldPassword, newPassword: $newPassword) { message code }
}`
const registerDoc = `mutation registerByUsername($input: RegisterByUsernameInput!) { registerByUsername(input: $input) { id } }`
const strengthDoc = `query checkPasswordStrength($password: String!) { checkPasswordStrength(password: $password) { valid message } }`

type Gql = { data?: any; errors?: { message: { code: number; message: string; data?: any } }[] }
const errorOf = (res: Gql) => res.errors?.[0]?.message

function seedWith(pool: SeedDocument['userPool'], users: SeedDocument['users'] = []): SeedDocument {
  const seed = structuredClone(defaultSeed)
  seed.userPool = { ...seed.userPool, ...pool }
  seed.users = [...(seed.users ?? []), ...users]
  return seed
}

async function rulesSetup(seed: SeedDocument) {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const env = await setup({ seed, now: () => clock.now })
  return { ...env, clock }
}

describe('first login password (1639)', () => {
  it('a seeded user answers 1639 {token}; the GraphQL reset sets the password, logs nobody in, and the new one works', async () => {
    const { login, gql, encrypt, emulator } = await rulesSetup(
      seedWith({}, [{ username: 'newbie', password: 'initial-1', resetPasswordOnFirstLogin: true }]),
    )
    const step = errorOf(await login('newbie', 'initial-1'))
    expect(step).toMatchObject({ code: 1639, data: { token: expect.any(String) } })
    expect(step?.data.enableFirstLoginResetPasswordVerifyPhone).toBe(false)

    const reset = await gql(firstLoginDoc, { token: step?.data.token, password: encrypt('chosen-pw-2') })
    expect(reset.data.resetPasswordByFirstLoginToken).toMatchObject({ code: 200 })
    expect(errorOf(await login('newbie', 'initial-1'))?.code).toBe(2333)
    expect((await login('newbie', 'chosen-pw-2')).data.loginByUsername.token).toEqual(expect.any(String))

    const users = Object.values(emulator.store.snapshot().tables.users ?? {}) as { username?: string }[]
    const user = users.find((u) => u.username === 'newbie')
    expect(user).toMatchObject({ resetPasswordOnFirstLogin: false, passwordLastSetAt: expect.any(String) })
    expect(recordShapeProblem('users', user)).toBeUndefined()
    for (const row of Object.values(emulator.store.snapshot().tables.loginSteps ?? {}))
      expect(recordShapeProblem('loginSteps', row)).toBeUndefined()
  })

  it('management createUser with resetPasswordOnFirstLogin; the REST reset (iOS) works once', async () => {
    const { mgql, login, rest, encrypt } = await setupManagement()
    await mgql(docs.createUser, {
      userInfo: { username: 'dora', password: encrypt('initial-1') },
      resetPasswordOnFirstLogin: true,
    })
    const token = errorOf(await login('dora', 'initial-1'))?.data.token as string
    const body = { token, password: encrypt('chosen-pw-2') }
    const first = await rest('POST', '/api/v2/users/password/reset-by-first-login-token', body)
    expect(first.body).toMatchObject({ code: 200, message: expect.any(String) })
    const again = await rest('POST', '/api/v2/users/password/reset-by-first-login-token', body)
    expect(again.body.code).toBe(2207)
    expect((await login('dora', 'chosen-pw-2')).data.loginByUsername.token).toEqual(expect.any(String))
  })

  it('refuses a forged, expired or wrong-kind token, a too-short password and the same password again', async () => {
    const { login, gql, encrypt, clock } = await rulesSetup(
      seedWith({}, [{ username: 'newbie', password: 'initial-1', resetPasswordOnFirstLogin: true }]),
    )
    const token = errorOf(await login('newbie', 'initial-1'))?.data.token as string
    expect(errorOf(await gql(firstLoginDoc, { token: 'forged', password: encrypt('chosen-pw-2') }))?.code).toBe(2207)
    expect(errorOf(await gql(firstLoginDoc, { token, password: encrypt('abc') }))?.code).toBe(2029)
    expect(errorOf(await gql(firstLoginDoc, { token, password: encrypt('initial-1') }))?.code).toBe(2061)
    // a first-login token is not a rotation token
    const rotation = { token, oldPassword: encrypt('initial-1'), newPassword: encrypt('chosen-pw-2') }
    expect(errorOf(await gql(forceResetDoc, rotation))?.code).toBe(2207)
    clock.now += 601_000
    expect(errorOf(await gql(firstLoginDoc, { token, password: encrypt('chosen-pw-2') }))?.code).toBe(2207)
  })
})

describe('password rotation (2058)', () => {
  const policySeed = () =>
    seedWith({ passwordUpdatePolicy: { forcedCycle: 90 } }, [
      { username: 'olda', password: 'old-password-1', passwordLastSetAt: '2026-01-01T00:00:00Z' },
    ])

  it('a password older than the cycle answers 2058 {token, forcedCycle, forcedCycleUnit}; the old password then a new one', async () => {
    const { login, gql, encrypt } = await rulesSetup(policySeed())
    expect((await login('bob', 'passw0rd')).data.loginByUsername.token).toEqual(expect.any(String))
    const step = errorOf(await login('olda', 'old-password-1'))
    expect(step).toMatchObject({
      code: 2058,
      data: { token: expect.any(String), forcedCycle: 90, forcedCycleUnit: 'DAY' },
    })
    const token = step?.data.token as string

    const wrongOld = { token, oldPassword: encrypt('nope-nope'), newPassword: encrypt('new-password-2') }
    expect(errorOf(await gql(forceResetDoc, wrongOld))?.code).toBe(2203)
    const same = { token, oldPassword: encrypt('old-password-1'), newPassword: encrypt('old-password-1') }
    expect(errorOf(await gql(forceResetDoc, same))?.code).toBe(2061)
    const good = { token, oldPassword: encrypt('old-password-1'), newPassword: encrypt('new-password-2') }
    expect((await gql(forceResetDoc, good)).data.resetPasswordByForceResetToken.code).toBe(200)
    expect(errorOf(await gql(forceResetDoc, good))?.code).toBe(2207)
    expect((await login('olda', 'new-password-2')).data.loginByUsername.token).toEqual(expect.any(String))
  })

  it('the age runs from the last time the password was set, on the injected clock', async () => {
    const { login, clock } = await rulesSetup(policySeed())
    expect((await login('bob', 'passw0rd')).data.loginByUsername.token).toEqual(expect.any(String))
    clock.now += 91 * 86_400_000
    expect(errorOf(await login('bob', 'passw0rd'))?.code).toBe(2058)
  })
})

describe('weak passwords (2071, 2061)', () => {
  it('a user whose password is on the list answers 2071 {token}; resetPasswordByFirstLoginToken finishes it', async () => {
    const { login, gql, encrypt } = await rulesSetup(
      seedWith({ weakPasswords: ['12345678', 'password'] }, [{ username: 'weak', password: '12345678' }]),
    )
    const step = errorOf(await login('weak', '12345678'))
    expect(step).toMatchObject({ code: 2071, data: { token: expect.any(String) } })
    const token = step?.data.token as string
    expect(errorOf(await gql(firstLoginDoc, { token, password: encrypt('password') }))?.code).toBe(2061)
    expect((await gql(firstLoginDoc, { token, password: encrypt('much-better-9') })).data).toBeTruthy()
    expect((await login('weak', 'much-better-9')).data.loginByUsername.token).toEqual(expect.any(String))
  })

  it('registration refuses a listed password with 2061', async () => {
    const { gql, encrypt } = await rulesSetup(seedWith({ weakPasswords: ['password'] }))
    const res = await gql(registerDoc, { input: { username: 'eve', password: encrypt('password') } })
    expect(errorOf(res)?.code).toBe(2061)
  })
})

describe('password strength level', () => {
  it('level 3 wants letters, digits and symbols wherever a password is set; checkPasswordStrength agrees', async () => {
    const { gql, encrypt } = await rulesSetup(seedWith({ passwordStrength: 3 }))
    const weak = await gql(registerDoc, { input: { username: 'eve', password: encrypt('abcdef12') } })
    expect(errorOf(weak)?.code).toBe(2061)
    const ok = await gql(registerDoc, { input: { username: 'eve', password: encrypt('abcdef12!') } })
    expect(ok.data.registerByUsername.id).toEqual(expect.any(String))
    expect((await gql(strengthDoc, { password: 'abcdef12' })).data.checkPasswordStrength.valid).toBe(false)
    expect((await gql(strengthDoc, { password: 'abcdef12!' })).data.checkPasswordStrength.valid).toBe(true)
  })

  it('level 2 is enforced on createUser and on a first-login reset', async () => {
    const seed = seedWith({ passwordStrength: 2 })
    const { mgql, encrypt, code, login, gql } = await setupManagement({ seed })
    expect(code(await mgql(docs.createUser, { userInfo: { username: 'x1', password: encrypt('abcdefgh') } }))).toBe(
      2061,
    )
    const made = await mgql(docs.createUser, {
      userInfo: { username: 'x2', password: encrypt('abcdef12') },
      resetPasswordOnFirstLogin: true,
    })
    expect(made.data.createUser.id).toEqual(expect.any(String))
    const token = errorOf(await login('x2', 'abcdef12'))?.data.token as string
    expect(errorOf(await gql(firstLoginDoc, { token, password: encrypt('onlyletters') }))?.code).toBe(2061)
  })

  it('the pool record keeps the settings in a shape a data file reloads', async () => {
    const { emulator } = await rulesSetup(
      seedWith({
        passwordStrength: 2,
        weakPasswords: ['x'],
        passwordUpdatePolicy: { forcedCycle: 1, forcedCycleUnit: 'MONTH' },
      }),
    )
    const pool = Object.values(emulator.store.snapshot().tables.userPools ?? {})[0]
    expect(pool).toMatchObject({
      passwordStrength: 2,
      passwordUpdatePolicy: { enabled: true, forcedCycleUnit: 'MONTH' },
    })
    expect(recordShapeProblem('userPools', pool)).toBeUndefined()
  })
})

describe('remaining attempts (2333)', () => {
  it('a wrong password answers data.remainCount, counting down to the lock', async () => {
    const { login } = await rulesSetup(structuredClone(defaultSeed))
    const first = errorOf(await login('bob', 'wrong-1'))
    const second = errorOf(await login('bob', 'wrong-2'))
    expect(first).toMatchObject({ code: 2333, data: { remainCount: expect.any(Number) } })
    expect(second?.data.remainCount).toBe(first?.data.remainCount - 1)
    // unknown accounts count the same way: the answer tells nothing about which accounts exist
    expect(errorOf(await login('nobody', 'wrong-1'))?.data.remainCount).toBe(first?.data.remainCount)
  })
})

describe('the hosted login page', () => {
  it('refuses a password that must change rather than skipping the step', async () => {
    const seed = seedWith({}, [{ username: 'newbie', password: 'initial-1', resetPasswordOnFirstLogin: true }])
    const { logIn, authorizeQuery } = await setupOidc({ seed })
    const res = await logIn(authorizeQuery(), 'newbie', 'initial-1')
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.text()).toMatch(/首次登录|First login/)
  })
})
