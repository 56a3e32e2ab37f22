/**
 * One action on Authing's flow engine (`POST /interaction/authFlow`, facts: login-flows §1.3), which
 * answers a finished login as FLOW_END (1600) with `data.user`: that user becomes the session. Any
 * other answer is the step's error (or its next step) and is raised as it comes.
 */
import type { ClientCore } from '../clientCore.js'
import { AuthingError, isAuthingError } from '../errors.js'
import type { SessionStore } from '../session/sessionStore.js'
import { startSession } from '../session/startSession.js'
import type { User } from '../types.js'
import type { UserOnWire } from '../user.js'

const flowEnd = 1600

export async function runAuthFlow(
  core: ClientCore,
  session: SessionStore,
  body: { action: string; flowHandle?: string; data?: unknown },
  signal: AbortSignal | undefined,
): Promise<User> {
  try {
    await core.transport.rest('POST', '/interaction/authFlow', { body, auth: false, signal })
  } catch (error) {
    if (!isAuthingError(error) || error.code !== flowEnd) throw error
    return startSession(session, (error.data as { user?: UserOnWire } | null)?.user as UserOnWire)
  }
  throw new AuthingError('bad_response', 'The flow engine answered no login')
}
