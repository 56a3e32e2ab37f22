import type { FetchFunction } from '@authing-kit/client'

/**
 * How a story's network behaves. Everything Authing itself answers comes from the real emulator;
 * these are only the faults a server cannot express (a dropped connection, a hung socket) or that
 * come from the infrastructure in front of it (a rate-limiting gateway, a proxy's HTML error page).
 */
export type NetworkMode = 'online' | 'offline' | 'silent' | 'rateLimited' | 'badGateway'

export interface StoryNetwork {
  /** The fetch the story's provider uses. */
  readonly fetch: FetchFunction
  /** Holds every request until the returned release is called (a slow network, to see pending states). */
  hold(): () => void
}

/** Seconds a rate-limited answer asks the caller to wait. */
export const RETRY_AFTER_SECONDS = 30

export function createStoryNetwork(server: FetchFunction, mode: NetworkMode = 'online'): StoryNetwork {
  let gate: Promise<void> | null = null

  const fetch: FetchFunction = async (input, init) => {
    if (mode === 'offline') throw new TypeError('Failed to fetch')
    if (mode === 'silent') return never(init?.signal)
    if (mode === 'rateLimited') {
      return new Response(JSON.stringify({ message: 'Too Many Requests' }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': String(RETRY_AFTER_SECONDS) },
      })
    }
    if (mode === 'badGateway') {
      return new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      })
    }
    if (gate) await gate
    return server(input, init)
  }

  return {
    fetch,
    hold() {
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      gate = held
      return () => {
        if (gate === held) gate = null
        release()
      }
    },
  }
}

/** An answer that never comes; it lets go only when the caller aborts, as a real fetch would. */
function never(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}
