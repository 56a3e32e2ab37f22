/**
 * `@simplewebauthn/server`, loaded at the first ceremony: with its ASN.1 and X.509 code it is a third
 * of the emulator's size in a browser (Storybook), where most pages never see a passkey.
 */
type Library = {
  server: typeof import('@simplewebauthn/server')
  helpers: typeof import('@simplewebauthn/server/helpers')
}

let loading: Promise<Library> | undefined

export function webauthnLibrary(): Promise<Library> {
  loading ??= Promise.all([import('@simplewebauthn/server'), import('@simplewebauthn/server/helpers')]).then(
    ([server, helpers]) => ({ server, helpers }),
  )
  return loading
}
