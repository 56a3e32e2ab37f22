import { fileURLToPath } from 'node:url'

import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium.mjs'

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const react18 = (name: string): string => src(`./compat/react18/node_modules/${name}`)
// The workspace packages resolve to their sources (their exports' first condition): tests need no build.
// Vitest adds its own default conditions to these; its node environment resolves as SSR.
const SOURCE = '@authing-kit/source'

export default defineConfig({
  resolve: { conditions: [SOURCE] },
  ssr: { resolve: { conditions: [SOURCE] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          env: { EXPECTED_REACT_MAJOR: '19' },
          include: ['packages/*/src/**/*.test.{ts,tsx}', 'scripts/__tests__/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // @authing-kit/react supports React 18 and 19: its tests run again on React 18, with the copies
        // of React Query, zustand and Testing Library whose `react` peer is React 18 (compat/react18).
        extends: true,
        resolve: {
          alias: {
            react: react18('react'),
            'react-dom': react18('react-dom'),
            '@tanstack/react-query': react18('@tanstack/react-query'),
            '@testing-library/react': react18('@testing-library/react'),
            '@testing-library/user-event': react18('@testing-library/user-event'),
            zustand: react18('zustand'),
          },
        },
        test: {
          name: 'react18',
          environment: 'node',
          env: { EXPECTED_REACT_MAJOR: '18' },
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
          exclude: ['packages/react/src/__tests__/browserBundle.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // Every story is a test: rendered in headless Chromium against its own in-browser emulator, then its play function.
        extends: true,
        plugins: [storybookTest({ configDir: src('./.storybook') })],
        test: {
          name: 'storybook',
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            instances: [{ browser: 'chromium' }],
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM_PATH,
                args: CHROMIUM_ARGS,
              },
            }),
          },
        },
      },
    ],
  },
})
