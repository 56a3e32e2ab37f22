#!/usr/bin/env node
// Size budgets, checked on every test run: apps built from the packages' dist the way the bundle
// benches build them (esbuild, minified, ESM, code splitting, react/react-dom external, gzip -9).
// Writes .ci-summary/budgets.json for the closing summary; exits 1 when a budget is broken.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { kib, measureBundles, renderApp } from '../bench/bundleSize.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const IDS = 'appId="62a0f0a9c6b1c2a3d4e5f6a0" appHost="https://example.authing.cn"'
/** @param {string} children JSX */
const withQueryClient = (children) =>
  `<QueryClientProvider client={new QueryClient()}><AuthingProvider ${IDS}>${children}</AuthingProvider></QueryClientProvider>`

/** @typedef {import('../bench/bundleSize.mjs').Measurement} Measurement */
/** The strings of the form's default language, a chunk of their own loaded beside the form's. */
const FORM_LANGUAGE = 'LoginForm/i18n/zh-CN'
/** The LoginForm's step views (src/components/LoginForm/steps/), each loaded when a login meets its step. */
const STEP_VIEWS = ['MfaStepView', 'PasswordStepView', 'CompleteProfileView']
/**
 * Its other ways to sign in, each a chunk loaded when shown (src/components/LoginForm/methods/).
 * The client calls they make sit in the client's lazy chunk, which the form has loaded already
 * for its public config.
 */
const METHOD_VIEWS = {
  'QR tab': ['QrCodeView'],
  'social buttons': ['SocialButtons'],
  'passkey button': ['PasskeyButton', '@simplewebauthn/browser'],
}
const [providerApp, formApp, fullApp] = /** @type {[Measurement, Measurement, Measurement]} */ (
  await measureBundles(
    {
      'provider + useAuth': renderApp(
        `import { AuthingProvider, useAuth } from '@authing-kit/react'
function Status() { return <p>{useAuth((auth) => auth.user?.nickname) ?? 'anonymous'}</p> }`,
        `<AuthingProvider ${IDS}><Status /></AuthingProvider>`,
      ),
      'provider + LoginForm': renderApp(
        `import { AuthingProvider } from '@authing-kit/react'
import { LoginForm } from '@authing-kit/react/login-form'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'`,
        withQueryClient('<LoginForm />'),
      ),
      'provider + LoginForm + UserProfile': renderApp(
        `import { AuthingProvider, useAuth } from '@authing-kit/react'
import { LoginForm } from '@authing-kit/react/login-form'
import { UserProfile } from '@authing-kit/react/user-profile'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
function Page() { return useAuth((auth) => auth.status) === 'authenticated' ? <UserProfile /> : <LoginForm /> }`,
        withQueryClient('<Page />'),
      ),
    },
    { markers: ['LoginFormView', FORM_LANGUAGE, ...STEP_VIEWS, ...Object.values(METHOD_VIEWS).flat()] },
  )
)

const budgets = [
  { name: 'provider + useAuth, initial chunk', bytes: providerApp.initial, limitKiB: 15 },
  {
    name: 'LoginForm on screen (initial + form + language chunks)',
    bytes: formApp.initial + (formApp.marked.LoginFormView ?? Infinity) + (formApp.marked[FORM_LANGUAGE] ?? Infinity),
    limitKiB: 35,
  },
  // Each a chunk of its own, or its budget cannot be told apart from the form's.
  ...STEP_VIEWS.map((view) => ({ name: `${view} (lazy chunk)`, bytes: formApp.marked[view] ?? Infinity, limitKiB: 4 })),
  ...Object.entries(METHOD_VIEWS).map(([method, chunks]) => ({
    name: `${method} (${chunks.join(' + ')}, lazy)`,
    bytes: chunks.reduce((sum, chunk) => sum + (formApp.marked[chunk] ?? Infinity), 0),
    limitKiB: 6,
  })),
  { name: 'LoginForm, every method and step included', bytes: formApp.total, limitKiB: 90 },
  // 80 KiB before QR, social and passkey logins (issue 17 budgets the form with them at 90 KiB);
  // the profile adds its passkeys list and the browser's WebAuthn helper to the form's all-in.
  { name: 'LoginForm + UserProfile, every lazy part included', bytes: fullApp.total, limitKiB: 100 },
]
const rows = budgets.map((budget) => ({
  ...budget,
  kib: Number(kib(budget.bytes)),
  ok: budget.bytes <= budget.limitKiB * 1024,
}))

console.log('Bundle budgets (gzip; react and react-dom not counted)')
for (const row of rows)
  console.log(
    `  ${row.ok ? '✔' : '✘'} ${row.name.padEnd(52)} ${String(row.kib).padStart(5)} KiB  ≤ ${row.limitKiB} KiB`,
  )
mkdirSync(`${root}/.ci-summary`, { recursive: true })
writeFileSync(
  `${root}/.ci-summary/budgets.json`,
  JSON.stringify(
    rows.map(({ name, kib, limitKiB, ok }) => ({ name, kib, limitKiB, ok })),
    null,
    2,
  ),
)
if (rows.some((row) => !row.ok)) process.exit(1)
