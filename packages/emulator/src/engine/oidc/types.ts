import type { Engine } from '../engine.js'

/** A protocol endpoint's view of a request (path parameters from the route pattern). */
export interface ProtocolRequest {
  engine: Engine
  request: Request
  url: URL
  params: Record<string, string>
}

/** Protocol endpoints answer whole Responses: redirects, pages, OAuth JSON, CAS text. */
export type ProtocolHandler = (request: ProtocolRequest) => Promise<Response>
