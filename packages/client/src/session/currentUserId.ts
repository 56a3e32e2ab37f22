import { AuthingError } from '../errors.js'
import { tokenUserId } from './jwt.js'
import type { SessionStore } from './sessionStore.js'

/** The logged-in user's id, from the remembered user or the token's claims; 2020 when logged out. */
export function currentUserId(session: SessionStore): string {
  const { user, token } = session.getSnapshot()
  const id = user?.id ?? (token ? tokenUserId(token) : null)
  if (!id) throw new AuthingError(2020, 'Not logged in: log in first (or pass a token)')
  return id
}
