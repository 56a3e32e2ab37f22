import { AuthenticationClient, createMemoryStore, type User } from '@authing-kit/client'
import {
  createEmulator,
  defaultSeed,
  type Emulator,
  type EmulatorInfo,
  type EmulatorOptions,
  type SeedDocument,
} from '@authing-kit/emulator'

import { createStoryNetwork, type NetworkMode, type StoryNetwork } from './storyNetwork.js'

/** What a story asks of its Authing, under `parameters.authing`. */
export interface AuthingStoryParameters {
  /** Emulator options on top of the story defaults (cheap password hashing). */
  emulator?: EmulatorOptions
  /** Defaults to `online`: every answer comes from the emulator. */
  network?: NetworkMode
  /** Start logged in as bob, remembered the way an earlier visit would have left him. */
  loggedIn?: boolean
  /** Wrong passwords tried for bob before the story starts (the emulator locks him after 5). */
  failedLogins?: number
  /** The client's timeout in ms. Defaults to the client's own. */
  timeout?: number
}

/** One story's own Authing: a fresh emulator (state never leaks between stories) and the network to it. */
export interface StoryAuthing {
  /** Tells providers of different stories apart, so none is reused across stories. */
  readonly id: number
  readonly emulator: Emulator
  readonly info: EmulatorInfo
  readonly network: StoryNetwork
  readonly timeout: number | undefined
  /** The last code sent to this phone or email: what the user would read on their phone. */
  lastCode(to: string): string
  /** Logs in from another device, straight to the emulator: what the server now holds for that user. */
  loginElsewhere(username: string, password: string): Promise<User>
  /** Moves the emulator's clock forward (codes and tokens expire); the page's own timers are untouched. */
  advanceClock(ms: number): void
  /** The id (`random`) of the QR code the page drew last: what the phone would scan. */
  lastQrCode(): string
}

/** waitFor options for anything the emulator answers: key generation, PBKDF2 and RSA in a busy browser take more than waitFor's 1 s. */
export const ANSWER_WAIT = { timeout: 10_000 }

let stories = 0

export async function createStoryAuthing(parameters: AuthingStoryParameters = {}): Promise<StoryAuthing> {
  let skew = 0
  const emulator = createEmulator({
    passwordIterations: 1000,
    now: () => Date.now() + skew,
    seed: storySeed(),
    ...parameters.emulator,
  })
  await emulator.ready()
  const info = emulator.info()
  // All stories share one page and one app id: a session left by the previous story would be restored.
  forgetSessions()
  const client = (tokenStore = createMemoryStore()) =>
    new AuthenticationClient({ appId: info.appId, appHost: info.appHost, fetch: emulator.fetch, tokenStore })
  for (let attempt = 0; attempt < (parameters.failedLogins ?? 0); attempt++) {
    await client()
      .loginByUsername('bob', `wrong-password-${attempt}`)
      .catch(() => undefined)
  }
  if (parameters.loggedIn) await client(localStorage).loginByUsername('bob', 'passw0rd')

  return {
    id: ++stories,
    emulator,
    info,
    network: createStoryNetwork(emulator.fetch, parameters.network),
    timeout: parameters.timeout,
    lastCode(to) {
      const message = emulator.outbox({ to }).at(-1)
      if (!message) throw new Error(`no code was sent to ${to}`)
      return message.code
    },
    loginElsewhere: (username, password) => client().loginByUsername(username, password),
    advanceClock: (ms) => void (skew += ms),
    lastQrCode() {
      const random = Object.keys(emulator.store.snapshot().tables.qrcodes ?? {}).at(-1)
      if (!random) throw new Error('the page drew no QR code')
      return random
    },
  }
}

/**
 * The default seed, with a photo for bob that Storybook itself serves (public/bob.svg): the emulator's
 * default avatar lives on its HTTP server, which the stories do without.
 */
function storySeed(): SeedDocument {
  const photo = new URL('bob.svg', document.baseURI).href
  return {
    ...defaultSeed,
    users: (defaultSeed.users ?? []).map((user) => (user.username === 'bob' ? { ...user, photo } : user)),
  }
}

function forgetSessions(): void {
  for (const storage of [localStorage, sessionStorage]) {
    const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index))
    for (const key of keys) if (key?.startsWith('authing-kit:')) storage.removeItem(key)
  }
}

/** A story's `parameters` asking for this Authing. */
export const authingParameters = (authing: AuthingStoryParameters): { authing: AuthingStoryParameters } => ({ authing })

/** The loader every story runs (see preview.ts): builds the story's Authing before it renders. */
export async function loadAuthing(context: {
  parameters: { authing?: AuthingStoryParameters }
}): Promise<{ authing: StoryAuthing }> {
  return { authing: await createStoryAuthing(context.parameters.authing) }
}

/** The story's Authing, for decorators and play functions. */
export function authingOf(context: { loaded: Record<string, unknown> }): StoryAuthing {
  const authing = context.loaded['authing']
  if (!authing)
    throw new Error('This story has no Authing: is the loadAuthing loader of .storybook/preview.ts in place?')
  return authing as StoryAuthing
}
