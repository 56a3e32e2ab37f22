/**
 * @authing-kit/emulator — an offline Authing (v2 wire protocol: GraphQL /graphql/v2 and REST
 * /api/v2) held in memory. Isomorphic: no `node:*` import, so tests, Storybook and browser demos
 * run it in-process through `emulator.fetch`. The Node server and CLI live in `@authing-kit/emulator/node`.
 */
export type { Emulator, EmulatorOptions, EmulatorSocialBrowser, SocialContinued } from './engine/emulator.js'
export { createEmulator } from './engine/emulator.js'
export type { EmulatorInfo } from './engine/engine.js'
export type { OutboxMessage } from './model/records.js'
export type { FlowUser } from './model/seed.js'
export { defaultSeed, demoSeed, SeedError } from './model/seed.js'
/** The code an authenticator app shows for a base32 TOTP secret (RFC 6238: SHA-1, 6 digits, 30 s), for tests. */
export { totpCodeAt } from './engine/domain/mfa/totp.js'
export type { SeedDocument, SeedSocialConnection, SeedUser } from './model/seedDocument.js'
export { Store } from './model/store.js'
/** Authing's v2 GraphQL schema as SDL: what `/graphql/v2` serves, for clients to validate their documents against. */
export { authingSchemaSdl } from './engine/graphql/schema.graphql.js'
export type { StoreChange, StoreListener, StoreSnapshot, Table } from './model/store.js'
