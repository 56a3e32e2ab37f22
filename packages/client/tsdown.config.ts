import { fileURLToPath } from 'node:url'

import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/management.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  platform: 'neutral',
  target: 'es2022',
  // graphql-request is bundled in, on a stub of the three `graphql` names it imports and never
  // calls for our documents (src/transport/graphqlStub.ts), so apps do not ship graphql's parser.
  deps: { alwaysBundle: ['graphql-request', 'graphql'] },
  alias: { graphql: fileURLToPath(new URL('./src/transport/graphqlStub.ts', import.meta.url)) },
})
