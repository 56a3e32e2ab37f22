/**
 * Profile completion at login (facts: login-flows §5, 1642). An app names the fields it wants in
 * `extendsFields` (Authing's public-config name) and asks for them at login when
 * `complateFiledsPlace` (sic) holds `login`. A login of a user who lacks a required one answers 1642
 * with the fields still empty, as Guard's `metaData`, and a step token (`flowHandle`) that
 * `/interaction/authFlow` completes or skips (./complete.ts). [I] Only a missing *required* field
 * stops a login: optional ones are offered in the same step, never on their own.
 */
import { type ApplicationRecord, type ExtendsField, keys } from '../../../model/records.js'
import type { ProfileField, UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { AuthingBusinessError } from '../errors.js'
import { openStep } from '../loginSteps.js'

/** One field of Guard's completion form (`CompleteInfo` `metaData[]`). */
export interface CompletionMeta {
  type: string
  label: string
  name: string
  required: boolean
  validateRules: { type: 'none' | 'email' | 'phone' | 'isNumber' | 'regExp'; content: string }[]
  options?: { value: string; label: string }[]
}

const udfInputType = {
  STRING: 'string',
  NUMBER: 'number',
  DATETIME: 'datetime',
  BOOLEAN: 'boolean',
  SELECT: 'select',
  OBJECT: 'text',
}

/** The app's completion fields, when it asks for them at login. */
export function loginCompletionFields(app: ApplicationRecord): ExtendsField[] {
  return app.complateFiledsPlace?.includes('login') ? (app.extendsFields ?? []) : []
}

/** Whether `user` has a value for `field`. */
export function hasValue(engine: Engine, user: UserRecord, field: ExtendsField): boolean {
  if (field.type === 'user') return engine.state.udvs.get(keys.udv('USER', user.id))?.[field.name] !== undefined
  if (field.name === 'username' || field.name === 'email' || field.name === 'phone') return Boolean(user[field.name])
  return Boolean(user.profile[field.name as ProfileField])
}

/** The app's completion fields `user` has no value for. */
export function missingFields(engine: Engine, user: UserRecord, app: ApplicationRecord): ExtendsField[] {
  return loginCompletionFields(app).filter((field) => !hasValue(engine, user, field))
}

/** How Guard draws `field` (its input type and validation rules). */
export function metaOf(engine: Engine, poolId: string, field: ExtendsField): CompletionMeta {
  const base = { label: field.label, name: field.name, required: field.required }
  if (field.type === 'user') {
    const udf = engine.state.udfs.get(keys.udf(poolId, 'USER', field.name))
    const type = udf ? udfInputType[udf.dataType] : 'string'
    const rules: CompletionMeta['validateRules'] = type === 'number' ? [{ type: 'isNumber', content: '' }] : []
    return { type, ...base, validateRules: rules }
  }
  const type = field.name === 'username' || field.name === 'email' || field.name === 'phone' ? field.name : 'string'
  const rules: CompletionMeta['validateRules'] = type === 'email' || type === 'phone' ? [{ type, content: '' }] : []
  return { type, ...base, validateRules: rules }
}

/** Returns when `user` may log in to `app` as they are; otherwise throws 1642 with the step's data. */
export function requireProfile(engine: Engine, user: UserRecord, app: ApplicationRecord): void {
  const missing = missingFields(engine, user, app)
  if (!missing.some((field) => field.required)) return
  const flowHandle = openStep(engine, 'completeProfile', user, app)
  throw new AuthingBusinessError(
    'profileIncomplete',
    {},
    {
      skip: app.skipComplateFileds === true,
      metaData: missing.map((field) => metaOf(engine, user.userPoolId, field)),
      flowHandle,
    },
  )
}
