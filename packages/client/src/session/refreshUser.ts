import type { User } from '../types.js'
import { userFromWire, type UserOnWire } from '../user.js'
import type { SessionStore } from './sessionStore.js'

/**
 * A fresh copy of the logged-in user becomes the session's: merged over the remembered one (documents
 * select different fields) and kept with the session's token, which the call just proved valid.
 */
export function refreshUser(session: SessionStore, raw: UserOnWire): User {
  const { user: previous, token } = session.getSnapshot()
  const fresh = userFromWire(raw)
  const user: User = { ...(previous?.id === fresh.id ? previous : {}), ...fresh, token: token ?? fresh.token }
  session.setUser(user)
  return user
}
