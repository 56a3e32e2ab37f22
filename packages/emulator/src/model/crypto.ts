/**
 * The emulator's cryptography, isomorphic (WebCrypto + pure-JS libraries, no `node:*`):
 * - the RSA key clients encrypt passwords with (PKCS#1 v1.5, decrypted with node-forge because
 *   Node 20 refuses PKCS#1 v1.5 private decryption and WebCrypto has no such algorithm);
 * - salted PBKDF2-SHA256 password hashes (WebCrypto, so hashing runs off the event loop in Node);
 * - RS256 id_tokens with a `kid` (jose).
 */
import type { JWK, JWTPayload } from 'jose'
import { calculateJwkThumbprint, errors as joseErrors, exportJWK, importJWK, jwtVerify, SignJWT } from 'jose'
import forge from 'node-forge'

const subtle = globalThis.crypto.subtle
const publicExponent = new Uint8Array([1, 0, 1])

/** The password-encryption key pair, as PEM (SPKI public, PKCS#8 private). */
export interface PasswordKeyPair {
  bits: number
  publicKeyPem: string
  privateKeyPem: string
}

/** The id_token signing key, as JWKs. */
export interface SigningKey {
  kid: string
  alg: 'RS256'
  publicJwk: JWK
  privateJwk: JWK
}

export interface EmulatorKeys {
  password: PasswordKeyPair
  signing: SigningKey
}

// RSA generation dominates `createEmulator()` (~150 ms for the 2048-bit signing key), and tests build
// one emulator each, so fresh states in one process share generated keys. Ids, users and tokens
// stay per emulator; keys restored from a snapshot are used as they are.
const keyCache = new Map<number, Promise<EmulatorKeys>>()

export function generateKeys(passwordKeyBits: number): Promise<EmulatorKeys> {
  let keys = keyCache.get(passwordKeyBits)
  if (!keys) {
    keys = Promise.all([generatePasswordKeyPair(passwordKeyBits), generateSigningKey()]).then(
      ([password, signing]) => ({ password, signing }),
    )
    keys.catch(() => keyCache.delete(passwordKeyBits))
    keyCache.set(passwordKeyBits, keys)
  }
  return keys
}

async function generatePasswordKeyPair(bits: number): Promise<PasswordKeyPair> {
  // RSA-OAEP is only the WebCrypto label needed to generate and export a plain RSA pair; forge
  // decrypts with PKCS#1 v1.5 padding.
  const pair = await subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: bits, publicExponent, hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  )
  const [spki, pkcs8] = await Promise.all([
    subtle.exportKey('spki', pair.publicKey),
    subtle.exportKey('pkcs8', pair.privateKey),
  ])
  return { bits, publicKeyPem: toPem(spki, 'PUBLIC KEY'), privateKeyPem: toPem(pkcs8, 'PRIVATE KEY') }
}

async function generateSigningKey(): Promise<SigningKey> {
  const pair = await subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent, hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )
  const [publicJwk, privateJwk] = await Promise.all([exportJWK(pair.publicKey), exportJWK(pair.privateKey)])
  const kid = await calculateJwkThumbprint(publicJwk)
  return { kid, alg: 'RS256', publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' }, privateJwk }
}

function toPem(der: ArrayBuffer, label: string): string {
  const lines = bytesToBase64(new Uint8Array(der)).match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/**
 * Decrypts base64 RSA PKCS#1 v1.5 ciphertexts; returns null when the input is not one of ours.
 * forge parses the key, but the private-key operation is done with native BigInt and the CRT:
 * it runs on the event loop for every login, and this is ~5x faster than forge's own decrypt,
 * which would otherwise cost more CPU than the password hash's share of the request.
 */
export function createPasswordDecryptor(privateKeyPem: string): (ciphertext: string) => string | null {
  const key = forge.pki.privateKeyFromPem(privateKeyPem)
  const big = (n: forge.jsbn.BigInteger): bigint => BigInt(`0x${n.toString(16)}`)
  const [n, p, q, dP, dQ, qInv] = [key.n, key.p, key.q, key.dP, key.dQ, key.qInv].map(big) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ]
  const size = Math.ceil(key.n.bitLength() / 8)
  return (ciphertext) => {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(ciphertext)) return null
    let c: bigint
    try {
      const bytes = atob(ciphertext)
      // Encoders that turn the ciphertext integer into bytes drop its leading zero bytes (about one
      // login in 250 with authing-js-sdk); Authing reads them as the same number, so does this.
      if (bytes.length > size || bytes.length === 0) return null
      c = BigInt(`0x${forge.util.bytesToHex(bytes)}`)
    } catch {
      return null
    }
    if (c >= n) return null
    const m1 = modPow(c, dP, p)
    const m2 = modPow(c, dQ, q)
    const m = m2 + (((((m1 - m2) % p) + p) * qInv) % p) * q
    return unpadPkcs1Type2(m.toString(16).padStart(size * 2, '0'))
  }
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = base % modulus
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
  }
  return result
}

