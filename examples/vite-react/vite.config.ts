import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

// The workspace packages are served from their sources, so `pnpm demo` needs no package build.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@authing-kit/client/management': src('../../packages/client/src/management.ts'),
      '@authing-kit/client': src('../../packages/client/src/index.ts'),
      '@authing-kit/react/login-form': src('../../packages/react/src/loginForm.ts'),
      '@authing-kit/react/queryKeys': src('../../packages/react/src/queryKeys.ts'),
      '@authing-kit/react/user-profile': src('../../packages/react/src/userProfile.ts'),
      '@authing-kit/react': src('../../packages/react/src/index.ts'),
    },
    // The package sources import React and React Query from their own folders: one copy of each.
    dedupe: ['react', 'react-dom', '@tanstack/react-query'],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})
