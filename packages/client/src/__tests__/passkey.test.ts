import { defaultSeed } from '@authing-kit/emulator'
import { createSoftAuthenticator } from '@authing-kit/emulator/node'
import { describe, expect, it } from 'vitest'

import { AuthingError, loginStepOf, type PasskeyAuthenticator } from '../index.js'
import { startEmulator } from './testEmulator.js'

/** alice has an authenticator app, so her password login stops at the MFA step. */
async function startPasskeys() {
  const seed = structuredClone(defaultSeed)
  seed.users = [
    ...(seed.users ?? []),
    { username: 'alice', password: 'passw0rd', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
    { username: 'carol', password: 'passw0rd' },
  ]
  const setup = await startEmulator({ seed })
  const authenticator = createSoftAuthenticator({ origin: setup.info.appHost })
  return { ...setup, authenticator }
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AuthingError,
  )

describe('client.passkey', () => {
  it('registers a passkey for the logged-in user, then logs in with it: the user becomes the session', async () => {
    const { bob, client, authenticator, requests } = await startPasskeys()
    const bobClient = await bob()
    const registered = await bobClient.passkey.register({ name: 'Laptop', authenticator })
    expect(registered).toMatchObject({ name: 'Laptop', authenticatorCode: 'other', counter: 0, lastUsedAt: null })
    expect(registered.credentialId).toBe(authenticator.credentials[0]?.id)

    const fresh = client()
    const user = await fresh.passkey.login({ authenticator })
    expect(user.username).toBe('bob')
    expect(fresh.getSnapshot().user?.username).toBe('bob')
    expect((await fresh.getCurrentUser())?.username).toBe('bob')
    const finalize = requests.find((r) => r.url.endsWith('/api/v3/webauthn/login/finalize'))
    expect(finalize?.headers.get('x-authing-app-id')).toBeTruthy()
    expect(finalize?.headers.get('authorization')).toBeNull()
    expect(await bobClient.passkey.list()).toMatchObject([{ name: 'Laptop', counter: 1 }])
  })

  it('says a prompt was cancelled, a browser has no passkeys, a passkey is there already, and a credential is unknown', async () => {
    const { client, bob, authenticator } = await startPasskeys()
    const fresh = client()
    expect(await errorOf(fresh.passkey.login({ authenticator }))).toMatchObject({ code: 'passkey_cancelled' })
    // Node has no navigator.credentials: the browser authenticator reports it so.
    expect(await fresh.passkey.isSupported()).toBe(false)
    expect(await fresh.passkey.isAutofillSupported()).toBe(false)
    expect(await errorOf(fresh.passkey.login())).toMatchObject({ code: 'passkey_unsupported' })

    await (await bob()).passkey.register({ authenticator })
    const stranger = createSoftAuthenticator({ origin: authenticator.origin })
    await stranger.create({ challenge: 'x', rp: { id: '127.0.0.1', name: 'x' }, user: { id: 'x', name: 'x' } })
    expect(await errorOf((await bob()).passkey.register({ authenticator }))).toMatchObject({ code: 'passkey_exists' })
    const unknown = await errorOf(fresh.passkey.login({ authenticator: stranger }))
    expect(unknown).toBeInstanceOf(AuthingError)
    expect(unknown).toMatchObject({ code: 2363 })
  })

  it('refuses a passkey used from another origin, and a counter that went backwards', async () => {
    const { client, bob, authenticator, info } = await startPasskeys()
    await (await bob()).passkey.register({ authenticator })
    const fresh = client()
    authenticator.origin = 'http://phishing.example'
    expect(await errorOf(fresh.passkey.login({ authenticator }))).toMatchObject({ code: 2362 })
    authenticator.origin = info.appHost
    await fresh.passkey.login({ authenticator })
    const credential = authenticator.credentials[0]
    if (credential) credential.counter = 0
    expect(await errorOf(fresh.passkey.login({ authenticator }))).toMatchObject({ code: 2364 })
  })

  it('refuses a replayed ticket', async () => {
    const { client, bob, authenticator } = await startPasskeys()
    await (await bob()).passkey.register({ authenticator })
    let replay: unknown
    const recorder: PasskeyAuthenticator = {
      create: (options) => authenticator.create(options),
      get: async (options) =>
        (replay ??= await authenticator.get(options)) as Awaited<ReturnType<typeof authenticator.get>>,
    }
    const fresh = client()
    await fresh.passkey.login({ authenticator: recorder })
    // The same signed assertion again: its ticket (challenge) is spent, and a new ticket's challenge differs.
    expect(await errorOf(fresh.passkey.login({ authenticator: recorder }))).toMatchObject({ code: 2362 })
  })

  it("removes a passkey (then it logs in no more), but never another user's; registering needs a login", async () => {
    const { client, bob, authenticator } = await startPasskeys()
    const bobClient = await bob()
    const { credentialId } = await bobClient.passkey.register({ authenticator })
    const carol = client()
    await carol.loginByUsername('carol', 'passw0rd')
    expect(await errorOf(carol.passkey.remove(credentialId))).toMatchObject({ code: 2363 })
    expect(await carol.passkey.list()).toEqual([])
    await bobClient.passkey.remove(credentialId)
    expect(await bobClient.passkey.list()).toEqual([])
    expect(await errorOf(client().passkey.login({ authenticator }))).toMatchObject({ code: 2363 })
    expect(await errorOf(client().passkey.register({ authenticator }))).toMatchObject({ code: 2020 })
  })

  it('binds a passkey at the MFA step, then passes the next step with it (loginStepOf lists PASSKEY)', async () => {
    const { client, authenticator } = await startPasskeys()
    const authing = client()
    const first = loginStepOf(await errorOf(authing.loginByUsername('alice', 'passw0rd')))
    if (first?.kind !== 'mfa') throw new Error('expected the MFA step')
    expect(first.factors).not.toContain('PASSKEY')
    expect((await authing.passkey.bindMfa(first, { authenticator })).username).toBe('alice')
    await authing.logout()

    const second = loginStepOf(await errorOf(authing.loginByUsername('alice', 'passw0rd')))
    if (second?.kind !== 'mfa') throw new Error('expected the MFA step')
    expect(second.factors).toContain('PASSKEY')
    const user = await authing.passkey.verifyMfa(second, { authenticator })
    expect(user.username).toBe('alice')
    expect(authing.getSnapshot().user?.username).toBe('alice')
    expect(await errorOf(authing.passkey.verifyMfa(second, { authenticator }))).toMatchObject({ code: 2021 })
  })

  it('closes the prompt when the signal fires, as aborted', async () => {
    const { client } = await startPasskeys()
    const controller = new AbortController()
    const hanging: PasskeyAuthenticator = {
      create: () => new Promise(() => {}),
      get: (_, prompt) =>
        new Promise((_resolve, reject) => prompt?.signal?.addEventListener('abort', () => reject(new Error('closed')))),
    }
    const login = errorOf(client().passkey.login({ authenticator: hanging, signal: controller.signal }))
    setTimeout(() => controller.abort(), 10)
    expect(await login).toMatchObject({ code: 'aborted' })
  })
})