/** EM = 0x00 || 0x02 || ≥8 non-zero padding bytes || 0x00 || message (RFC 8017 §7.2.2). */
function unpadPkcs1Type2(hex: string): string | null {
  if (!hex.startsWith('0002')) return null
  let separator = -1
  for (let i = 4; i < hex.length; i += 2) {
    if (hex[i] === '0' && hex[i + 1] === '0') {
      separator = i
      break
    }
  }
  if (separator < 4 + 16) return null
  try {
    return forge.util.decodeUtf8(forge.util.hexToBytes(hex.slice(separator + 2)))
  } catch {
    return null
  }
}

/** A stored password: the iterations travel with the hash, so changing the option keeps old hashes valid. */
export interface PasswordHash {
  alg: 'pbkdf2-sha256'
  iterations: number
  salt: string
  hash: string
}

export async function hashPassword(password: string, iterations: number): Promise<PasswordHash> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16))
  const hash = await pbkdf2(password, salt, iterations)
  return { alg: 'pbkdf2-sha256', iterations, salt: bytesToBase64(salt), hash: bytesToBase64(hash) }
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const actual = await pbkdf2(password, base64ToBytes(stored.salt), stored.iterations)
  const expected = base64ToBytes(stored.hash)
  if (actual.length !== expected.length) return false
  let diff = 0
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0)
  return diff === 0
}

async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256)
  return new Uint8Array(bits)
}

export type TokenCheck = { ok: true; payload: JWTPayload } | { ok: false; reason: 'expired' | 'invalid' }

/** Signs and verifies id_tokens with the emulator's RS256 key; the CryptoKeys are imported once. */
export class TokenSigner {
  readonly #key: SigningKey
  #privateKey: Promise<CryptoKey | Uint8Array> | undefined
  #publicKey: Promise<CryptoKey | Uint8Array> | undefined

  constructor(key: SigningKey) {
    this.#key = key
  }

  /** `typ` tells token kinds apart before any claim is read: `at+jwt` for access tokens (RFC 9068 §2.1). */
  async sign(claims: JWTPayload, typ: 'JWT' | 'at+jwt' = 'JWT'): Promise<string> {
    this.#privateKey ??= importJWK(this.#key.privateJwk, 'RS256')
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.#key.kid, typ })
      .sign(await this.#privateKey)
  }

  async verify(token: string, nowMs: number): Promise<TokenCheck> {
    this.#publicKey ??= importJWK(this.#key.publicJwk, 'RS256')
    try {
      const { payload } = await jwtVerify(token, await this.#publicKey, {
        algorithms: ['RS256'],
        currentDate: new Date(nowMs),
      })
      return { ok: true, payload }
    } catch (error) {
      return { ok: false, reason: error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' }
    }
  }
}

/** 6 groups of 4 hex digits joined by `-`: the shape of Authing's MFA recovery codes. */
export function randomRecoveryCode(): string {
  return Array.from({ length: 6 }, () => randomHex(2)).join('-')
}

export function randomHex(bytes: number): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')
}

/** A 6-digit verification code, uniformly drawn. */
export function randomDigits(length: number): string {
  const out: string[] = []
  const buf = new Uint8Array(1)
  while (out.length < length) {
    globalThis.crypto.getRandomValues(buf)
    const b = buf[0] ?? 255
    if (b < 250) out.push(String(b % 10))
  }
  return out.join('')
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
}

/** A 24-hex id, shaped like Authing's (MongoDB ObjectId) ids. */
export function objectId(): string {
  return randomHex(12)
}
