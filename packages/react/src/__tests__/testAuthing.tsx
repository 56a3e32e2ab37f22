/** Shared by the react tests: a real in-process emulator, and providers wired to it. */
import { AuthenticationClient, type FetchFunction, type TokenStore } from '@authing-kit/client'
import { createEmulator } from '@authing-kit/emulator'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, configure, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach } from 'vitest'

import { AuthingProvider, type AuthingProviderProps, type AuthState, useAuth, useLogin, useReturnTo } from '../index.js'

export const BOB_ID = '62a0f0a9c6b1c2a3d4e5f603'

/** waitFor / findBy options for what the emulator answers while polled: more than 1 s when every core is busy. */
export const WAIT = { timeout: 5000 }

// StrictMode at the root of every render: a <StrictMode> inside a wrapper component does not make
// React 19 run effects twice, and mounting twice is exactly what the provider must survive.
configure({ reactStrictMode: true })

afterEach(() => {
  cleanup()
  if (typeof localStorage !== 'undefined') localStorage.clear()
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
})

export interface ProviderProps {
  client?: AuthenticationClient
  /** Another application of the pool than the default one. */
  appId?: string
  rememberMe?: boolean
  autoRefresh?: boolean
  onError?: NonNullable<AuthingProviderProps['onError']>
  queryClient?: QueryClient
}

export async function startAuthing(emulatorOptions: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator({ passwordIterations: 1000, ...emulatorOptions })
  await emulator.ready()
  const info = emulator.info()
  /** GraphQL operation names and REST paths the providers sent, in order. */
  const requests: string[] = []
  /** The QR codes the providers drew and kept, oldest first. */
  const qrRandoms: string[] = []
  let offline = false
  let gate: Promise<void> | null = null

  const fetch: FetchFunction = async (input, init) => {
    const request = new Request(input, init)
    const { pathname } = new URL(request.url)
    const body = request.method === 'POST' ? await request.clone().text() : ''
    requests.push(pathname === '/graphql/v2' ? (/(?:query|mutation)\s+(\w+)/.exec(body)?.[1] ?? 'graphql') : pathname)
    // A dropped connection, as the browser reports it: the emulator cannot express that one.
    if (offline) throw new TypeError('Failed to fetch')
    if (gate) await gate
    const response = await emulator.fetch(request)
    // A code whose page gave up on it (StrictMode's first mount, a refresh) is not the one shown.
    if (pathname === '/api/v2/qrcode/gene' && response.ok && !request.signal.aborted)
      qrRandoms.push((await response.clone().json()).data.random)
    return response
  }

  const newQueryClient = () =>
    new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })

  /** A wrapper with a fresh QueryClient and a provider on the emulator (StrictMode comes from `configure`). */
  const wrapper = (props: ProviderProps = {}, queryClient: QueryClient | null = newQueryClient()) =>
    function Wrapper({ children }: { children?: ReactNode }) {
      const { appId = info.appId, ...shared } = props
      const provider = props.client ? (
        <AuthingProvider {...shared} client={props.client}>
          {children}
        </AuthingProvider>
      ) : (
        <AuthingProvider {...shared} appId={appId} appHost={info.appHost} fetch={fetch} client={undefined}>
          {children}
        </AuthingProvider>
      )
      return queryClient ? <QueryClientProvider client={queryClient}>{provider}</QueryClientProvider> : provider
    }

  /** Logs bob in as an earlier page load would have, leaving his session in `storage`. */
  const rememberBob = async (storage: TokenStore = localStorage) => {
    const client = new AuthenticationClient({
      appId: info.appId,
      appHost: info.appHost,
      fetch: emulator.fetch,
      tokenStore: storage,
    })
    return client.loginByUsername('bob', 'passw0rd')
  }

  const lastCode = (to: string): string => {
    const message = emulator.outbox({ to }).at(-1)
    if (!message) throw new Error(`no code was sent to ${to}`)
    return message.code
  }

  return {
    emulator,
    info,
    requests,
    qrRandoms,
    fetch,
    wrapper,
    newQueryClient,
    rememberBob,
    lastCode,
    tokenKey: `authing-kit:${info.appId}:token`,
    userKey: `authing-kit:${info.appId}:user`,
    setOffline: (value: boolean) => void (offline = value),
    /** Holds every request until the returned release is called (a slow network, to see pending states). */
    hold: () => {
      let release!: () => void
      gate = new Promise((resolve) => (release = resolve))
      return () => {
        gate = null
        release()
      }
    },
  }
}

/** A JWT with these claims and a junk signature (only the server could tell). */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`
}

/** Renders useAuth under `wrapper` and keeps every state it rendered, the first one included. */
export function renderAuth(wrapper: (props: { children?: ReactNode }) => ReactNode) {
  const seen: AuthState[] = []
  const hook = renderHook(
    () => {
      const auth = useAuth()
      seen.push(auth)
      return auth
    },
    { wrapper },
  )
  return { ...hook, seen }
}

/** A login page: logs bob in, then goes where `useReturnTo` says (`/home` when nothing was remembered). */
export function LoginPage({ navigate }: { navigate: (url: string) => void }) {
  const { login } = useLogin()
  const consumeReturnTo = useReturnTo()
  const logIn = async () => {
    await login('username', { username: 'bob', password: 'passw0rd' })
    navigate(consumeReturnTo('/home'))
  }
  return <button onClick={() => void logIn()}>log in</button>
}
