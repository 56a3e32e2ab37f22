/**
 * Faults the emulator cannot produce (dead networks, proxies, hung sockets) are injected by wrapping
 * the real in-process emulator's fetch: every answer that is not the fault is still Authing's protocol.
 */
import { vi } from 'vitest'

import { type AuthenticationClientOptions, type AuthingError, createMemoryStore, isAuthingError } from '../index.js'
import type { FetchFunction } from '../transport/send.js'
import { startEmulator } from './testEmulator.js'

/** A fault decides, per request, whether to answer itself (a Response, a rejection) or let the emulator answer. */
export type Fault = (request: Request) => Promise<Response> | undefined

export const GRAPHQL = '/graphql/v2'
export const WELL_KNOWN = '/api/v2/.well-known'

/**
 * The emulator behind a switchable fault. Every request sent, faulty or not, is recorded: its path
 * in `paths`, its body in `bodies`, the whole of it in `requests`.
 */
export async function faultySetup(emulatorOptions: Parameters<typeof startEmulator>[0] = {}) {
  const setup = await startEmulator(emulatorOptions)
  const paths: string[] = []
  const bodies: string[] = []
  let fault: Fault | undefined
  const fetch: FetchFunction = async (input, init) => {
    const request = new Request(input, init)
    const body = await request.clone().text()
    paths.push(new URL(request.url).pathname)
    bodies.push(body)
    setup.requests.push({ url: request.url, method: request.method, headers: request.headers, body })
    return fault?.(request) ?? setup.emulator.fetch(request)
  }
  const onError = vi.fn<NonNullable<AuthenticationClientOptions['onError']>>()
  const store = createMemoryStore()
  const client = (options: Partial<AuthenticationClientOptions> = {}) =>
    setup.client({ fetch, onError, tokenStore: store, ...options })
  return {
    ...setup,
    fetch,
    paths,
    bodies,
    onError,
    store,
    client,
    setFault: (next: Fault | undefined) => void (fault = next),
    tokenKey: `authing-kit:${setup.info.appId}:token`,
    userKey: `authing-kit:${setup.info.appId}:user`,
  }
}

/** Faults keyed by the request path they hit; other paths reach the emulator. */
export const on =
  (path: string, fault: (request: Request) => Promise<Response>): Fault =>
  (request) =>
    new URL(request.url).pathname === path ? fault(request) : undefined

/** fetch as it fails when the network is down. */
export const offline = () =>
  Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') }))

/** A server that never answers, but lets go when the request's signal fires, as fetch does. */
export const hang = (request: Request) =>
  new Promise<Response>((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true })
  })

/** Headers arrive, then the body stalls until the request is aborted. */
export const hangAfterHeaders = (request: Request) =>
  Promise.resolve(
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":'))
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason), { once: true })
        },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    ),
  )

/** Always this answer. */
export const answer = (body: string, init: ResponseInit) => () => Promise.resolve(new Response(body, init))

export const JSON_200 = { status: 200, headers: { 'content-type': 'application/json' } }

export const BAD_GATEWAY_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'

/** The AuthingError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<AuthingError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`)
  if (!isAuthingError(outcome.error)) throw new Error(`expected an AuthingError, got ${String(outcome.error)}`)
  return outcome.error
}
