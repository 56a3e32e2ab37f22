// node-forge's per-feature files each register on the shared object `lib/forge.js` exports;
// importing only these keeps TLS, ciphers, hashes, ASN.1 and PKCS#12 out of browser bundles.
declare module 'node-forge/lib/forge.js' {
  import type forge from 'node-forge'
  const shared: typeof forge
  export default shared
}
declare module 'node-forge/lib/jsbn.js'
