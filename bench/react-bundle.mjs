// Bundle size of an app entry that renders the provider and reads the session with the auth hook,
// built the same way for @authing-kit/react and its peers: esbuild, minified, ESM for the browser,
// code splitting (lazy chunks apart from the initial one), react and react-dom external, everything
// else counted. Goal: initial ≤ 15 KiB gzip and below every peer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { printTable } from './lib.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const GOAL_KIB = 15

const render = (imports, app) => `import { createRoot } from 'react-dom/client'
${imports}
createRoot(document.getElementById('root')).render(${app})
`
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

const workDir = mkdtempSync(join(tmpdir(), 'authing-kit-bench-bundle-'))
const kib = (bytes) => (bytes / 1024).toFixed(1)

/** Builds one app; returns the gzip sizes of its initial chunks and of all chunks, and where each package landed. */
async function measure(name, source) {
  const dir = join(workDir, name.replace(/[@/]/g, '_'))
  const entry = `${dir}.jsx`
  writeFileSync(entry, source)
  const { metafile } = await build({
    entryPoints: [entry],
    outdir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    jsx: 'automatic',
    external: ['react', 'react-dom'],
    // The entries live in a temporary folder: packages resolve from the repository.
    absWorkingDir: root,
    nodePaths: [join(root, 'node_modules')],
    alias: { '@authing-kit/react': './packages/react/dist/index.js' },
    metafile: true,
    logLevel: 'error',
  })
  const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'))
  const gzip = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length
  const initial = new Set()
  const visit = (file) => {
    if (initial.has(file)) return
    initial.add(file)
    for (const { path, kind } of metafile.outputs[file].imports) if (kind === 'import-statement' && metafile.outputs[path]) visit(path)
  }
  visit(outputs.find(([, output]) => output.entryPoint)[0])
  const packagesIn = (files) => new Set(files.flatMap((file) => Object.keys(metafile.outputs[file].inputs).map(packageOf)))
  return {
    name,
    initial: [...initial].reduce((sum, file) => sum + gzip(file), 0),
    total: outputs.reduce((sum, [file]) => sum + gzip(file), 0),
    chunks: outputs.length,
    initialPackages: packagesIn([...initial]),
    lazyPackages: packagesIn(outputs.map(([file]) => file).filter((file) => !initial.has(file))),
  }
}

function packageOf(input) {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input)
  if (match) return match[1]
  const own = /packages\/([^/]+)\//.exec(input)
  return own ? `@authing-kit/${own[1]}` : '(app)'
}

try {
  const results = []
  for (const [name, source] of Object.entries(apps)) results.push(await measure(name, source))
  const [ours, ...peers] = results
  const smallestPeer = Math.min(...peers.map((peer) => peer.initial))
  printTable('React: app bundle, provider + auth hook (esbuild minify, ESM, splitting, react/react-dom external; gzip -9)', ['library', 'initial KiB', 'total KiB', 'chunks', 'goal'], [
    ...results.map((result) => [
      result.name,
      kib(result.initial),
      kib(result.total),
      result.chunks,
      result === ours ? `≤ ${GOAL_KIB} and < ${kib(smallestPeer)}: ${result.initial <= GOAL_KIB * 1024 && result.initial < smallestPeer ? 'ok' : 'MISSED'}` : '—',
    ]),
  ])
  const where = (pkg) => (ours.initialPackages.has(pkg) ? 'initial' : ours.lazyPackages.has(pkg) ? 'lazy' : 'absent')
  printTable('@authing-kit/react app: where the heavy dependencies land', ['package', 'chunk'], [
    ...['@tanstack/react-query', 'node-forge', 'graphql-request', 'graphql', 'zustand', '@authing-kit/client'].map((pkg) => [pkg, where(pkg)]),
  ])
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
