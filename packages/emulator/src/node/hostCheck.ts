import { isLoopbackHost } from './loopback.js'

/**
 * Which `Host` headers the server answers, and the origin each one stands for. A web page whose DNS
 * name is rebound to 127.0.0.1 reaches the emulator with its own name in `Host`: answering it would
 * let that page send codes, read `/__emulator/outbox` and log in as anyone. So only this machine's
 * names on the server's port, and the app host, are answered; a wildcard bind with `allowRemote`
 * answers every name, since the person who started it asked for remote clients.
 */
export function hostCheck(options: { url: string; appHost: string; bindHost: string; allowRemote: boolean }) {
  const server = new URL(options.url)
  const app = new URL(options.appHost)
  const anyHost = options.allowRemote && ['0.0.0.0', '::', '[::]'].includes(options.bindHost)
  /** The origin a request with this Host header is for, or null when it must not be answered. */
  return (hostHeader: string | undefined): string | null => {
    if (!hostHeader) return null
    let asked: URL
    try {
      asked = new URL(`http://${hostHeader}`)
    } catch {
      return null
    }
    // Anything beyond host[:port] (a path, credentials) is not a Host header.
    if (asked.host !== hostHeader.toLowerCase()) return null
    if (asked.host === app.host) return app.origin
    const port = asked.port || '80'
    if (anyHost || (port === server.port && (isLoopbackHost(asked.hostname) || asked.host === server.host)))
      return asked.origin
    return null
  }
}
