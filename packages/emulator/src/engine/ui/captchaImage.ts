/**
 * The captcha picture: the answer drawn from a 5×7 glyph table, scaled, jittered and sprinkled with
 * noise, as an 8-bit palette PNG. A raster image because iOS decodes it with `UIImage(data:)`; the
 * encoder is written out here (stored deflate blocks, CRC-32, Adler-32) because the PNG libraries
 * on npm need node:zlib and the engine also runs in browsers. The answer never appears in any
 * chunk: there are no text chunks, and the pixels are palette indices below 8.
 */

import { captchaCookie, issueCaptcha } from '../domain/captcha.js'
import type { Engine } from '../engine.js'
import { cookieValue } from '../requestContext.js'

const cookieLifetimeSeconds = 24 * 3600

/**
 * A new image for the request's cookie session (started here when it has none), and the Set-Cookie
 * that keeps it. The cookie is HttpOnly. Over https it is `SameSite=None; Secure`, so a single-page app
 * on another site that calls with `credentials: 'include'` sends it back; over plain http browsers
 * refuse `SameSite=None` without `Secure`, so it is `Lax`, which still reaches the emulator from a page
 * of the same host on another port (localhost:5173 → localhost:5556 is one site).
 */
export function newCaptchaImage(engine: Engine, request: Request): { png: Uint8Array<ArrayBuffer>; setCookie: string } {
  const { sessionId, answer } = issueCaptcha(engine, cookieValue(request.headers.get('cookie') ?? '', captchaCookie))
  const crossSite = new URL(request.url).protocol === 'https:' ? 'SameSite=None; Secure' : 'SameSite=Lax'
  const setCookie = `${captchaCookie}=${sessionId}; Path=/; Max-Age=${cookieLifetimeSeconds}; HttpOnly; ${crossSite}`
  return { png: drawCaptcha(answer), setCookie }
}

// One string per glyph, 7 rows of 5 columns, `#` inked.
const glyphs: Record<string, string> = {
  A: '.###.#...##...#######...##...##...#',
  B: '####.#...##...#####.#...##...#####.',
  C: '.#####....#....#....#....#.....####',
  D: '####.#...##...##...##...##...#####.',
  E: '######....#....####.#....#....#####',
  F: '######....#....####.#....#....#....',
  G: '.#####....#....#.####...##...#.###.',
  H: '#...##...##...#######...##...##...#',
  J: '..###...#....#....#....#.#..#..##..',
  K: '#...##..#.#.#..##...#.#..#..#.#...#',
  M: '#...###.###.#.##...##...##...##...#',
  N: '#...###..##.#.##..###...##...##...#',
  P: '####.#...##...#####.#....#....#....',
  Q: '.###.#...##...##...##.#.##..#..##.#',
  R: '####.#...##...#####.#.#..#..#.#...#',
  S: '.#####....#.....###.....#....#####.',
  T: '#####..#....#....#....#....#....#..',
  U: '#...##...##...##...##...##...#.###.',
  V: '#...##...##...##...##...#.#.#...#..',
  W: '#...##...##...##.#.##.#.##.#.#.#.#.',
  X: '#...##...#.#.#...#...#.#.#...##...#',
  Y: '#...##...#.#.#...#....#....#....#..',
  Z: '#####....#...#...#...#...#....#####',
  '2': '.###.#...#....#...#...#...#...#####',
  '3': '#####...#...#.....#.....##...#.###.',
  '4': '...#...##..#.#.#..#.#####...#....#.',
  '5': '######....####.....#....##...#.###.',
  '6': '..##..#...#....####.#...##...#.###.',
  '7': '#####....#...#...#...#....#....#...',
  '8': '.###.#...##...#.###.#...##...#.###.',
  '9': '.###.#...##...#.####....#...#..##..',
}

const WIDTH = 132
const HEIGHT = 44
const SCALE = 4
// Background, ink colours, noise: none of the bytes is an ASCII letter or digit.
const palette = [
  [0xf4, 0xf6, 0xfa],
  [0x1f, 0x2a, 0x44],
  [0x8c, 0x1c, 0x13],
  [0x0e, 0x5e, 0x9c],
  [0x2d, 0x7d, 0x2d],
  [0xb0, 0xb8, 0xc8],
]

/** A PNG showing `text` (letters of the captcha alphabet), different on every call. */
export function drawCaptcha(text: string): Uint8Array<ArrayBuffer> {
  const pixels = new Uint8Array(WIDTH * HEIGHT)
  const random = (n: number) => Math.floor(Math.random() * n)
  for (let i = 0; i < 90; i++) pixels[random(pixels.length)] = 5
  const step = Math.floor((WIDTH - 8) / text.length)
  ;[...text].forEach((char, index) => {
    const glyph = glyphs[char] ?? ''
    const colour = 1 + random(4)
    const left = 6 + index * step + random(6)
    const top = 4 + random(HEIGHT - 7 * SCALE - 6)
    for (let row = 0; row < 7; row++) {
      // A slant: each row shifts by up to a pixel, so letters are not plain stencils.
      const slant = Math.round((3 - row) * ((random(3) - 1) / 2))
      for (let col = 0; col < 5; col++) {
        if (glyph[row * 5 + col] !== '#') continue
        for (let dy = 0; dy < SCALE; dy++)
          for (let dx = 0; dx < SCALE - 1; dx++) {
            const x = left + slant + col * (SCALE - 1) + dx
            const y = top + row * SCALE + dy
            if (x >= 0 && x < WIDTH && y < HEIGHT) pixels[y * WIDTH + x] = colour
          }
      }
    }
  })
  for (let line = 0; line < 2; line++) {
    let y = random(HEIGHT)
    const slope = (random(5) - 2) / 8
    for (let x = 0; x < WIDTH; x++, y += slope) {
      const row = Math.round(y)
      if (row >= 0 && row < HEIGHT) pixels[row * WIDTH + x] = 5
    }
  }
  return encodePng(WIDTH, HEIGHT, pixels)
}

function encodePng(width: number, height: number, pixels: Uint8Array): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 3, 0, 0, 0], 8) // 8-bit palette indices, no interlace
  const scanlines = new Uint8Array((width + 1) * height)
  for (let y = 0; y < height; y++) scanlines.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1)
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', new Uint8Array(palette.flat())),
    chunk('IDAT', zlibStored(scanlines)),
    chunk('IEND', new Uint8Array(0)),
  ])
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** A zlib stream of uncompressed deflate blocks: a few kilobytes, and nothing to compress it with. */
function zlibStored(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array([0x78, 0x01])]
  for (let at = 0; at < data.length || at === 0; at += 0xffff) {
    const block = data.subarray(at, at + 0xffff)
    const last = at + 0xffff >= data.length ? 1 : 0
    const head = new Uint8Array([
      last,
      block.length & 0xff,
      block.length >> 8,
      ~block.length & 0xff,
      (~block.length >> 8) & 0xff,
    ])
    parts.push(head, block)
  }
  let a = 1
  let b = 0
  for (const byte of data) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  const adler = new Uint8Array(4)
  new DataView(adler.buffer).setUint32(0, ((b << 16) | a) >>> 0)
  parts.push(adler)
  return concat(parts)
}

let crcTable: Uint32Array | undefined

function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  let crc = 0xffffffff
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
