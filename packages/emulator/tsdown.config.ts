import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node/index.ts', cli: 'src/node/cli.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  platform: 'node',
  target: 'es2022',
  fixedExtension: false,
})
