/**
 * A user's passkeys: listed newest first, and removed by their owner only (another user's credential
 * is as unknown as a made-up one, 2363, so ids cannot be probed).
 */
import type { PasskeyRecord } from '../../../model/records.js'
import type { EmulatorState } from '../../../model/state.js'
import type { UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'

export function passkeysOf(state: EmulatorState, user: UserRecord): PasskeyRecord[] {
  return [...state.passkeys.values()].filter((passkey) => passkey.userId === user.id).reverse()
}

export function removePasskey(engine: Engine, user: UserRecord, credentialId: string): void {
  const passkey = engine.state.passkeys.get(credentialId)
  if (!passkey || passkey.userId !== user.id) throw new AuthingBusinessError('passkeyUnknown')
  engine.state.passkeys.delete(credentialId)
}
