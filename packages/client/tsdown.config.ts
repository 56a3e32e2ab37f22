import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/management.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  platform: 'neutral',
  target: 'es2022',
})
