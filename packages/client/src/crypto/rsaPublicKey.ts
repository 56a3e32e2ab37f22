/**
 * Reads the modulus and exponent out of an RSA public key in PEM form: a SubjectPublicKeyInfo
 * ("PUBLIC KEY") or a bare PKCS#1 RSAPublicKey ("RSA PUBLIC KEY"). A few dozen lines of DER reading
 * spare browser bundles node-forge's general ASN.1, OID and PEM modules.
 */
export interface RsaPublicKeyParts {
  /** Big-endian, without sign padding. */
  modulus: Uint8Array
  exponent: Uint8Array
}

const SEQUENCE = 0x30
const INTEGER = 0x02
const BIT_STRING = 0x03
const OBJECT_IDENTIFIER = 0x06
// 1.2.840.113549.1.1.1 (rsaEncryption), DER-encoded.
const RSA_ENCRYPTION = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]

export function readRsaPublicKey(pem: string): RsaPublicKeyParts {
  const match = /-----BEGIN (RSA )?PUBLIC KEY-----([\s\S]*?)-----END \1?PUBLIC KEY-----/.exec(pem)
  if (!match) throw new Error('no PUBLIC KEY or RSA PUBLIC KEY block')
  const der = Uint8Array.from(atob(match[2]!.replace(/\s+/g, '')), (char) => char.charCodeAt(0))
  const outer = children(readTlv(der, 0, SEQUENCE))
  if (match[1]) return rsaPublicKey(outer)
  const [algorithm, bitString] = outer
  const [oid] = children(expect(algorithm, SEQUENCE))
  if (!sameBytes(expect(oid, OBJECT_IDENTIFIER).value, RSA_ENCRYPTION)) throw new Error('not an RSA key')
  const key = expect(bitString, BIT_STRING).value
  if (key[0] !== 0) throw new Error('a BIT STRING with unused bits')
  const inner = key.subarray(1)
  return rsaPublicKey(children(readTlv(inner, 0, SEQUENCE)))
}

interface Tlv {
  tag: number
  value: Uint8Array
  /** Offset just past this element. */
  end: number
}

function readTlv(bytes: Uint8Array, offset: number, tag?: number): Tlv {
  const found = bytes[offset]
  let length = bytes[offset + 1]
  if (found === undefined || length === undefined) throw new Error('truncated DER')
  if (tag !== undefined && found !== tag) throw new Error(`expected DER tag ${tag}, found ${found}`)
  let start = offset + 2
  if (length & 0x80) {
    const count = length & 0x7f
    if (count === 0 || count > 4) throw new Error('unsupported DER length')
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] ?? Number.NaN)
    start += count
  }
  const end = start + length
  if (!(end <= bytes.length)) throw new Error('truncated DER')
  return { tag: found, value: bytes.subarray(start, end), end }
}

function children(parent: Tlv): Tlv[] {
  const list: Tlv[] = []
  for (let offset = 0; offset < parent.value.length;) {
    const child = readTlv(parent.value, offset)
    list.push(child)
    offset = child.end
  }
  return list
}

function expect(element: Tlv | undefined, tag: number): Tlv {
  if (element?.tag !== tag) throw new Error(`expected DER tag ${tag}`)
  return element
}

function rsaPublicKey([modulus, exponent]: Tlv[]): RsaPublicKeyParts {
  return { modulus: unsigned(expect(modulus, INTEGER).value), exponent: unsigned(expect(exponent, INTEGER).value) }
}

/** A DER INTEGER's bytes without the leading zero that keeps it positive. */
function unsigned(bytes: Uint8Array): Uint8Array {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  return bytes.subarray(start)
}

const sameBytes = (a: Uint8Array, b: readonly number[]): boolean =>
  a.length === b.length && b.every((byte, i) => a[i] === byte)
