import type { StorybookConfig } from '@storybook/react-vite'
import { defaultClientConditions, mergeConfig } from 'vite'

const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.stories.tsx'],
  framework: '@storybook/react-vite',
  addons: ['@storybook/addon-vitest'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  // The stories run the workspace packages from their sources (their exports' first condition), so neither
  // Storybook nor its tests need a package build. Setting conditions replaces Vite's defaults: they are listed again.
  viteFinal: (vite) =>
    mergeConfig(vite, {
      resolve: {
        conditions: ['@authing-kit/source', ...defaultClientConditions],
        // The package sources import React and React Query from their own folders: one copy of each.
        dedupe: ['react', 'react-dom', '@tanstack/react-query'],
      },
    }),
}

export default config
