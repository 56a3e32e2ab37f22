// Bundle size of an app entry that renders the provider and reads the session with the auth hook,
// built the same way for @authing-kit/react and its peers: esbuild, minified, ESM for the browser,
// code splitting (lazy chunks apart from the initial one), react and react-dom external, everything
// else counted. Goal: initial ≤ 15 KiB gzip and below every peer.
import { kib, measureBundles, renderApp } from './bundleSize.mjs'
import { printTable } from './lib.mjs'

const GOAL_KIB = 15

const render = renderApp
const apps = {
  '@authing-kit/react': render(
    `import { AuthingProvider, useAuth } from '@authing-kit/react'
function Status() {
  const nickname = useAuth((auth) => auth.user?.nickname)
  return <p>{nickname ?? 'anonymous'}</p>
}`,
    `<AuthingProvider appId="62a0f0a9c6b1c2a3d4e5f6a0" appHost="https://example.authing.cn"><Status /></AuthingProvider>`,
  ),
  '@auth0/auth0-react': render(
    `import { Auth0Provider, useAuth0 } from '@auth0/auth0-react'
function Status() {
  const { user } = useAuth0()
  return <p>{user?.nickname ?? 'anonymous'}</p>
}`,
    `<Auth0Provider domain="example.auth0.com" clientId="client"><Status /></Auth0Provider>`,
  ),
  'react-oidc-context': render(
    `import { AuthProvider, useAuth } from 'react-oidc-context'
function Status() {
  const auth = useAuth()
  return <p>{auth.user?.profile.nickname ?? 'anonymous'}</p>
}`,
    `<AuthProvider authority="https://example.com" client_id="client" redirect_uri="https://app.example.com/"><Status /></AuthProvider>`,
  ),
}

{
  const results = await measureBundles(apps)
  /** @typedef {import('./bundleSize.mjs').Measurement} Measurement */
  const [ours, ...peers] = /** @type {[Measurement, ...Measurement[]]} */ (results)
  const smallestPeer = Math.min(...peers.map((peer) => peer.initial))
  printTable(
    'React: app bundle, provider + auth hook (esbuild minify, ESM, splitting, react/react-dom external; gzip -9)',
    ['library', 'initial KiB', 'total KiB', 'chunks', 'goal'],
    [
      ...results.map((result) => [
        result.name,
        kib(result.initial),
        kib(result.total),
        result.chunks,
        result === ours
          ? `≤ ${GOAL_KIB} and < ${kib(smallestPeer)}: ${result.initial <= GOAL_KIB * 1024 && result.initial < smallestPeer ? 'ok' : 'MISSED'}`
          : '—',
      ]),
    ],
  )
  /** @param {string} pkg */
  const where = (pkg) => (ours.initialPackages.has(pkg) ? 'initial' : ours.lazyPackages.has(pkg) ? 'lazy' : 'absent')
  printTable(
    '@authing-kit/react app: where the heavy dependencies land',
    ['package', 'chunk'],
    [
      ...['@tanstack/react-query', 'node-forge', 'graphql-request', 'graphql', 'zustand', '@authing-kit/client'].map(
        (pkg) => [pkg, where(pkg)],
      ),
    ],
  )
}
