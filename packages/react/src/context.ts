import { AuthingError } from '@authing-kit/client'
import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'

import type { AuthingRuntime } from './runtime.js'

export interface AuthingContextValue {
  readonly runtime: AuthingRuntime
  /** The app's QueryClient given to the provider, if any. */
  readonly queryClient: QueryClient | undefined
  /** Whether a login without its own `rememberMe` is remembered across browser sessions. */
  readonly rememberMe: boolean
}

export const AuthingContext = createContext<AuthingContextValue | null>(null)
AuthingContext.displayName = 'AuthingContext'

/** The nearest provider's runtime; throws, saying how to fix it, outside one. */
export function useAuthingContext(hookName: string): AuthingContextValue {
  const value = useContext(AuthingContext)
  if (!value) {
    throw new AuthingError(
      'config',
      `${hookName} must be used inside <AuthingProvider>. Wrap your app in <AuthingProvider appId="…" appHost="…"> (or <AuthingProvider client={authing}>).`,
    )
  }
  return value
}
