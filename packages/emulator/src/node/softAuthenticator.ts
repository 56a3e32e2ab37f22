/**
 * A software passkey authenticator for tests: what `navigator.credentials` and a platform
 * authenticator do, with Node's crypto (ES256 keys on P-256, DER signatures as WebAuthn wants)
 * and the CBOR of `@simplewebauthn/server`. It takes and answers the JSON options and credentials
 * of `@simplewebauthn/browser` (base64url without padding), so a client under test plugs it in
 * where the browser would prompt. Attestation format `none`; the counter grows by one per assertion.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'

import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers'

/** The JSON options the relying party sent (only the fields an authenticator reads). */
export interface SoftCreationOptions {
  challenge: string
  rp: { id?: string; name: string }
  user: { id: string; name: string; displayName?: string }
  excludeCredentials?: { id: string }[]
}

export interface SoftRequestOptions {
  challenge: string
  rpId?: string
  allowCredentials?: { id: string }[]
}

export interface SoftAttestation {
  id: string
  rawId: string
  type: 'public-key'
  authenticatorAttachment: 'platform'
  response: { clientDataJSON: string; attestationObject: string; transports: ('internal' | 'hybrid')[] }
  clientExtensionResults: Record<string, never>
}

export interface SoftAssertion {
  id: string
  rawId: string
  type: 'public-key'
  authenticatorAttachment: 'platform'
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle: string }
  clientExtensionResults: Record<string, never>
}

export interface SoftCredential {
  id: string
  rpId: string
  userHandle: string
  privateKey: KeyObject
  counter: number
}

export interface SoftAuthenticatorOptions {
  /** The page's origin the "browser" puts in clientDataJSON, e.g. the emulator's app host. */
  origin: string
  /** The RP ID when the options name none. Defaults to the origin's hostname. */
  rpId?: string
}

/** Thrown as the browser does: `NotAllowedError` when no credential fits (or the user cancels). */
export class SoftAuthenticatorError extends Error {
  constructor(
    override readonly name: 'NotAllowedError' | 'InvalidStateError',
    message: string,
  ) {
    super(message)
  }
}

export interface SoftAuthenticator {
  create(options: SoftCreationOptions): Promise<SoftAttestation>
  get(options: SoftRequestOptions): Promise<SoftAssertion>
  /** The credentials made so far; tests edit `counter` to play a cloned authenticator. */
  readonly credentials: SoftCredential[]
  /** The origin to claim from now on (a phishing page's, in a test). */
  origin: string
}

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest())

const flags = { userPresent: 0x01, userVerified: 0x04, attestedData: 0x40 }

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4)
  new DataView(bytes.buffer).setUint32(0, value)
  return bytes
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

function clientData(
  type: 'webauthn.create' | 'webauthn.get',
  challenge: string,
  origin: string,
): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }))
}

/** The credential's public key as a COSE EC2 key (kty 2, alg -7 ES256, crv 1 P-256). */
function coseKey(privateKey: KeyObject): Uint8Array<ArrayBuffer> {
  const jwk = privateKey.export({ format: 'jwk' })
  const key = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, isoBase64URL.toBuffer(jwk.x ?? '')],
    [-3, isoBase64URL.toBuffer(jwk.y ?? '')],
  ])
  return isoCBOR.encode(key)
}

export function createSoftAuthenticator(options: SoftAuthenticatorOptions): SoftAuthenticator {
  const credentials: SoftCredential[] = []
  const authenticator: SoftAuthenticator = {
    credentials,
    origin: options.origin,
    async create(creation) {
      const rpId = creation.rp.id ?? options.rpId ?? new URL(authenticator.origin).hostname
      const excluded = new Set(creation.excludeCredentials?.map((c) => c.id))
      if (credentials.some((c) => c.rpId === rpId && excluded.has(c.id)))
        throw new SoftAuthenticatorError('InvalidStateError', 'The authenticator already holds a passkey of this user')
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      const rawId = new Uint8Array(randomBytes(16))
      const id = isoBase64URL.fromBuffer(rawId)
      credentials.push({ id, rpId, userHandle: creation.user.id, privateKey, counter: 0 })
      const authData = concat(
        sha256(new TextEncoder().encode(rpId)),
        Uint8Array.of(flags.userPresent | flags.userVerified | flags.attestedData),
        uint32(0),
        new Uint8Array(16),
        Uint8Array.of(rawId.length >> 8, rawId.length & 0xff),
        rawId,
        coseKey(privateKey),
      )
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]) as Parameters<typeof isoCBOR.encode>[0],
      )
      return {
        id,
        rawId: id,
        type: 'public-key',
        authenticatorAttachment: 'platform',
        response: {
          clientDataJSON: isoBase64URL.fromBuffer(
            clientData('webauthn.create', creation.challenge, authenticator.origin),
          ),
          attestationObject: isoBase64URL.fromBuffer(attestationObject),
          transports: ['internal', 'hybrid'],
        },
        clientExtensionResults: {},
      }
    },
    async get(request) {
      const rpId = request.rpId ?? options.rpId ?? new URL(authenticator.origin).hostname
      const allowed = request.allowCredentials?.length ? new Set(request.allowCredentials.map((c) => c.id)) : null
      const credential = [...credentials].reverse().find((c) => c.rpId === rpId && (!allowed || allowed.has(c.id)))
      if (!credential) throw new SoftAuthenticatorError('NotAllowedError', 'No passkey for this site')
      credential.counter += 1
      const authData = concat(
        sha256(new TextEncoder().encode(rpId)),
        Uint8Array.of(flags.userPresent | flags.userVerified),
        uint32(credential.counter),
      )
      const clientDataJSON = clientData('webauthn.get', request.challenge, authenticator.origin)
      const signature = sign('sha256', concat(authData, sha256(clientDataJSON)), {
        key: credential.privateKey,
        dsaEncoding: 'der',
      })
      return {
        id: credential.id,
        rawId: credential.id,
        type: 'public-key',
        authenticatorAttachment: 'platform',
        response: {
          clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
          authenticatorData: isoBase64URL.fromBuffer(authData),
          signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
          userHandle: credential.userHandle,
        },
        clientExtensionResults: {},
      }
    },
  }
  return authenticator
}
