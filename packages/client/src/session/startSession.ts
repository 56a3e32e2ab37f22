import { AuthingError } from '../errors.js'
import { snippet } from '../transport/send.js'
import type { User } from '../types.js'
import { userFromWire, type UserOnWire } from '../user.js'
import type { SessionStore } from './sessionStore.js'

/** A login result's user, with its token. One without both is not a login. */
export function loginUserOf(raw: UserOnWire): User {
  const isLogin = typeof raw === 'object' && raw !== null && typeof raw.id === 'string' && typeof raw.token === 'string'
  if (!isLogin || !raw.token) {
    const data = snippet(JSON.stringify(raw) ?? String(raw))
    throw new AuthingError('bad_response', 'The login answered no user with a token', { data })
  }
  return userFromWire(raw)
}

/** A login result: its user and token become the session. */
export function startSession(session: SessionStore, raw: UserOnWire): User {
  const user = loginUserOf(raw)
  session.setUser(user)
  return user
}
