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

describe('security 3: verification codes cannot be guessed', () => {
  const loginByPhoneCode = `mutation loginByPhoneCode($input: LoginByPhoneCodeInput!) { loginByPhoneCode(input: $input) { id } }`
  const phone = '13800138000'

  async function withClock() {
    const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
    const emulator = await setup({ now: () => clock.now })
    const send = (scene?: string) => emulator.rest('POST', '/api/v2/sms/send', { phone, scene })
    const loginWith = (code: string) => emulator.gql(loginByPhoneCode, { input: { phone, code } }, { lang: 'en-US' })
    const sentCode = () => emulator.emulator.outbox({ to: phone }).at(-1)?.code ?? ''
    return { ...emulator, clock, send, loginWith, sentCode }
  }
  const wrongFor = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0')

  it('security 3: after 5 wrong tries the code is dead, even the right one is refused', async () => {
    const { send, loginWith, sentCode } = await withClock()
    expect((await send('login')).body.code).toBe(200)
    const code = sentCode()
    for (let i = 0; i < 4; i++) expect(codeOf(await loginWith(wrongFor(code, i)))).toBe(2001)
    const fifth = await loginWith(wrongFor(code, 4))
    expect(fifth.errors?.[0]?.message).toMatchObject({ code: 2001, message: expect.stringMatching(/new one/) })
    expect(codeOf(await loginWith(code))).toBe(2001)
  })

  it('security 3: aliased guesses in one request count one by one', async () => {
    const { gql, send, loginWith, sentCode } = await withClock()
    await send('login')
    const code = sentCode()
    const guesses = Array.from(
      { length: 8 },
      (_, i) => `g${i}: loginByPhoneCode(input: { phone: "${phone}", code: "${wrongFor(code, i)}" }) { id }`,
    )
    const res = await gql(`mutation { ${guesses.join(' ')} }`)
    expect(res.errors?.length).toBe(8)
    expect(codeOf(await loginWith(code))).toBe(2001)
  })

  it('security 3: one live code per destination — a code sent with another scene replaces it', async () => {
    const { clock, send, loginWith, sentCode } = await withClock()
    await send()
    const generic = sentCode()
    clock.now += 61_000
    await send('login')
    const login = sentCode()
    // Two random codes may coincide (one in a million); then the old one cannot be told apart.
    if (generic !== login) expect(codeOf(await loginWith(generic))).toBe(2001)
    expect(codeOf(await loginWith(login))).toBe(200)
  })

  it('security 3: a destination gets at most one code a minute (2080, with the seconds to wait)', async () => {
    const { clock, send, emulator, sentCode, loginWith } = await withClock()
    await send('login')
    clock.now += 20_000
    const again = await send('login')
    expect(again.body).toMatchObject({ code: 2080, message: expect.stringMatching(/40/) })
    expect(emulator.outbox({ to: phone })).toHaveLength(1)
    // Using the code does not reset the interval either.
    expect(codeOf(await loginWith(sentCode()))).toBe(200)
    expect((await send('login')).body.code).toBe(2080)
    clock.now += 40_000
    expect((await send('login')).body.code).toBe(200)
    expect(emulator.outbox({ to: phone })).toHaveLength(2)
  })
})

describe('security 5: sending codes cannot grow the state without bound', () => {
  const sendEmails = (count: number, from: number) =>
    `mutation { ${Array.from({ length: count }, (_, i) => `m${i}: sendEmail(email: "u${from + i}@example.com", scene: LOGIN_VERIFY_CODE) { code }`).join(' ')} }`

  it('security 5: expired codes are pruned, stored codes are capped, the outbox keeps the latest 200', async () => {
    const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
    const { gql, emulator } = await setup({ now: () => clock.now, codeLimits: { maxPending: 150 } })
    const codes = () => Object.keys(emulator.store.snapshot().tables.codes ?? {}).length
    for (let i = 0; i < 30; i++) expect((await gql(sendEmails(10, i * 10))).errors).toBeUndefined()
    expect(codes()).toBe(150)
    expect(emulator.outbox()).toHaveLength(200)
    expect(emulator.outbox().at(-1)?.to).toBe('u299@example.com')

    clock.now += 301_000
    await gql(sendEmails(1, 1000))
    expect(codes()).toBe(1)
    expect(emulator.outbox()).toHaveLength(200)
  })
})
