import { describe, expect, it } from 'vitest'

import { createEmulator } from '../index.js'
import { base, setup } from './engine-helpers.js'

describe('engine: protocol edges', () => {
  it('answers malformed JSON and malformed GraphQL with errors, not a crash', async () => {
    const { emulator, gql } = await setup()
    const res = await emulator.fetch(new Request(`${base}/graphql/v2`, { method: 'POST', body: '{"query": ' }))
    expect(res.status).toBe(400)
    expect((await res.json()).errors[0].message.code).toBe(400)
    const syntax = await gql('mutation { loginByUsername(')
    expect(syntax.errors?.[0]?.message.code).toBe(400)
    const invalid = await gql('{ noSuchField }')
    expect(invalid.errors?.[0]?.message.message).toContain('noSuchField')
  })

  it('serves an introspectable schema with Authing operations', async () => {
    const { gql } = await setup()
    const res = await gql(`{ __schema { mutationType { fields { name } } } }`)
    const names = (res.data.__schema.mutationType.fields as { name: string }[]).map((f) => f.name)
    expect(names).toContain('loginByUsername')
    expect(names).toContain('disbalePolicyAssignment')
  })

  it('answers operations it does not implement with a business error naming them', async () => {
    const { gql } = await setup()
    const res = await gql(`mutation { deleteUserpool { code } }`, {}, { lang: 'en-US' })
    expect(res.status).toBe(200)
    expect(res.errors?.[0]?.message).toEqual({
      code: 1000,
      message: 'Operation not supported by the emulator: deleteUserpool',
    })
  })

  it('answers CORS preflights for local origins only', async () => {
    const { emulator } = await setup()
    const preflight = (origin: string) =>
      emulator.fetch(
        new Request(`${base}/graphql/v2`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'x-authing-app-id, content-type, x-evil',
          },
        }),
      )
    const ok = await preflight('https://localhost:5173')
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://localhost:5173')
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true')
    expect(ok.headers.get('access-control-allow-headers')).toContain('x-authing-app-id')
    expect(ok.headers.get('access-control-allow-headers')).not.toContain('x-evil')
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
    const simple = await emulator.fetch(
      new Request(`${base}/api/v2/.well-known`, { headers: { origin: 'http://127.0.0.1:3000' } }),
    )
    expect(simple.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000')
  })

  it('reset() and POST /__emulator/reset restore the seed', async () => {
    const { emulator, gql, encrypt, login } = await setup()
    const register = `mutation registerByUsername($input: RegisterByUsernameInput!) { registerByUsername(input: $input) { id username token } }`
    const res = await gql(register, { input: { username: 'carol', password: encrypt('c4rol-pass') } })
    expect(res.data.registerByUsername).toMatchObject({ username: 'carol', token: null })
    expect((await login('carol', 'c4rol-pass')).data.loginByUsername.username).toBe('carol')
    const reset = await emulator.fetch(
      new Request(`${base}/__emulator/reset`, { method: 'POST', headers: { 'x-authing-emulator': '1' } }),
    )
    expect(reset.status).toBe(200)
    expect((await login('carol', 'c4rol-pass')).errors?.[0]?.message.code).toBe(2333)
    expect((await login('bob', 'passw0rd')).data.loginByUsername.username).toBe('bob')
    await gql(register, { input: { username: 'carol', password: encrypt('c4rol-pass') } })
    await emulator.reset()
    expect((await login('carol', 'c4rol-pass')).errors?.[0]?.message.code).toBe(2333)
  })

  it('restores from a snapshot with the same ids, keys and users; earlier tokens still verify', async () => {
    const { emulator, gql, encrypt, loginBob, publicKeyPem } = await setup()
    const token = await loginBob()
    await gql(`mutation r($input: RegisterByUsernameInput!) { registerByUsername(input: $input) { id } }`, {
      input: { username: 'carol', password: encrypt('c4rol-pass') },
    })
    const copy = createEmulator({ state: emulator.store.snapshot(), passwordIterations: 1000 })
    expect(copy.info()).toEqual(emulator.info())
    const restored = await setup({ state: emulator.store.snapshot() })
    expect(restored.publicKeyPem).toBe(publicKeyPem)
    expect((await restored.gql(`{ user { username } }`, {}, { token })).data.user.username).toBe('bob')
    expect((await restored.login('carol', 'c4rol-pass')).data.loginByUsername.username).toBe('carol')
  })

  it('rejects a bad seed through ready() with SEED_INVALID', async () => {
    const emulator = createEmulator({ seed: { users: [{ username: 'x', roles: ['nope'] }] } })
    await expect(emulator.ready()).rejects.toMatchObject({ code: 'SEED_INVALID' })
  })
})
