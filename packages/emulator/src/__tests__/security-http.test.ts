import { request as httpRequest } from 'node:http'

import { afterEach, describe, expect, it } from 'vitest'

import { type EmulatorServer, type EmulatorServerOptions, startEmulatorServer } from '../node/index.js'

const servers: EmulatorServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const server = await startEmulatorServer({
    port: 0,
    log: () => {},
    ...options,
    emulator: { passwordIterations: 1000, ...options.emulator },
  })
  servers.push(server)
  return server
}

/** A request through node:http, which (unlike fetch) lets the test set the Host header. */
function send(
  url: string,
  {
    method = 'GET',
    path,
    headers = {},
    body,
  }: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('security 12: only this machine’s names and the app host are answered (DNS rebinding)', () => {
  it('security 12: a foreign Host gets 421 before anything runs; loopback names on the port are answered', async () => {
    const { url, emulator } = await start()
    const port = new URL(url).port
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `attacker.test:${port}`,
      `127.0.0.1:1`,
      `localhost:${port}/x`,
    ]) {
      const sent = await send(url, {
        method: 'POST',
        path: '/api/v2/sms/send',
        headers: { host, 'content-type': 'application/json', 'x-authing-app-id': emulator.info().appId },
        body: JSON.stringify({ phone: '13800138000' }),
      })
      expect([host, sent.status]).toEqual([host, 421])
      expect(JSON.parse(sent.body)).toMatchObject({ code: 421, message: expect.stringMatching(/DNS rebinding/) })
      const outbox = await send(url, { path: '/__emulator/outbox', headers: { host } })
      expect([host, outbox.status]).toEqual([host, 421])
    }
    expect(emulator.outbox()).toEqual([])
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `app.localhost:${port}`]) {
      const answered = await send(url, { path: '/api/v2/.well-known', headers: { host } })
      expect([host, answered.status]).toEqual([host, 200])
    }
  })

  it('security 12: the --app-host’s host is answered too', async () => {
    const { url } = await start({ emulator: { appHost: 'https://auth.example.test' } })
    const answered = await send(url, { path: '/api/v2/.well-known', headers: { host: 'auth.example.test' } })
    expect(answered.status).toBe(200)
  })
})

describe('security 14: the hosted login works on localhost', () => {
  it('security 14: the form posted from http://localhost:PORT (and with --app-host on localhost) logs in', async () => {
    for (const appHostOf of [(_port: string) => undefined, (port: string) => `http://localhost:${port}`]) {
      const { url, emulator } = await start()
      const port = new URL(url).port
      const appHost = appHostOf(port)
      if (appHost) {
        await servers.pop()?.close()
        servers.push(
          await startEmulatorServer({
            port: Number(port),
            log: () => {},
            emulator: { passwordIterations: 1000, appHost },
          }),
        )
      }
      const { appId } = emulator.info()
      const origin = `http://localhost:${port}`
      const query = new URLSearchParams({
        client_id: appId,
        redirect_uri: 'http://localhost:3000/callback',
        response_type: 'code',
        scope: 'openid',
        state: 'xyz',
      })
      const form = new URLSearchParams(query)
      form.set('username', 'bob')
      form.set('password', 'passw0rd')
      const posted = await send(url, {
        method: 'POST',
        path: '/oidc/auth',
        headers: { host: `localhost:${port}`, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      })
      expect([appHost ?? 'default', posted.status]).toEqual([appHost ?? 'default', 303])
      expect(String(posted.headers.location)).toMatch(/^http:\/\/localhost:3000\/callback\?code=/)
      // Another site's form is still refused.
      const forged = await send(url, {
        method: 'POST',
        path: '/oidc/auth',
        headers: {
          host: `localhost:${port}`,
          origin: 'http://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form.toString(),
      })
      expect(forged.status).toBe(403)
    }
  })
})

describe('security 13: the test helpers refuse cross-site requests', () => {
  it('security 13: a form-style POST or another site’s request cannot reset the pool or read the outbox', async () => {
    const { url, emulator } = await start()
    const { appId } = emulator.info()
    await send(url, {
      method: 'POST',
      path: '/api/v2/sms/send',
      headers: { 'content-type': 'application/json', 'x-authing-app-id': appId },
      body: JSON.stringify({ phone: '13800138000' }),
    })
    expect(emulator.outbox()).toHaveLength(1)
    const attempts = [
      { method: 'POST', path: '/__emulator/reset', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      {
        method: 'POST',
        path: '/__emulator/reset',
        headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
      },
      {
        method: 'POST',
        path: '/__emulator/reset',
        headers: { origin: 'http://evil.example', 'x-authing-emulator': '1' },
      },
      { method: 'GET', path: '/__emulator/outbox', headers: { origin: 'http://evil.example' } },
    ]
    for (const attempt of attempts) {
      const answer = await send(url, attempt)
      expect([attempt, answer.status]).toEqual([attempt, 403])
      expect(JSON.parse(answer.body)).toMatchObject({ code: 403, message: expect.any(String) })
    }
    expect(emulator.outbox()).toHaveLength(1)
    // A script (no Origin) with the header, and the dashboard's own origin, are answered.
    expect((await send(url, { path: '/__emulator/outbox', headers: { origin: url } })).status).toBe(200)
    const reset = await send(url, { method: 'POST', path: '/__emulator/reset', headers: { 'x-authing-emulator': '1' } })
    expect(reset.status).toBe(200)
    expect(emulator.outbox()).toHaveLength(0)
  })
})
