/** The social logins an app offers (facts: login-flows §8): looked up by the identifier in the URL. */
import type { ApplicationRecord, SocialConnectionRecord } from '../../../model/records.js'
import { AuthingBusinessError } from '../errors.js'

export function socialConnectionsOf(app: ApplicationRecord): SocialConnectionRecord[] {
  return app.socialConnections ?? []
}

/** The app's connection `identifier`; one it has not enabled is as unknown as a made-up one. */
export function findConnection(app: ApplicationRecord, identifier: string): SocialConnectionRecord {
  const connection = socialConnectionsOf(app).find((c) => c.identifier === identifier)
  if (!connection) throw new AuthingBusinessError('socialConnectionUnknown', { identifier })
  return connection
}
