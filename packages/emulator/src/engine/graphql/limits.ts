/**
 * What one GraphQL request may ask for, checked on the parsed document before validation or any
 * resolver runs. Aliases let one small body carry thousands of fields: each password field costs a
 * full hash, and validation itself is quadratic in same-named fields. No Authing SDK sends more than
 * one root field, so these limits sit far above real traffic and far below abuse.
 */
import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql'

import { AuthingBusinessError } from '../domain/errors.js'

export const MAX_ROOT_FIELDS = 10
/** Fields that hash a password (or compare one): at most this many per request. */
export const MAX_PASSWORD_FIELDS = 1
export const MAX_DEPTH = 15
export const MAX_FIELDS = 1000

const passwordFields = new Set([
  'loginByUsername',
  'loginByEmail',
  'loginByPhonePassword',
  'loginBySubAccount',
  'registerByUsername',
  'registerByEmail',
  'registerByPhoneCode',
  'updatePassword',
  'resetPassword',
  'resetPasswordByFirstLoginToken',
  'resetPasswordByForceResetToken',
  'createUser',
  'updateUser',
  'checkPasswordStrength',
])

interface Tally {
  fields: number
  depth: number
}

/** Throws 400 `queryTooComplex` naming the first limit the document exceeds. */
export function assertWithinLimits(document: DocumentNode): void {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions)
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition)
  const tally: Tally = { fields: 0, depth: 0 }
  let passwordCount = 0
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue
    const roots = rootFieldNames(definition.selectionSet, fragments, new Set())
    if (roots.length > MAX_ROOT_FIELDS) tooComplex(`more than ${MAX_ROOT_FIELDS} root fields in one operation`)
    passwordCount += roots.filter((name) => passwordFields.has(name)).length
    if (passwordCount > MAX_PASSWORD_FIELDS)
      tooComplex(`more than ${MAX_PASSWORD_FIELDS} password-checking field per request`)
    walk(definition.selectionSet, 1, fragments, new Set(), tally)
  }
}

function rootFieldNames(
  selections: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): string[] {
  return selections.selections.flatMap((selection) => {
    if (selection.kind === 'Field') return [selection.name.value]
    if (selection.kind === 'InlineFragment') return rootFieldNames(selection.selectionSet, fragments, seen)
    const fragment = fragments.get(selection.name.value)
    if (!fragment || seen.has(fragment.name.value)) return []
    return rootFieldNames(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value]))
  })
}

// `seen` holds the fragments on the current path: a cycle (refused later by validation) ends the walk.
function walk(
  selections: SelectionSetNode,
  depth: number,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
  tally: Tally,
): void {
  if (depth > MAX_DEPTH) tooComplex(`nested deeper than ${MAX_DEPTH} levels`)
  for (const selection of selections.selections) {
    if (selection.kind === 'Field') {
      if (++tally.fields > MAX_FIELDS) tooComplex(`more than ${MAX_FIELDS} fields`)
      if (selection.selectionSet) walk(selection.selectionSet, depth + 1, fragments, seen, tally)
    } else if (selection.kind === 'InlineFragment') {
      walk(selection.selectionSet, depth, fragments, seen, tally)
    } else {
      const fragment = fragments.get(selection.name.value)
      if (fragment && !seen.has(fragment.name.value))
        walk(fragment.selectionSet, depth, fragments, new Set([...seen, fragment.name.value]), tally)
    }
  }
}

function tooComplex(reason: string): never {
  throw new AuthingBusinessError('queryTooComplex', { reason })
}
