import type { StorybookConfig } from '@storybook/react-vite'
import { fileURLToPath } from 'node:url'
import { mergeConfig } from 'vite'

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.stories.tsx'],
  framework: '@storybook/react-vite',
  addons: ['@storybook/addon-vitest'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  // The stories run the workspace packages from their sources, so neither Storybook nor its tests need a package build.
  viteFinal: (vite) =>
    mergeConfig(vite, {
      resolve: {
        alias: {
          '@authing-kit/emulator': src('../packages/emulator/src/index.ts'),
          '@authing-kit/client': src('../packages/client/src/index.ts'),
          '@authing-kit/react/login-form': src('../packages/react/src/loginForm.ts'),
          '@authing-kit/react/user-profile': src('../packages/react/src/userProfile.ts'),
          '@authing-kit/react/queryKeys': src('../packages/react/src/queryKeys.ts'),
          '@authing-kit/react': src('../packages/react/src/index.ts'),
        },
        // The package sources import React and React Query from their own folders: one copy of each.
        dedupe: ['react', 'react-dom', '@tanstack/react-query'],
      },
    }),
}

export default config
