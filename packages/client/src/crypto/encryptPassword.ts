import type forge from 'node-forge'
import { AuthingError } from '../errors.js'

let forgeModules: Promise<typeof forge> | undefined

// node-forge is loaded when the first password is sent: sessions restored from storage never pay for it.
function loadForge(): Promise<typeof forge> {
  forgeModules ??= Promise.all([import('node-forge/lib/forge.js'), import('node-forge/lib/rsa.js'), import('node-forge/lib/pem.js')]).then(
    // rsa.js and pem.js register themselves on the shared object forge.js exports.
    ([forge]) => forge.default,
    (error: unknown) => {
      forgeModules = undefined
      throw new AuthingError('network_error', 'Could not load node-forge to encrypt the password', { cause: error })
    },
  )
  return forgeModules
}

const parsedKeys = new Map<string, forge.pki.rsa.PublicKey>()

/**
 * Encrypts a password the way Authing expects it on the wire: RSA PKCS#1 v1.5 with the user pool's
 * public key (SPKI or PKCS#1 PEM), base64. `source` says where the key came from, for the error.
 */
export async function encryptPassword(password: string, publicKeyPem: string, source: 'config' | 'bad_response'): Promise<string> {
  const forge = await loadForge()
  const key = parsedKeys.get(publicKeyPem) ?? parsePublicKey(forge, publicKeyPem, source)
  parsedKeys.set(publicKeyPem, key)
  const bytes = forge.util.encodeUtf8(password)
  const maxBytes = Math.ceil(key.n.bitLength() / 8) - 11
  if (bytes.length > maxBytes) {
    throw new AuthingError('invalid_argument', `The password is too long: at most ${maxBytes} bytes can be encrypted with this user pool's key`)
  }
  return forge.util.encode64(key.encrypt(bytes, 'RSAES-PKCS1-V1_5'))
}

function parsePublicKey(forge: typeof import('node-forge'), pem: string, source: 'config' | 'bad_response'): forge.pki.rsa.PublicKey {
  try {
    const [block] = forge.pem.decode(pem)
    if (!block) throw new Error('no PEM block')
    return forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(block.body)) as forge.pki.rsa.PublicKey
  } catch (error) {
    const where = source === 'config' ? 'The encPublicKey option' : "The server's public key (/api/v2/.well-known)"
    throw new AuthingError(source, `${where} is not an RSA public key in PEM form`, { cause: error })
  }
}
