// The parts of graphql-request the transport uses, re-exported statically so that bundlers can
// drop the rest of it behind the lazy `import()` of this module.
export { ClientError, GraphQLClient } from 'graphql-request'
