import { describe, expect, it } from 'vitest'

import { setup } from './engine-helpers.js'

const codeOf = (res: { errors?: { message: { code: number } }[] }) => res.errors?.[0]?.message.code ?? 200

describe('security: guessing passwords', () => {
  it('security 1: one identifier however it is spelled — spaces, case and NFD share one lockout', async () => {
    const { login } = await setup()
    for (const spelling of [' bob', 'bob ', 'BOB', '\tbob', 'Bob\u00a0']) await login(spelling, 'wrong')
    expect(codeOf(await login('bob', 'passw0rd'))).toBe(2005)
    expect(codeOf(await login(' bob', 'passw0rd'))).toBe(2005)
  })

  it('security 1: a name registered in NFC is found, and locked, by its NFD spelling', async () => {
    const { gql, encrypt, login } = await setup()
    const nfc = 'jos\u00e9'
    const nfd = 'jose\u0301'
    const registered = await gql(
      `mutation register($input: RegisterByUsernameInput!) { registerByUsername(input: $input) { id } }`,
      { input: { username: nfc, password: encrypt('s3cret-pass') } },
    )
    expect(registered.errors).toBeUndefined()
    expect(codeOf(await login(nfd, 's3cret-pass'))).toBe(200)
    for (let i = 0; i < 5; i++) await login(nfd, 'wrong')
    expect(codeOf(await login(nfc, 's3cret-pass'))).toBe(2005)
  })

  it('security 2: 100 concurrent wrong guesses evaluate at most the limit, and a right password after them is refused', async () => {
    const { login } = await setup()
    const guesses = await Promise.all(Array.from({ length: 100 }, () => login('bob', 'wrong')))
    const evaluated = guesses.filter((res) => codeOf(res) === 2333).length
    expect(evaluated).toBeLessThanOrEqual(5)
    expect(guesses.every((res) => [2333, 2005].includes(codeOf(res)))).toBe(true)
    expect(codeOf(await login('bob', 'passw0rd'))).toBe(2005)
  })

  it('security 2: a right password in the middle of a burst of wrong ones is refused once the limit is reached', async () => {
    const { login } = await setup()
    const wrong = Array.from({ length: 50 }, () => login('bob', 'wrong'))
    const right = login('bob', 'passw0rd')
    const more = Array.from({ length: 49 }, () => login('bob', 'wrong'))
    const [answers, rightAnswer] = await Promise.all([Promise.all([...wrong, ...more]), right])
    expect(answers.filter((res) => codeOf(res) === 2333).length).toBeLessThanOrEqual(5)
    expect(codeOf(rightAnswer)).toBe(2005)
  })
})

describe('security 4: one request cannot carry the work of thousands', () => {
  const aliased = (count: number, field: (i: number) => string) =>
    `mutation { ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`

  it('security 4: 200 aliased logins are refused before any password is hashed', async () => {
    const { gql, encrypt, login } = await setup()
    for (let i = 0; i < 4; i++) await login('bob', 'wrong')
    const password = encrypt('wrong')
    const started = Date.now()
    const res = await gql(
      aliased(200, () => `loginByUsername(input: { username: "bob", password: "${password}" }) { id }`),
    )
    expect(res.errors?.[0]?.message).toMatchObject({ code: 400, message: expect.stringMatching(/root fields/) })
    expect(res.data ?? null).toBeNull()
    expect(Date.now() - started).toBeLessThan(2000)
    // Nothing was evaluated: the fifth failure that would lock bob has not happened.
    expect(codeOf(await login('bob', 'passw0rd'))).toBe(200)
  })

  it('security 4: two password fields in one request are refused, one is fine', async () => {
    const { gql, encrypt } = await setup()
    const password = encrypt('passw0rd')
    const two = await gql(
      aliased(2, () => `loginByUsername(input: { username: "bob", password: "${password}" }) { id }`),
    )
    expect(two.errors?.[0]?.message.message).toMatch(/password-checking/)
    const one = await gql(
      aliased(1, () => `loginByUsername(input: { username: "bob", password: "${password}" }) { id }`),
    )
    expect(one.errors).toBeUndefined()
  })

  it('security 4: 5,000 aliased cheap fields, or a deeply nested query, are refused with a clear error', async () => {
    const { gql } = await setup()
    const many = (count: number) => Array.from({ length: count }, (_, i) => `a${i}: id`).join(' ')
    const wide = await gql(`query { ${many(5000).replaceAll(': id', ': templateCode')} }`)
    expect(wide.errors?.[0]?.message).toMatchObject({ code: 400, message: expect.stringMatching(/root fields/) })
    const broad = await gql(`query { user { ${many(5000)} } }`)
    expect(broad.errors?.[0]?.message).toMatchObject({
      code: 400,
      message: expect.stringMatching(/more than 1000 fields/),
    })
    const nested = `query { __schema { types { fields { type ${'{ ofType '.repeat(14)}{ name }${' }'.repeat(14)} } } } }`
    expect((await gql(nested)).errors?.[0]?.message.message).toMatch(/deeper than 15/)
  })
})
