import type { User } from './types.js'
import { udvListToObject, type UdvOnWire } from './udv.js'

/** A user as the wire carries it: `customData` is a list of typed strings. */
export type UserOnWire = Omit<User, 'customData'> & { customData?: UdvOnWire[] | null }

/** The user as this SDK hands it out: `customData` decoded to a plain object. */
export function userFromWire(raw: UserOnWire): User {
  const { customData, ...rest } = raw
  return customData === undefined ? rest : { ...rest, customData: udvListToObject(customData) }
}
