// Bundle size of an app entry, built the same way for every library measured: esbuild, minified,
// ESM for the browser, code splitting (lazy chunks apart from the initial one), react and react-dom
// external, everything else counted, gzip -9. Used by the bundle benches and by the CI budget check.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * An app entry that renders `app` into #root after `imports`.
 * @param {string} imports
 * @param {string} app JSX
 */
export const renderApp = (imports, app) => `import { createRoot } from 'react-dom/client'
${imports}
createRoot(document.getElementById('root')).render(${app})
`

/** @param {number} bytes */
export const kib = (bytes) => (bytes / 1024).toFixed(1)

/**
 * Builds each app; returns per app the gzip bytes of its initial chunks and of all chunks, the
 * number of chunks, the packages in the initial and lazy chunks, and the gzip bytes of the chunk
 * holding each of `markers` (source path fragments).
 * @param {Record<string, string>} apps the source of each app's entry, by name
 * @param {{ markers?: string[] }} [options]
 */
export async function measureBundles(apps, { markers = [] } = {}) {
  const workDir = mkdtempSync(join(tmpdir(), 'authing-kit-bundle-'))
  try {
    const results = []
    for (const [name, source] of Object.entries(apps)) results.push(await measure(workDir, name, source, markers))
    return results
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

/**
 * @typedef {object} Measurement
 * @property {string} name
 * @property {number} initial gzip bytes of the initial chunks
 * @property {number} total gzip bytes of all chunks
 * @property {number} chunks
 * @property {Record<string, number>} marked gzip bytes of the chunk holding each marker (absent: no such chunk)
 * @property {Set<string>} initialPackages
 * @property {Set<string>} lazyPackages
 * @property {[string, number][]} byPackage
 */

/**
 * @param {string} workDir
 * @param {string} name
 * @param {string} source
 * @param {string[]} markers
 * @returns {Promise<Measurement>}
 */
async function measure(workDir, name, source, markers) {
  const dir = join(workDir, name.replace(/[@/ ]/g, '_'))
  const entry = `${dir}.jsx`
  writeFileSync(entry, source)
  const { metafile } = await build({
    entryPoints: [entry],
    outdir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    jsx: 'automatic',
    external: ['react', 'react-dom'],
    // The entries live in a temporary folder: packages resolve from the repository, @authing-kit/* to
    // their built files (no source condition here), so apps measure what npm users get.
    absWorkingDir: root,
    nodePaths: [join(root, 'node_modules'), join(root, 'packages/react/node_modules')],
    metafile: true,
    logLevel: 'error',
  })
  const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'))
  /** @param {string} file */
  const gzip = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length
  /** @param {string} file */
  const outputOf = (file) => /** @type {import('esbuild').Metafile['outputs'][string]} */ (metafile.outputs[file])
  /** @type {Set<string>} */
  const initial = new Set()
  /** @param {string} file */
  const visit = (file) => {
    if (initial.has(file)) return
    initial.add(file)
    for (const { path, kind } of outputOf(file).imports) {
      if (kind === 'import-statement' && metafile.outputs[path]) visit(path)
    }
  }
  // Lazy chunks carry an entryPoint too (the module they were split at): start from the app's own.
  const app = outputs.find(([, output]) => output.entryPoint?.endsWith(basename(entry)))
  visit(/** @type {[string, unknown]} */ (app)[0])
  /** @param {string[]} files */
  const packagesIn = (files) => new Set(files.flatMap((file) => Object.keys(outputOf(file).inputs).map(packageOf)))
  /** @type {Record<string, number>} */
  const marked = {}
  for (const marker of markers) {
    const chunk = outputs.find(([, output]) => Object.keys(output.inputs).some((input) => input.includes(marker)))
    if (chunk) marked[marker] = gzip(chunk[0])
  }
  return {
    name,
    initial: [...initial].reduce((sum, file) => sum + gzip(file), 0),
    total: outputs.reduce((sum, [file]) => sum + gzip(file), 0),
    chunks: outputs.length,
    marked,
    initialPackages: packagesIn([...initial]),
    lazyPackages: packagesIn(outputs.map(([file]) => file).filter((file) => !initial.has(file))),
    byPackage: bytesByPackage(outputs),
  }
}

/**
 * Minified bytes each package contributes (before gzip), largest first.
 * @param {[string, import('esbuild').Metafile['outputs'][string]][]} outputs
 * @returns {[string, number][]}
 */
function bytesByPackage(outputs) {
  /** @type {Map<string, number>} */
  const sizes = new Map()
  for (const [, output] of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = packageOf(input)
      sizes.set(pkg, (sizes.get(pkg) ?? 0) + bytesInOutput)
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1])
}

/**
 * @param {string} input
 * @returns {string}
 */
function packageOf(input) {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input)
  if (match) return /** @type {string} */ (match[1])
  const own = /packages\/([^/]+)\//.exec(input)
  return own ? `@authing-kit/${own[1]}` : '(app)'
}
