import { authingSchemaSdl } from '@authing-kit/emulator'
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql'
import { describe, expect, it } from 'vitest'
import * as auth from '../documents/auth.js'
import * as codes from '../documents/codes.js'
import * as profile from '../documents/profile.js'
import * as roles from '../documents/roles.js'
import * as session from '../documents/session.js'
import * as udf from '../documents/udf.js'

const schema = buildSchema(authingSchemaSdl)
const documents = Object.entries({ ...auth, ...codes, ...profile, ...roles, ...session, ...udf }).filter(([name]) =>
  name.endsWith('Document'),
)

describe("the client's GraphQL documents", () => {
  it('are all found', () => {
    expect(documents.length).toBeGreaterThanOrEqual(25)
  })

  it.each(documents)('%s validates against Authing v2 schema', (_name, document) => {
    const errors = validate(schema, parse(document as string))
    expect(errors.map((error) => error.message)).toEqual([])
  })

  it.each(documents)('%s is one operation named as Authing names it', (name, document) => {
    const operations = parse(document as string).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    )
    expect(operations).toHaveLength(1)
    expect(`${operations[0]?.name?.value}Document`).toBe(name)
  })
})
