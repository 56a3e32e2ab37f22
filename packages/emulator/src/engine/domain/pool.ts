/** Which application and user pool a request speaks for, and a pool's own application. */
import type { ApplicationRecord, UserPoolRecord } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import { AuthingBusinessError } from './errors.js'

/**
 * `x-authing-app-id` decides (unknown: 2011); without it, a known `x-authing-userpool-id` stands for
 * the pool's first application (the Python SDK may send only that); with neither: 2101.
 */
export function appOfRequest(
  state: EmulatorState,
  appId: string | null,
  poolId: string | null,
): { app: ApplicationRecord; pool: UserPoolRecord } {
  let app: ApplicationRecord | undefined
  if (appId !== null) {
    app = state.applications.get(appId)
    if (!app) throw new AuthingBusinessError('appNotFound')
  } else if (poolId !== null) {
    app = firstAppOf(state, poolId)
    if (!app) throw new AuthingBusinessError('appNotFound')
  } else {
    throw new AuthingBusinessError('appIdRequired')
  }
  const pool = state.userPools.get(app.userPoolId)
  if (!pool) throw new AuthingBusinessError('appNotFound')
  return { app, pool }
}

export function firstAppOf(state: EmulatorState, poolId: string): ApplicationRecord | undefined {
  return [...state.applications.values()].find((a) => a.userPoolId === poolId)
}
