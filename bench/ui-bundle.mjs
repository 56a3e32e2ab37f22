// What the ready-made UI costs an app: an app with the provider, <LoginForm /> and <UserProfile />
// (React Query included, every lazily loaded part counted), built like every bundle bench
// (bundleSize.mjs), next to @auth0/auth0-react's provider + hook app measured in the same run; the
// LoginForm's own chunk; and the example app's whole JS from its Vite production build, against a
// Vite build of a React page with no auth (so the difference is what authing-kit adds, app code included).
// Goal: everything authing-kit adds ≤ 80 KiB gzip.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

import { kib, measureBundles, renderApp } from './bundleSize.mjs'
import { printTable } from './lib.mjs'

const GOAL_KIB = 80
const root = fileURLToPath(new URL('..', import.meta.url))

/** @typedef {import('./bundleSize.mjs').Measurement} Measurement */
const [ours, auth0] = /** @type {[Measurement, Measurement]} */ (
  await measureBundles(
    {
      '@authing-kit/react + LoginForm + UserProfile': renderApp(
        `import { AuthingProvider, useAuth } from '@authing-kit/react'
import { LoginForm } from '@authing-kit/react/login-form'
import { UserProfile } from '@authing-kit/react/user-profile'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
function Page() { return useAuth((auth) => auth.status) === 'authenticated' ? <UserProfile /> : <LoginForm /> }`,
        `<QueryClientProvider client={new QueryClient()}><AuthingProvider appId="62a0f0a9c6b1c2a3d4e5f6a0" appHost="https://example.authing.cn"><Page /></AuthingProvider></QueryClientProvider>`,
      ),
      '@auth0/auth0-react (provider + hook, no UI)': renderApp(
        `import { Auth0Provider, useAuth0 } from '@auth0/auth0-react'
function Status() { return <p>{useAuth0().user?.nickname ?? 'anonymous'}</p> }`,
        `<Auth0Provider domain="example.auth0.com" clientId="client"><Status /></Auth0Provider>`,
      ),
    },
    { markers: ['LoginFormView', 'MfaStepView'] },
  )
)

/**
 * gzip bytes of every .js a Vite production build of `projectRoot` writes.
 * @param {string} projectRoot
 * @param {import('vite').InlineConfig} [options]
 */
async function viteJs(projectRoot, options = {}) {
  const { build } = await import('vite')
  const outDir = mkdtempSync(join(tmpdir(), 'authing-kit-vite-'))
  try {
    await build({ root: projectRoot, logLevel: 'error', build: { outDir, emptyOutDir: true }, ...options })
    const assets = join(outDir, 'assets')
    return readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file)), { level: 9 }).length, 0)
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

const example = await viteJs(join(root, 'examples/vite-react'), {
  configFile: join(root, 'examples/vite-react/vite.config.ts'),
})
const { default: react } = await import('@vitejs/plugin-react')
const plainReact = await viteJs(join(root, 'bench/reload-pages/no-auth'), { configFile: false, plugins: [react()] })
const added = example - plainReact

printTable(
  'UI bundle (gzip -9; react and react-dom not counted unless said)',
  ['what', 'KiB', 'goal'],
  [
    [`${ours.name}: initial`, kib(ours.initial), '—'],
    [
      `${ours.name}: everything, lazy parts included`,
      kib(ours.total),
      `≤ ${GOAL_KIB}: ${ours.total <= GOAL_KIB * 1024 ? 'ok' : 'MISSED'}`,
    ],
    ['  of which the LoginForm chunk', kib(ours.marked.LoginFormView ?? 0), '—'],
    ['  of which the MFA step chunk (loaded when a login meets it)', kib(ours.marked.MfaStepView ?? 0), '≤ 4'],
    [auth0.name, kib(auth0.total), '—'],
    ['example app, all JS (Vite build, react-dom included)', kib(example), '—'],
    [
      '  minus a React page with no auth (Vite build)',
      kib(added),
      `≤ ${GOAL_KIB}: ${added <= GOAL_KIB * 1024 ? 'ok' : 'MISSED'}`,
    ],
  ],
)
