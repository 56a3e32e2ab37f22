// @vitest-environment jsdom
import { act } from '@testing-library/react'
import { StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { AuthingProvider, useAuth } from '../index.js'
import { startAuthing } from './testAuthing.js'

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

function Status() {
  const status = useAuth((auth) => auth.status)
  const name = useAuth((auth) => auth.user?.username ?? 'nobody')
  return (
    <p>
      {status}/{name}
    </p>
  )
}

describe('hydration', () => {
  for (const remembered of [true, false]) {
    it(`hydrates the server's loading state without warnings, then shows the ${remembered ? 'restored' : 'anonymous'} session`, async () => {
      const authing = await startAuthing()
      const app = (
        <StrictMode>
          <AuthingProvider appId={authing.info.appId} appHost={authing.info.appHost} fetch={authing.fetch}>
            <Status />
          </AuthingProvider>
        </StrictMode>
      )
      // The server had no session: its HTML says loading.
      const container = document.createElement('div')
      container.innerHTML = renderToString(app)
      document.body.append(container)
      expect(container.textContent).toBe('loading/nobody')
      if (remembered) await authing.rememberBob()

      const errors = vi.spyOn(console, 'error')
      const recoverable = vi.fn()
      let root!: ReturnType<typeof hydrateRoot>
      await act(async () => {
        root = hydrateRoot(container, app, { onRecoverableError: recoverable })
      })
      expect(container.textContent).toBe(remembered ? 'authenticated/bob' : 'anonymous/nobody')
      expect(errors).not.toHaveBeenCalled()
      expect(recoverable).not.toHaveBeenCalled()
      act(() => root.unmount())
    })
  }
})
