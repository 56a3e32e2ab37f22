import { defineConfig } from 'tsdown'

/**
 * Built files that hold hooks or components start with 'use client' (everything under components/,
 * the login form's lazily loaded chunk included). The rest (the index, query
 * keys and options, the store) stay plain modules, so server code can call the helpers; a server
 * bundler follows the index's re-exports into the marked files on its own.
 */
export const CLIENT_MODULE =
  /^(AuthingProvider|context|useAuthingQueryClient|withAuthenticationRequired|(hooks|components)\/.+)\.js$/

export default defineConfig({
  entry: ['src/index.ts', 'src/queryKeys.ts', 'src/loginForm.ts', 'src/userProfile.ts'],
  format: ['esm'],
  unbundle: true,
  dts: true,
  sourcemap: true,
  platform: 'neutral',
  target: 'es2022',
  // rolldown's own per-chunk banner: tsdown 0.21's `banner` evaluates a function for the first chunk only.
  outputOptions: { banner: (chunk) => (CLIENT_MODULE.test(chunk.fileName) ? "'use client';" : '') },
})
