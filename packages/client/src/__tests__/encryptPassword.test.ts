import { generateKeyPairSync } from 'node:crypto'

import forge from 'node-forge'
import { describe, expect, it } from 'vitest'

import { encryptPassword } from '../crypto/encryptPassword.js'

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
const spkiPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
const pkcs1Pem = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString()
// Decrypting with node-forge, an implementation independent of the padding written here.
const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString())
const decrypt = (base64: string): string =>
  forge.util.decodeUtf8(forgeKey.decrypt(forge.util.decode64(base64), 'RSAES-PKCS1-V1_5'))

describe('encryptPassword (RSA PKCS#1 v1.5, base64)', () => {
  it.each([
    ['an SPKI ("PUBLIC KEY")', spkiPem],
    ['a PKCS#1 ("RSA PUBLIC KEY")', pkcs1Pem],
  ])('encrypts with %s key so that the private key gives the password back, non-ASCII included', (_kind, pem) => {
    for (const password of ['passw0rd', '密码 пароль 🔑', 'x']) {
      const cipher = encryptPassword(password, pem, 'config')
      expect(forge.util.decode64(cipher)).toHaveLength(128)
      expect(decrypt(cipher)).toBe(password)
    }
  })

  it('pads with fresh random bytes every time', () => {
    const ciphers = new Set(Array.from({ length: 20 }, () => encryptPassword('same', spkiPem, 'config')))
    expect(ciphers.size).toBe(20)
  })

  it('takes exactly the longest password the key allows, and refuses one byte more before encrypting anything', () => {
    const longest = 'a'.repeat(128 - 11)
    expect(decrypt(encryptPassword(longest, spkiPem, 'config'))).toBe(longest)
    expect(() => encryptPassword(`${longest}a`, spkiPem, 'config')).toThrow(
      expect.objectContaining({ code: 'invalid_argument', message: expect.stringContaining('at most 117 bytes') }),
    )
    // Counted in UTF-8 bytes, not characters: 40 × 3 bytes is over the limit.
    expect(() => encryptPassword('密'.repeat(40), spkiPem, 'config')).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }),
    )
  })

  it('refuses what is not an RSA public key, blaming whoever gave it', () => {
    const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString()
    for (const pem of ['', 'not a pem', ecPem, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----']) {
      expect(() => encryptPassword('passw0rd', pem, 'config')).toThrow(expect.objectContaining({ code: 'config' }))
      expect(() => encryptPassword('passw0rd', pem, 'bad_response')).toThrow(
        expect.objectContaining({ code: 'bad_response' }),
      )
    }
  })
})
