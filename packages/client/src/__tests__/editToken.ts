/** Shared by the client and React tests: real tokens with their header or claims edited. */
const base64url = {
  encode: (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
  decode: (segment: string) =>
    JSON.parse(atob(segment.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>,
}

/**
 * A real token with its header or claims edited and the emulator's signature kept (unless replaced).
 * A claim given as `undefined` is removed.
 */
export function editToken(token: string, changes: { header?: object; claims?: object; signature?: string }): string {
  const [header = '', payload = '', signature = ''] = token.split('.')
  return [
    base64url.encode({ ...base64url.decode(header), ...changes.header }),
    base64url.encode({ ...base64url.decode(payload), ...changes.claims }),
    changes.signature ?? signature,
  ].join('.')
}
