/** Shared by the client tests: a real in-process emulator and clients wired to it. */
import { createEmulator, type EmulatorOptions } from '@authing-kit/emulator'

import { AuthenticationClient, type AuthenticationClientOptions, createMemoryStore } from '../index.js'
import type { FetchFunction } from '../transport/send.js'

export interface RecordedRequest {
  url: string
  method: string
  headers: Headers
  body: string
}

export async function startEmulator(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ passwordIterations: 1000, ...options })
  await emulator.ready()
  const info = emulator.info()
  const requests: RecordedRequest[] = []

  /** The emulator's fetch, recording every request the client sends. */
  const recordingFetch: FetchFunction = async (input, init) => {
    const request = new Request(input, init)
    requests.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.clone().text(),
    })
    return emulator.fetch(request)
  }

  const client = (options: Partial<AuthenticationClientOptions> = {}) =>
    new AuthenticationClient({
      appId: info.appId,
      appHost: info.appHost,
      fetch: recordingFetch,
      tokenStore: createMemoryStore(),
      ...options,
    })

  /** A client logged in as the demo user bob. */
  const bob = async (options: Partial<AuthenticationClientOptions> = {}) => {
    const authing = client(options)
    await authing.loginByUsername('bob', 'passw0rd')
    return authing
  }

  /** The last code the emulator "sent" to a phone or email. */
  const lastCode = (to: string): string => {
    const message = emulator.outbox({ to }).at(-1)
    if (!message) throw new Error(`no code was sent to ${to}`)
    return message.code
  }

  return { emulator, info, requests, recordingFetch, client, bob, lastCode }
}

export const BOB_ID = '62a0f0a9c6b1c2a3d4e5f603'
