/**
 * Applications of a pool. Each has the permission namespace whose code is its id; identifiers
 * (Authing: the app's subdomain) are unique across the emulator (2039).
 */
import { objectId, randomHex } from '../../model/crypto.js'
import {
  type ApplicationRecord,
  type AppLoginSettings,
  defaultLoginSettings,
  newApplicationRecord,
} from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import type { UserRecord } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError } from './errors.js'
import { clearNamespace, saveNamespace } from './namespaces.js'

export function applicationsOf(state: EmulatorState, poolId: string): ApplicationRecord[] {
  return [...state.applications.values()].filter((app) => app.userPoolId === poolId)
}

export function findApp(state: EmulatorState, poolId: string, id: string | undefined): ApplicationRecord {
  const app = id ? state.applications.get(id) : undefined
  if (!app || app.userPoolId !== poolId) throw new AuthingBusinessError('appNotFound')
  return app
}

export function assertIdentifierFree(state: EmulatorState, identifier: string): void {
  for (const app of state.applications.values())
    if (app.identifier === identifier) throw new AuthingBusinessError('identifierTaken', { identifier })
}

export function createApplication(
  engine: Engine,
  poolId: string,
  fields: Pick<ApplicationRecord, 'name' | 'identifier' | 'description' | 'logo' | 'redirectUris'>,
): ApplicationRecord {
  const at = new Date(engine.settings.now()).toISOString()
  const app = newApplicationRecord(poolId, at, { id: objectId(), secret: randomHex(16), ...fields })
  engine.state.applications.set(app.id, app)
  saveNamespace(engine, poolId, { code: app.id, name: app.name, description: null, appId: app.id })
  return app
}

/** The application goes with its namespace (roles, resources, grants), its login records and agreements. */
export function deleteApplication(engine: Engine, app: ApplicationRecord): void {
  const { state } = engine
  clearNamespace(engine, app.userPoolId, app.id)
  for (const [key, login] of [...state.appLogins.entries()]) if (login.appId === app.id) state.appLogins.delete(key)
  for (const [key, agreement] of [...state.agreements.entries()])
    if (agreement.appId === app.id) state.agreements.delete(key)
  state.applications.delete(app.id)
}

export function refreshSecret(engine: Engine, app: ApplicationRecord): ApplicationRecord {
  const updated: ApplicationRecord = {
    ...app,
    secret: randomHex(16),
    updatedAt: new Date(engine.settings.now()).toISOString(),
  }
  engine.state.applications.set(app.id, updated)
  return updated
}

/** Users who have logged in to the application, most recent login first. */
export function activeUsers(state: EmulatorState, app: ApplicationRecord): UserRecord[] {
  const logins = [...state.appLogins.values()]
    .filter((l) => l.appId === app.id)
    .sort((a, b) => b.lastLogin.localeCompare(a.lastLogin))
  return logins.flatMap((l) => state.users.get(l.userId) ?? [])
}

/** The login form an app offers; apps created by the management API offer everything the emulator does. */
export function loginSettingsOf(app: ApplicationRecord): AppLoginSettings {
  return app.login ?? defaultLoginSettings
}
