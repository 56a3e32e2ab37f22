/** `/oidc/.well-known/jwks.json`: the public half of the emulator's RS256 key (HS256 id_tokens use the app secret). */
import { jsonAnswer } from '../responses.js'
import type { ProtocolHandler } from '../types.js'

export const jwksEndpoint: ProtocolHandler = async ({ engine }) => {
  const keys = engine.state.keyring.get('current')
  return jsonAnswer({ keys: keys ? [keys.signing.publicJwk] : [] })
}
