import { mkdtempSync,readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

import { build } from 'esbuild'
const root = process.cwd()
const dir = mkdtempSync(join(tmpdir(), 'chunks-'))
writeFileSync(join(dir, 'app.jsx'), `import { createRoot } from 'react-dom/client'
import { AuthingProvider, useAuth } from '@authing-kit/react'
function Status() { return <p>{useAuth((auth) => auth.user?.nickname) ?? 'anonymous'}</p> }
createRoot(document.body).render(<AuthingProvider appId="a" appHost="https://x.cn"><Status /></AuthingProvider>)`)
const { metafile } = await build({ entryPoints: [join(dir, 'app.jsx')], outdir: join(dir, 'out'), bundle: true, minify: true, format: 'esm', splitting: true, jsx: 'automatic', external: ['react', 'react-dom'], absWorkingDir: root, nodePaths: [join(root, 'node_modules'), join(root, 'packages/react/node_modules')], metafile: true, logLevel: 'error' })
for (const [file, out] of Object.entries(metafile.outputs)) {
  if (!file.endsWith('.js')) continue
  const gz = gzipSync(readFileSync(join(root, file)), { level: 9 }).length
  const top = Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 12).map(([k, v]) => `${k.replace(/.*node_modules\//, '').replace(/.*packages\//, '')}:${v.bytesInOutput}`)
  console.log((gz / 1024).toFixed(2).padStart(6), 'KiB', file.slice(-30), '\n   ', top.join('\n    '))
}
