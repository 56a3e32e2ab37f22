import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

// The workspace packages are served from their sources (their exports' first condition), so `pnpm demo` needs
// no package build. An app installing them from npm needs none of this. Setting conditions replaces Vite's
// defaults: they are listed again.
export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ['@authing-kit/source', ...defaultClientConditions],
    // The package sources import React and React Query from their own folders: one copy of each.
    dedupe: ['react', 'react-dom', '@tanstack/react-query'],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})
