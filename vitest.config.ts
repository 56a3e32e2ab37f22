import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      '@authing-kit/emulator/node': src('./packages/emulator/src/node/index.ts'),
      '@authing-kit/emulator': src('./packages/emulator/src/index.ts'),
      '@authing-kit/client/management': src('./packages/client/src/management.ts'),
      '@authing-kit/client': src('./packages/client/src/index.ts'),
      '@authing-kit/react/login-form': src('./packages/react/src/loginForm.ts'),
      '@authing-kit/react/user-profile': src('./packages/react/src/userProfile.ts'),
      '@authing-kit/react/queryKeys': src('./packages/react/src/queryKeys.ts'),
      '@authing-kit/react': src('./packages/react/src/index.ts'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/src/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
    ],
  },
})
