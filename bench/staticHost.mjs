// Serves a Vite production build the way a deployment does (Vite's own advice for hosting): the
// content-hashed files under /assets/ are cached for good, the page itself is revalidated. A reload
// then asks the server for the page alone, as it would in production; `vite preview` instead
// revalidates every script and stylesheet, which times the preview server rather than the page.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
}

/**
 * Serves `dir` on a free loopback port; answers `{ url, stop }`.
 * @param {string} dir
 * @returns {Promise<{ url: string, stop: () => Promise<unknown> }>}
 */
export async function serveBuild(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname))
    try {
      const body = await readFile(join(dir, path === '/' ? 'index.html' : path))
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? (path === '/' ? TYPES['.html'] : 'application/octet-stream'),
        'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(resolve)) }
}
