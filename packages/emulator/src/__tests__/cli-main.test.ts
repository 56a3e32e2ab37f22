import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { type CliOutcome, main } from '../node/main.js'
import { connect, encryptPassword, graphql, loginByUsername } from './fixtures/authingHttp.js'

let dir: string
const running: CliOutcome[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-test-'))
})
afterEach(async () => {
  await Promise.all(running.splice(0).map((outcome) => ('stop' in outcome ? outcome.stop() : undefined)))
  await rm(dir, { recursive: true, force: true })
})

async function run(...argv: string[]): Promise<{ outcome: CliOutcome; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const outcome = await main(argv, { log: (line) => out.push(line), error: (line) => err.push(line) })
  running.push(outcome)
  return { outcome, out, err }
}

const FAST = ['--port', '0', '--password-iterations', '1000']

describe('authing-emulator CLI', () => {
  it('prints the URL, ids, demo login and ready-to-paste .env lines', async () => {
    const { outcome, out } = await run(...FAST)
    if (!('server' in outcome)) throw new Error('the CLI did not start')
    const banner = out.join('\n')
    const { url } = outcome.server
    const info = outcome.server.emulator.info()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(info.appHost).toBe(url)
    expect(banner).toContain(url)
    expect(banner).toMatch(new RegExp(`Dashboard +${url}/`))
    expect(banner).toContain(`${url}/oidc`)
    expect(banner).toContain(info.userPoolId)
    expect(banner).toContain('bob / passw0rd')
    const lines = banner.split('\n').map((line) => line.trim())
    expect(lines).toContain(`VITE_AUTHING_APP_ID=${info.appId}`)
    expect(lines).toContain(`VITE_AUTHING_APP_HOST=${url}`)
    expect(lines).toContain(`AUTHING_USERPOOL_ID=${info.userPoolId}`)
    expect(lines).toContain(`AUTHING_USERPOOL_SECRET=${info.userPoolSecret}`)
    // The secret lines come after a server-only warning, the browser lines before it.
    const serverOnly = lines.findIndex((line) => /server only/i.test(line))
    expect(serverOnly).toBeGreaterThan(lines.indexOf(`VITE_AUTHING_APP_HOST=${url}`))
    expect(serverOnly).toBeLessThan(lines.indexOf(`AUTHING_USERPOOL_SECRET=${info.userPoolSecret}`))
    // The command that prints the password key, which a private deployment's SDK needs (enc_public_key).
    const keyLine = lines.find((line) => line.startsWith('Public key'))
    expect(keyLine).toContain(`curl -s ${url}/api/v2/.well-known`)
    const wellKnown = await fetch(`${url}/api/v2/.well-known`)
    expect((await wellKnown.json()).data.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/)
  })

  it('starts from the demo seed: bob, mfa-alice, whose login asks for her authenticator code, and first-login-carol', async () => {
    const { outcome, out } = await run(...FAST)
    if (!('server' in outcome)) throw new Error('the CLI did not start')
    expect(out.join('\n')).toMatch(/Also try +mfa-alice \/ passw0rd +\(meets an authenticator code/)
    expect(out.join('\n')).toMatch(/Also try +first-login-carol \/ passw0rd +\(meets a new password/)
    const target = await connect(outcome.server.url, outcome.server.emulator.info().appId)
    await expect(loginByUsername(target, 'mfa-alice', 'passw0rd')).rejects.toThrow(/1635/)
  })

  it('uses --app-host for the app host and the token issuer', async () => {
    const { outcome, out } = await run(...FAST, '--app-host', 'https://auth.example.test/')
    if (!('server' in outcome)) throw new Error('the CLI did not start')
    expect(outcome.server.emulator.info().appHost).toBe('https://auth.example.test')
    expect(out.join('\n')).toContain('VITE_AUTHING_APP_HOST=https://auth.example.test\n')
    expect(out.join('\n')).toContain('https://auth.example.test/oidc')
  })

  it('prints SMS codes as they are sent, with the phone and the scene', async () => {
    const { outcome, out } = await run(...FAST)
    if (!('server' in outcome)) throw new Error('the CLI did not start')
    const { url, emulator } = outcome.server
    const response = await fetch(`${url}/api/v2/sms/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-app-id': emulator.info().appId },
      body: JSON.stringify({ phone: '13900139000', scene: 'VERIFY_CODE' }),
    })
    expect(((await response.json()) as { code: number }).code).toBe(200)
    const sent = emulator.outbox({ to: '13900139000' }).at(-1)
    const line = out.find((l) => l.includes('13900139000'))
    expect(line).toContain(sent?.code)
    expect(line).toContain('VERIFY_CODE')
  })

  it('passes --legacy-login-errors to the engine', async () => {
    const codes: number[] = []
    for (const legacy of [false, true]) {
      const { outcome } = await run(...FAST, ...(legacy ? ['--legacy-login-errors'] : []))
      if (!('server' in outcome)) throw new Error('the CLI did not start')
      const target = await connect(outcome.server.url, outcome.server.emulator.info().appId)
      const result = await graphql(
        target,
        'mutation loginByUsername($input: LoginByUsernameInput!) { loginByUsername(input: $input) { id } }',
        { input: { username: 'bob', password: encryptPassword(target.publicKeyPem, 'wrong-password') } },
      )
      const message = result.errors?.[0]?.message
      codes.push(typeof message === 'object' ? message.code : 0)
    }
    expect(codes).toEqual([2333, 2006])
  })

  it('exits 1 with the file named when the data file is unusable', async () => {
    const corrupt = join(dir, 'data.json')
    await writeFile(corrupt, 'not a snapshot')
    const missingDir = join(dir, 'no-such-dir', 'data.json')
    for (const data of [corrupt, missingDir]) {
      const { outcome, err } = await run(...FAST, '--data', data)
      expect(outcome).toEqual({ exitCode: 1 })
      expect(err.join('\n')).toContain(data)
    }
  })

  it('prints help and exits 0', async () => {
    const { outcome, out } = await run('--help')
    expect(outcome).toEqual({ exitCode: 0 })
    for (const flag of ['--port', '--host', '--allow-remote', '--data FILE', '--seed FILE', '--app-host']) {
      expect(out.join('\n')).toContain(flag)
    }
  })

  it('accepts the `--` separator `pnpm emulator -- --port N` passes on', async () => {
    const { outcome } = await run('--', ...FAST)
    expect('server' in outcome).toBe(true)
  })

  it('exits 2 with a clear message for unknown options and bad values', async () => {
    for (const argv of [['--nope'], ['--port', 'abc'], ['--password-iterations', '0'], ['--app-host', 'nope']]) {
      const { outcome, err } = await run(...argv)
      expect(outcome).toEqual({ exitCode: 2 })
      expect(err.join('\n')).toMatch(/authing-emulator: .+\n.*--help/)
    }
  })

  it('refuses a non-loopback host with exit 2', async () => {
    const { outcome, err } = await run('--host', '0.0.0.0', '--port', '0')
    expect(outcome).toEqual({ exitCode: 2 })
    expect(err.join('\n')).toMatch(/0\.0\.0\.0.*--allow-remote/s)
  })

  it('starts from a --seed file', async () => {
    const seedFile = join(dir, 'seed.json')
    const seed = {
      userPool: { id: 'pool-from-seed', secret: 'pool-secret-from-seed', name: 'Seeded' },
      applications: [{ id: 'app-from-seed', secret: 'app-secret', name: 'Seeded app', identifier: 'seeded' }],
      users: [{ username: 'alice', password: 'al1ce-pass' }],
    }
    await writeFile(seedFile, JSON.stringify(seed))
    const { outcome, out } = await run(...FAST, '--seed', seedFile)
    if (!('server' in outcome)) throw new Error('the CLI did not start')
    expect(out.join('\n')).toContain('VITE_AUTHING_APP_ID=app-from-seed')
    expect(out.join('\n')).toContain('AUTHING_USERPOOL_SECRET=pool-secret-from-seed')
    const target = await connect(outcome.server.url, 'app-from-seed')
    expect((await loginByUsername(target, 'alice', 'al1ce-pass')).username).toBe('alice')
  })

  it('exits 2 for a seed file that is missing, not JSON, or not a valid seed', async () => {
    const broken = join(dir, 'seed.json')
    await writeFile(broken, '{ "users": [ ')
    const invalid = join(dir, 'invalid-seed.json')
    await writeFile(invalid, '{ "users": 5 }')
    for (const seed of [broken, join(dir, 'missing.json'), invalid]) {
      const { outcome, err } = await run(...FAST, '--seed', seed)
      expect(outcome).toEqual({ exitCode: 2 })
      expect(err.join('\n')).toContain(seed)
    }
  })

  it('exits 1 with a message, not a stack trace, when the port is in use', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = String((blocker.address() as { port: number }).port)
    try {
      const { outcome, err } = await run('--port', port)
      expect(outcome).toEqual({ exitCode: 1 })
      expect(err.join('\n')).toContain(`Port ${port}`)
      expect(err.join('\n')).not.toMatch(/\n\s+at /)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })
})
