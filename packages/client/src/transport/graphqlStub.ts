/**
 * What graphql-request imports from `graphql`, for the built package only (see tsdown.config.ts):
 * the transport sends string documents with `excludeOperationName`, so graphql-request never parses
 * or prints them, and the real parser (about 10 KiB gzip) would be dead weight in every app.
 * Tests run graphql-request on the real `graphql`; the emulator's schema checks use it too.
 */
const unused = (name: string) => () => {
  throw new Error(`@authing-kit/client: graphql-request called graphql's ${name}, which the built client leaves out`)
}

export const parse = unused('parse')
export const print = unused('print')
export const Kind = { OPERATION_DEFINITION: 'OperationDefinition' } as const
