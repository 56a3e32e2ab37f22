import { isIP } from 'node:net'

/** True for hosts that only this machine can reach: localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true
  const version = isIP(bare)
  if (version === 4) return bare.startsWith('127.')
  if (version === 6) return bare === '::1' || /^::ffff:127\./.test(bare) || /^(0+:){7}0*1$/.test(bare)
  return false
}

/** The base URL clients use for a listening address (a wildcard bind is reached via loopback). */
export function baseUrlOf(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  const reachable = bare === '0.0.0.0' ? '127.0.0.1' : bare === '::' ? '::1' : bare
  return `http://${isIP(reachable) === 6 ? `[${reachable}]` : reachable}:${port}`
}
