export type { JournalFs, JournalOptions } from './journal.js'
export { Journal, journalPathOf } from './journal.js'
export { isLoopbackHost } from './loopback.js'
export type { EmulatorServer, EmulatorServerOptions } from './server.js'
export { startEmulatorServer } from './server.js'
export type { EmulatorServerErrorCode } from './serverError.js'
export { EmulatorServerError, isEmulatorServerError } from './serverError.js'
export type {
  SoftAssertion,
  SoftAttestation,
  SoftAuthenticator,
  SoftAuthenticatorOptions,
  SoftCreationOptions,
  SoftCredential,
  SoftRequestOptions,
} from './softAuthenticator.js'
export { createSoftAuthenticator, SoftAuthenticatorError } from './softAuthenticator.js'
