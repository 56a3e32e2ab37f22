import { build } from 'esbuild'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const dir = '/tmp/ak-out'
const entry = join(process.cwd(), 'bench/.tmp-entry.jsx')
writeFileSync(entry, `import { AuthingProvider } from '@authing-kit/react'
import { LoginForm } from '@authing-kit/react/login-form'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
createRoot(document.body).render(<QueryClientProvider client={new QueryClient()}><AuthingProvider appId="x"><LoginForm /></AuthingProvider></QueryClientProvider>)`)
const { metafile } = await build({ entryPoints: [entry], outdir: dir, bundle: true, minify: true, format: 'esm', platform: 'browser', splitting: true, jsx: 'automatic', metafile: true, write: true, external: ['react', 'react-dom', 'react/*', 'react-dom/*'] })
for (const [out, o] of Object.entries(metafile.outputs)) {
  console.log(out.split('/').pop(), o.bytes, o.entryPoint ?? '', 'imports:', o.imports.filter(i=>i.kind==='import-statement').map(i=>i.path.split('/').pop()).join(','))
  for (const [inp, v] of Object.entries(o.inputs)) if (inp.includes('authing-kit') || inp.includes('packages/')) console.log('   ', inp.replace(/.*packages\//,''), v.bytesInOutput)
}
