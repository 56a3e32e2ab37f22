// Loaded on demand (see clientCore.ts). Of node-forge only its big integers: the key is
// read by rsaPublicKey.ts and the padding's random bytes come from the platform's CSPRNG, which keeps
// forge's PRNG, ciphers, hashes and ASN.1 out of bundles.
import 'node-forge/lib/jsbn.js'

import type { jsbn } from 'node-forge'
import forge from 'node-forge/lib/forge.js'

import { AuthingError } from '../errors.js'
import { readRsaPublicKey } from './rsaPublicKey.js'

interface RsaPublicKey {
  n: jsbn.BigInteger
  e: jsbn.BigInteger
  /** The modulus length in bytes: the size of every ciphertext. */
  size: number
}

const parsedKeys = new Map<string, RsaPublicKey>()

/**
 * Encrypts a password the way Authing expects it on the wire: RSA PKCS#1 v1.5 with the user pool's
 * public key (SPKI or PKCS#1 PEM), base64. `source` says where the key came from, for the error.
 */
export function encryptPassword(password: string, publicKeyPem: string, source: 'config' | 'bad_response'): string {
  const key = parsedKeys.get(publicKeyPem) ?? parsePublicKey(publicKeyPem, source)
  parsedKeys.set(publicKeyPem, key)
  const message = new TextEncoder().encode(password)
  const maxBytes = key.size - 11
  if (message.length > maxBytes) {
    throw new AuthingError(
      'invalid_argument',
      `The password is too long: at most ${maxBytes} bytes can be encrypted with this user pool's key`,
    )
  }
  const padded = new forge.jsbn.BigInteger(toHex(pad(message, key.size)), 16)
  const cipher = padded
    .modPow(key.e, key.n)
    .toString(16)
    .padStart(key.size * 2, '0')
  return btoa(String.fromCharCode(...(cipher.match(/../g) ?? []).map((byte) => parseInt(byte, 16))))
}

/** EME-PKCS1-v1_5 (RFC 8017 §7.2.1): 00 02, at least 8 non-zero random bytes, 00, the message. */
function pad(message: Uint8Array, size: number): Uint8Array {
  const block = new Uint8Array(size)
  block[1] = 0x02
  const filler = block.subarray(2, size - message.length - 1)
  crypto.getRandomValues(filler)
  for (let i = 0; i < filler.length; i++) {
    while (filler[i] === 0) filler[i] = crypto.getRandomValues(new Uint8Array(1))[0]!
  }
  block.set(message, size - message.length)
  return block
}

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')

function parsePublicKey(pem: string, source: 'config' | 'bad_response'): RsaPublicKey {
  try {
    const { modulus, exponent } = readRsaPublicKey(pem)
    const n = new forge.jsbn.BigInteger(toHex(modulus), 16)
    const size = Math.ceil(n.bitLength() / 8)
    if (size < 64) throw new Error('the modulus is too short')
    return { n, e: new forge.jsbn.BigInteger(toHex(exponent), 16), size }
  } catch (error) {
    const where = source === 'config' ? 'The encPublicKey option' : "The server's public key (/api/v2/.well-known)"
    throw new AuthingError(source, `${where} is not an RSA public key in PEM form`, { cause: error })
  }
}
