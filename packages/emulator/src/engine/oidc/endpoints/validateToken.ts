/** `/api/v2/oidc/validate_token?id_token=` or `?access_token=`: Authing's token check. */
import { checkAccessToken, checkIdToken } from '../../domain/sessions/tokenCheck.js'
import { jsonAnswer } from '../responses.js'
import type { ProtocolHandler } from '../types.js'

/**
 * The token's claims when it is valid; otherwise `{code: 400, message}` with HTTP 200, as Authing
 * answers (the official SDKs take any other status for a network failure).
 */
export const validateTokenEndpoint: ProtocolHandler = async ({ engine, url }) => {
  const idToken = url.searchParams.get('id_token')
  const accessToken = url.searchParams.get('access_token')
  if (!idToken && !accessToken) return jsonAnswer({ code: 400, message: 'id_token or access_token is required' })
  const check = idToken ? await checkIdToken(engine, idToken) : await checkAccessToken(engine, accessToken ?? '')
  if (!check.ok)
    return jsonAnswer({ code: 400, message: `the ${idToken ? 'id_token' : 'access_token'} is ${check.reason}` })
  return jsonAnswer(check.value)
}
