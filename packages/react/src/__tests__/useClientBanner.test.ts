// Builds the package (as `pnpm build` does, into a temporary folder) and reads the output.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'tsdown'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '../../tsdown.config.js'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
let outDir = ''

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'authing-kit-react-build-'))
  await build({ ...config, config: false, cwd: packageDir, outDir, dts: false, sourcemap: false, logLevel: 'silent' })
}, 60_000)

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true })
})

const read = (file: string) => readFileSync(join(outDir, file), 'utf8')
const startsWithUseClient = (file: string) => /^\s*["']use client["'];/.test(read(file))

describe('the built files', () => {
  it("start with 'use client' where they hold hooks or components", () => {
    const hooks = readdirSync(join(outDir, 'hooks')).filter((file) => file.endsWith('.js'))
    expect(hooks).toEqual(expect.arrayContaining(['useAuth.js', 'useLogin.js', 'useProfile.js']))
    for (const file of [
      'AuthingProvider.js',
      'context.js',
      'components/RequireAuth.js',
      'withAuthenticationRequired.js',
      ...hooks.map((hook) => `hooks/${hook}`),
    ]) {
      expect(startsWithUseClient(file), file).toBe(true)
    }
  })

  it("start with 'use client' in the login form, its lazily loaded view and each screen", () => {
    const views = readdirSync(join(outDir, 'components/LoginForm/views')).map(
      (file) => `components/LoginForm/views/${file}`,
    )
    expect(views).toEqual(
      expect.arrayContaining(
        ['PasswordView', 'CodeView', 'RegisterView', 'ForgotView'].map(
          (view) => `components/LoginForm/views/${view}.js`,
        ),
      ),
    )
    for (const file of ['components/LoginForm/LoginForm.js', 'components/LoginForm/LoginFormView.js', ...views]) {
      expect(startsWithUseClient(file), file).toBe(true)
    }
  })

  it('leave plain helpers unmarked, so server code can call them', () => {
    for (const file of ['index.js', 'queryKeys.js', 'store.js', 'returnTo.js'])
      expect(startsWithUseClient(file), file).toBe(false)
  })

  /** Every module a file loads up front (static imports, not `import()`), its own path included. */
  const staticGraph = (...entries: string[]) => {
    const reached = new Set<string>()
    const visit = (file: string) => {
      if (reached.has(file)) return
      reached.add(file)
      for (const [, spec] of read(file).matchAll(/from\s+["']([^"']+)["']/g)) {
        if (spec!.startsWith('.')) visit(join(file, '..', spec!).replace(/^\.\//, ''))
        else reached.add(spec!)
      }
    }
    for (const entry of entries) visit(entry)
    return reached
  }

  it('load the login form on demand: its own entry, reaching its view only through import()', () => {
    // Re-exported from the index, the form's modules would share a chunk with the index in apps
    // that never show it (esbuild's code splitting), so it has an entry of its own.
    expect([...staticGraph('index.js')].filter((file) => file.startsWith('components/LoginForm/'))).toEqual([])
    const reached = staticGraph('components/LoginForm/LoginForm.js')
    // The entry and the loader of the strings (each language a chunk, started beside the view's).
    const entry = ['components/LoginForm/LoginForm.js', 'components/LoginForm/i18n/messages.js']
    expect([...reached].filter((file) => file.startsWith('components/LoginForm/') && !entry.includes(file))).toEqual([])
    expect(read('components/LoginForm/LoginForm.js')).toMatch(/import\(["']\.\/LoginFormView\.js["']\)/)
    for (const lang of ['en-US', 'zh-CN'])
      expect(read('components/LoginForm/i18n/messages.js')).toContain(`import("./${lang}.js")`)
  })

  it('keep react-query out of the provider + useAuth path', () => {
    const reached = staticGraph('AuthingProvider.js', 'hooks/useAuth.js')
    expect([...reached].filter((module) => module.includes('react-query'))).toEqual([])
    expect(reached).toContain('@authing-kit/client')
  })
})
