import { type OutgoingHttpHeaders, request as httpRequest } from 'node:http'
import { createServer } from 'node:net'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { type EmulatorServer, isEmulatorServerError, startEmulatorServer } from '../node/index.js'
import { isLoopbackHost } from '../node/loopback.js'

const servers: EmulatorServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(): Promise<EmulatorServer> {
  const server = await startEmulatorServer({ port: 0, emulator: { passwordIterations: 1000 }, log: () => {} })
  servers.push(server)
  return server
}

/** A request through node:http, so the test controls Content-Length vs chunked exactly. */
function send(
  url: string,
  options: { method: string; path: string; headers?: OutgoingHttpHeaders; chunks?: Buffer[]; end?: boolean },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${options.path}`,
      { method: options.method, headers: options.headers ?? {} },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
          req.destroy()
        })
        res.on('error', reject)
      },
    )
    // The server may close the connection before the whole body is sent (that is the point of a 413).
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    for (const chunk of options.chunks ?? []) req.write(chunk)
    // end: false leaves the body unfinished, so only a server that answers early answers at all.
    if (options.end !== false) req.end()
  })
}

const MiB = 1024 * 1024

describe('the emulator HTTP server', () => {
  it('refuses a body over 1 MiB declared by Content-Length with 413, before reading it', async () => {
    const { url } = await start()
    const response = await send(url, {
      method: 'POST',
      path: '/graphql/v2',
      headers: { 'content-type': 'application/json', 'content-length': 2 * MiB },
      chunks: [Buffer.from('{"query":"')],
      end: false,
    })
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body)).toMatchObject({ code: 413 })
  })

  it('refuses a chunked body as soon as it passes 1 MiB with 413', async () => {
    const { url } = await start()
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 'a'))
    const response = await send(url, {
      method: 'POST',
      path: '/graphql/v2',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks,
      end: false,
    })
    expect(response.status).toBe(413)
    // The server is still fine afterwards.
    expect((await fetch(`${url}/api/v2/.well-known`)).status).toBe(200)
  })

  it('passes a body just under the limit to the engine', async () => {
    const { url } = await start()
    const query = `{ __typename } #${'x'.repeat(MiB - 200)}`
    const body = Buffer.from(JSON.stringify({ query }))
    expect(body.length).toBeLessThan(MiB)
    const response = await send(url, {
      method: 'POST',
      path: '/graphql/v2',
      headers: { 'content-type': 'application/json', 'content-length': body.length },
      chunks: [body],
    })
    expect(response.status).not.toBe(413)
  })

  it('answers a CORS preflight from a Vite dev server and marks real responses for it', async () => {
    const { url, emulator } = await start()
    const origin = 'http://localhost:5173'
    const preflight = await fetch(`${url}/graphql/v2`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-authing-app-id,authorization',
      },
    })
    expect(preflight.status).toBeLessThan(300)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-authing-app-id')

    const real = await fetch(`${url}/graphql/v2`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', 'x-authing-app-id': emulator.info().appId },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    expect(real.headers.get('access-control-allow-origin')).toBe(origin)
  })

  it('turns an engine failure into a 500 JSON answer and keeps serving', async () => {
    const server = await start()
    const spy = vi.spyOn(server.emulator, 'fetch').mockRejectedValueOnce(new Error('boom'))
    const failed = await fetch(`${server.url}/api/v2/.well-known`)
    expect(failed.status).toBe(500)
    expect(await failed.json()).toMatchObject({ code: 500 })
    spy.mockRestore()
    expect((await fetch(`${server.url}/api/v2/.well-known`)).status).toBe(200)
  })

  it('refuses a non-loopback host unless allowRemote', async () => {
    expect(isLoopbackHost('127.0.0.1') && isLoopbackHost('localhost') && isLoopbackHost('::1')).toBe(true)
    expect(isLoopbackHost('0.0.0.0') || isLoopbackHost('192.168.1.2') || isLoopbackHost('::')).toBe(false)
    const refused = await startEmulatorServer({ host: '0.0.0.0', port: 0 }).catch((e: unknown) => e)
    expect(isEmulatorServerError(refused) && refused.code).toBe('HOST_NOT_LOOPBACK')
    // With allowRemote the guard lets it through: this documentation address cannot be bound, so
    // the failure is now the operating system's, and nothing is ever exposed by the test.
    const allowed = await startEmulatorServer({ host: '192.0.2.1', port: 0, allowRemote: true, log: () => {} }).catch(
      (e: unknown) => e,
    )
    expect(isEmulatorServerError(allowed) && allowed.code).toBe('LISTEN_FAILED')
  })

  it('reports a port in use as PORT_IN_USE', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const error = await startEmulatorServer({ port, log: () => {} }).catch((e: unknown) => e)
      expect(isEmulatorServerError(error) && error.code).toBe('PORT_IN_USE')
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })
})
