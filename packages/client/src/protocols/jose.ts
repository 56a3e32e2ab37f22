import { AuthingError } from '../errors.js'

type JoseModule = typeof import('./joseFunctions.js')
let loading: Promise<JoseModule> | undefined

/** jose loads on the first id_token verification: apps that never verify one do not ship or parse it up front. */
export function loadJose(): Promise<JoseModule> {
  loading ??= import('./joseFunctions.js').catch((error: unknown) => {
    loading = undefined
    throw new AuthingError('network_error', 'Could not load jose (id_token verification)', { cause: error })
  })
  return loading
}
