import { authingSchemaSdl } from '@authing-kit/emulator'
import { buildSchema, Kind, parse, validate, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql'
import { describe, expect, it } from 'vitest'
import * as auth from '../documents/auth.js'
import * as codes from '../documents/codes.js'
import * as profile from '../documents/profile.js'
import * as roles from '../documents/roles.js'
import * as session from '../documents/session.js'
import * as udf from '../documents/udf.js'

const schema = buildSchema(authingSchemaSdl)

// Every string the document modules export is a document the client may send.
const documents = Object.entries({ ...auth, ...codes, ...profile, ...roles, ...session, ...udf }).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
)

// Authing's SDK names an operation after its root field, except where it reads a part of `user`.
const ROOT_FIELD_OF: Record<string, string> = { getUserRoles: 'user', listUserAuthorizedResources: 'user' }

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
}

function validationErrors(source: string): string[] {
  return validate(schema, parse(source)).map((error) => error.message)
}

describe('GraphQL documents against the Authing v2 schema', () => {
  it('finds every document the client ships (one per GraphQL method)', () => {
    expect(documents.map(([name]) => name)).toEqual(expect.arrayContaining(['loginByUsernameDocument', 'userDocument', 'udvDocument']))
    expect(documents.length).toBeGreaterThanOrEqual(25)
  })

  it.each(documents)('%s parses and validates with no error', (_name, source) => {
    expect(validationErrors(source)).toEqual([])
  })

  it.each(documents)('%s is one operation named after its root field', (name, source) => {
    const operations = operationsOf(parse(source))
    expect(operations).toHaveLength(1)
    const [operation] = operations
    const operationName = operation?.name?.value ?? ''
    expect(`${operationName}Document`).toBe(name)
    const rootFields = operation?.selectionSet.selections.filter((selection): selection is FieldNode => selection.kind === Kind.FIELD) ?? []
    expect(rootFields.map((field) => field.name.value)).toEqual([ROOT_FIELD_OF[operationName] ?? operationName])
  })

  it('the check has teeth: a misspelled field or argument in a shipped document fails validation', () => {
    const misspelledField = auth.loginByUsernameDocument.replace('phoneVerified', 'phoneVerifed')
    const misspelledArgument = codes.resetPasswordDocument.replace('newPassword: $newPassword', 'newPasword: $newPassword')
    expect(misspelledField).not.toBe(auth.loginByUsernameDocument)
    expect(misspelledArgument).not.toBe(codes.resetPasswordDocument)
    expect(validationErrors(misspelledField)).toEqual([expect.stringContaining('phoneVerifed')])
    expect(validationErrors(misspelledArgument).join('\n')).toContain('newPasword')
  })
})
