// Bundles an app that uses @authing-kit/react for the browser — the client and every lazy chunk
// included — and checks that the administrator's code (and its secret exchange) never ships.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'tsdown'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repositoryModules = fileURLToPath(new URL('../../../../node_modules', import.meta.url))
let workDir = ''
let bundle = ''

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'authing-kit-browser-bundle-'))
  const entry = join(workDir, 'app.ts')
  writeFileSync(
    entry,
    `import * as react from '@authing-kit/react'\nimport * as client from '@authing-kit/client'\nconsole.log(react, client)\n`,
  )
  await build({
    config: false,
    entry: [entry],
    outDir: join(workDir, 'out'),
    platform: 'browser',
    format: 'esm',
    dts: false,
    sourcemap: false,
    logLevel: 'silent',
    // The app lives in a temporary folder: the packages resolve from the repository, to their sources.
    inputOptions: {
      resolve: {
        modules: ['node_modules', repositoryModules],
        conditionNames: ['@authing-kit/source', 'import', 'browser', 'default'],
      },
    },
    // node-forge is third-party and holds nothing of ours; the app build (Vite) bundles it.
    external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^node-forge/],
    noExternal: [/^@authing-kit\//, /^zustand/, /^graphql/],
  })
  const out = join(workDir, 'out')
  bundle = readdirSync(out, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.js') || file.endsWith('.mjs'))
    .map((file) => readFileSync(join(out, file), 'utf8'))
    .join('\n')
}, 120_000)

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true })
})

describe('a browser bundle of @authing-kit/react', () => {
  it('holds the end-user client, its lazy parts included', () => {
    expect(bundle).toContain('loginByUsername')
    // The password encryption, a lazily loaded chunk.
    expect(bundle).toContain('The password is too long')
  })

  it('holds no management code and no secret exchange', () => {
    for (const marker of [
      'ManagementClient',
      'accessToken(userPoolId',
      'createUser(userInfo',
      'getUserGroups',
      '/api/v2/resource-namespace',
    ]) {
      expect(bundle, marker).not.toContain(marker)
    }
  })
})
