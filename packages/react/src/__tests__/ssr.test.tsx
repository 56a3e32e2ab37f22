// A server render: no window, no document, no storage.
import { createEmulator } from '@authing-kit/emulator'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { AuthingProvider, RequireAuth, useAuth, useProfile, withAuthenticationRequired } from '../index.js'
import { authingQueryKeys } from '../queryKeys.js'

function Status() {
  const { status, user } = useAuth()
  const { profile } = useProfile()
  return (
    <p>
      {status}:{user?.username ?? 'nobody'}:{profile?.username ?? 'no profile'}
    </p>
  )
}

describe('server rendering', () => {
  it('renders the provider and its hooks on a server as loading, without touching window', async () => {
    expect(typeof window).toBe('undefined')
    const emulator = createEmulator({ passwordIterations: 1000 })
    const { appId, appHost } = emulator.info()
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <AuthingProvider appId={appId} appHost={appHost} fetch={emulator.fetch}>
          <Status />
        </AuthingProvider>
      </QueryClientProvider>,
    )
    expect(html).toBe('<p>loading<!-- -->:<!-- -->nobody<!-- -->:<!-- -->no profile</p>')
  })

  it('renders with no QueryClient of the app at all', () => {
    const html = renderToString(
      <AuthingProvider appId="app" appHost="https://example.authing.cn">
        <Status />
      </AuthingProvider>,
    )
    expect(html).toContain('loading')
  })

  it('renders the fallback of <RequireAuth> and withAuthenticationRequired, never the guarded page nor a redirect', () => {
    const Guarded = withAuthenticationRequired(() => <p>secret</p>, { fallback: <p>wait</p>, redirectTo: '/login' })
    const html = renderToString(
      <AuthingProvider appId="app" appHost="https://example.authing.cn">
        <RequireAuth fallback={<p>loading page</p>} redirectTo="/login">
          <p>secret</p>
        </RequireAuth>
        <Guarded />
      </AuthingProvider>,
    )
    expect(html).toBe('<p>loading page</p><p>wait</p>')
  })

  it('keeps the query keys callable from server code', () => {
    expect(authingQueryKeys.profile('u1')).toEqual(['authing', 'user', 'u1', 'profile'])
  })
})
