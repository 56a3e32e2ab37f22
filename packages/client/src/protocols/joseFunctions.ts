// The parts of jose the id_token verifier uses, re-exported statically so that bundlers can drop
// the rest of it (JWE, key generation, signing…) behind the lazy `import()` of this module.
export { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors } from 'jose'
