/**
 * The hosted login's session: a random id in an HttpOnly, SameSite=Lax cookie on the emulator's
 * origin, pointing at a `hostedSessions` row. A later authorize (OIDC, OAuth or CAS) for an app of
 * the same user pool skips the login page.
 */
import { randomHex } from '../../model/crypto.js'
import type { ApplicationRecord, HostedSessionRecord } from '../../model/records.js'
import type { UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { cookieValue } from '../requestContext.js'

const cookieName = 'authing_emulator_session'

export function currentSession(
  engine: Engine,
  request: Request,
  app: ApplicationRecord,
): { session: HostedSessionRecord; user: UserRecord } | null {
  const id = sessionId(request)
  const session = id ? engine.state.hostedSessions.get(id) : undefined
  if (!id || !session) return null
  if (session.expiresAt <= engine.settings.now()) {
    engine.state.hostedSessions.delete(id)
    return null
  }
  const user = engine.state.users.get(session.userId)
  if (!user || session.userPoolId !== app.userPoolId) return null
  return { session, user }
}

/** Starts a session for `user`; answers the Set-Cookie header value. */
export function startSession(
  engine: Engine,
  request: Request,
  user: UserRecord,
): { cookie: string; session: HostedSessionRecord } {
  const id = randomHex(32)
  const now = engine.settings.now()
  const lifetime = engine.settings.tokenLifetimeSeconds
  const session: HostedSessionRecord = {
    userPoolId: user.userPoolId,
    userId: user.id,
    authTime: now,
    expiresAt: now + lifetime * 1000,
  }
  engine.state.hostedSessions.set(id, session)
  return { cookie: cookie(request, id, lifetime), session }
}

/** Ends the request's session, if any; answers the Set-Cookie header value that clears the cookie. */
export function endSession(engine: Engine, request: Request): string {
  const id = sessionId(request)
  if (id) engine.state.hostedSessions.delete(id)
  return cookie(request, '', 0)
}

function cookie(request: Request, value: string, maxAge: number): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : ''
  return `${cookieName}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`
}

function sessionId(request: Request): string | null {
  return cookieValue(request.headers.get('cookie') ?? '', cookieName)
}
