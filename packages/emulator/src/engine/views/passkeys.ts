/** A passkey as the listing shows it: no public key (nothing a client needs, nothing to leak). */
import type { PasskeyRecord } from '../../model/records.js'

export function passkeyView(passkey: PasskeyRecord): Record<string, unknown> {
  return {
    credentialId: passkey.credentialId,
    name: passkey.name,
    authenticatorCode: passkey.authenticatorCode,
    transports: passkey.transports,
    counter: passkey.counter,
    createdAt: passkey.createdAt,
    lastUsedAt: passkey.lastUsedAt,
  }
}
