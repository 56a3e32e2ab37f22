// Shared by the React benches: a jsdom page as the global browser, React from @authing-kit/react's
// own dependencies (one React instance for the app and the library), the built @authing-kit/react,
// and an in-process emulator whose requests are recorded.
import { createRequire } from 'node:module'

import { AuthenticationClient } from '@authing-kit/client'
import { createEmulator } from '@authing-kit/emulator'

const { JSDOM } = createRequire(import.meta.url)('jsdom')
const dom = new JSDOM('<!doctype html><div id="root"></div>', { url: 'https://app.example.com/' })
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis))
    Object.defineProperty(globalThis, key, { configurable: true, writable: true, value: dom.window[key] })
}
for (const key of ['window', 'document', 'navigator', 'localStorage', 'sessionStorage']) {
  Object.defineProperty(globalThis, key, { configurable: true, writable: true, value: dom.window[key] })
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const fromReactPackage = createRequire(new URL('../packages/react/package.json', import.meta.url))
export const React = fromReactPackage('react')
export const { createRoot } = fromReactPackage('react-dom/client')
export const { QueryClient, QueryClientProvider } = fromReactPackage('@tanstack/react-query')
export const kit = await import('@authing-kit/react')
export const h = React.createElement

/** An emulator (cheap password hashing: these benches count renders and requests, not time). */
export async function startAuthing() {
  const emulator = createEmulator({ passwordIterations: 1000 })
  await emulator.ready()
  const { appId, appHost, demoUser } = emulator.info()
  if (!demoUser) throw new Error('the default seed has no demo user')
  /** @type {string[]} GraphQL operation names and REST paths the provider sent, in order. */
  const requests = []
  /** @type {typeof globalThis.fetch} */
  const fetch = async (input, init) => {
    const request = new Request(input, init)
    const { pathname } = new URL(request.url)
    const body = request.method === 'POST' ? await request.clone().text() : ''
    requests.push(pathname === '/graphql/v2' ? (/(?:query|mutation)\s+(\w+)/.exec(body)?.[1] ?? 'graphql') : pathname)
    return emulator.fetch(request)
  }
  /** Logs the demo user in as an earlier page load would have: the session is in localStorage. */
  const rememberUser = () =>
    new AuthenticationClient({ appId, appHost, fetch: emulator.fetch, tokenStore: localStorage }).loginByUsername(
      demoUser.username,
      demoUser.password,
    )
  /** @param {unknown} children */
  const provider = (children) => h(kit.AuthingProvider, { appId, appHost, fetch }, children)
  return { emulator, appId, requests, rememberUser, provider }
}

/**
 * Mounts `element` into a fresh root inside act(), so effects and their first updates have run.
 * @param {unknown} element
 */
export async function mount(element) {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  await React.act(async () => root.render(element))
  return {
    container,
    unmount: async () => {
      await React.act(async () => root.unmount())
      container.remove()
      localStorage.clear()
      sessionStorage.clear()
    },
  }
}

/** Lets pending requests and the renders they cause finish. */
export async function settle(ms = 50) {
  await React.act(() => new Promise((resolve) => setTimeout(resolve, ms)))
}
