import { authingSchemaSdl } from '@authing-kit/emulator'
import { buildSchema, type FieldNode, Kind, type OperationDefinitionNode, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import * as auth from '../documents/auth.js'
import * as codes from '../documents/codes.js'
import * as loginSteps from '../documents/loginSteps.js'
import * as managementAcl from '../documents/management/acl.js'
import * as managementGroups from '../documents/management/groups.js'
import * as managementRoles from '../documents/management/roles.js'
import * as managementToken from '../documents/management/token.js'
import * as managementUdf from '../documents/management/udf.js'
import * as managementUsers from '../documents/management/users.js'
import * as profile from '../documents/profile.js'
import * as register from '../documents/register.js'
import * as roles from '../documents/roles.js'
import * as session from '../documents/session.js'
import * as udf from '../documents/udf.js'

const schema = buildSchema(authingSchemaSdl)
const documents = Object.entries({
  ...auth,
  ...codes,
  ...loginSteps,
  ...profile,
  ...register,
  ...roles,
  ...session,
  ...udf,
  ...managementAcl,
  ...managementGroups,
  ...managementRoles,
  ...managementToken,
  ...managementUdf,
  ...managementUsers,
}).filter(([name]) => name.endsWith('Document'))

// Authing's SDK names an operation after its root field, except where it reads a part of `user`.
const ROOT_FIELD_OF: Record<string, string> = {
  getUserRoles: 'user',
  listUserAuthorizedResources: 'user',
  getUserGroups: 'user',
  roleWithUsers: 'role',
  listRoleAuthorizedResources: 'role',
  groupWithUsers: 'group',
}

describe("the client's GraphQL documents", () => {
  it('are all found', () => {
    expect(documents.length).toBeGreaterThanOrEqual(55)
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

  it.each(documents)('%s selects one root field, the one its name says', (_name, document) => {
    const [operation] = parse(document as string).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    )
    const operationName = operation?.name?.value ?? ''
    const rootFields =
      operation?.selectionSet.selections.filter((selection): selection is FieldNode => selection.kind === Kind.FIELD) ??
      []
    expect(rootFields.map((field) => field.name.value)).toEqual([ROOT_FIELD_OF[operationName] ?? operationName])
  })

  it('has teeth: a misspelled field or argument in a shipped document fails validation', () => {
    const misspelledField = auth.loginByUsernameDocument.replace('phoneVerified', 'phoneVerifed')
    const misspelledArgument = loginSteps.resetPasswordDocument.replace(
      'newPassword: $newPassword',
      'newPasword: $newPassword',
    )
    expect(validate(schema, parse(misspelledField)).map((e) => e.message)).toEqual([
      expect.stringContaining('phoneVerifed'),
    ])
    expect(
      validate(schema, parse(misspelledArgument))
        .map((e) => e.message)
        .join('\n'),
    ).toContain('newPasword')
  })
})
