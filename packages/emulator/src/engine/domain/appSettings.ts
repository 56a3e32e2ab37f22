/**
 * An application's login switches as the management API changes them (`POST
 * /api/v2/applications/{id}`, the endpoint authing-js-sdk's `changeApplicationType` and
 * `updateDefaultAccessPolicy` post to), with the names of Authing's application object and public
 * config: the login and register forms, the MFA policy (`applicationMfa`) and profile completion.
 * A change applies to the next request; a value out of range is refused (2231) and a field the
 * emulator does not model answers 1000, so nothing is dropped unseen. One refused field leaves the
 * app as it was.
 */
import {
  type ApplicationRecord,
  type AppLoginSettings,
  defaultLoginSettings,
  type ExtendsField,
  keys,
  loginTabValues,
  type MfaFactor,
} from '../../model/records.js'
import { profileFields } from '../../model/users.js'
import type { Engine } from '../engine.js'
import { loginSettingsOf } from './applications.js'
import { AuthingBusinessError } from './errors.js'

type Input = Record<string, unknown>

const invalid = (field: string) => new AuthingBusinessError('invalidParam', { field })
const isObject = (value: unknown): value is Input =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** A list of `allowed` values without repeats; `nonEmpty` where a form needs at least one. */
function listOf<T extends string>(value: unknown, field: string, allowed: readonly T[], nonEmpty: boolean): T[] {
  if (!Array.isArray(value) || value.some((item) => !allowed.includes(item as T))) throw invalid(field)
  if ((nonEmpty && value.length === 0) || new Set(value).size !== value.length) throw invalid(field)
  return value as T[]
}

function booleanOf(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalid(field)
  return value
}

/** `{enabledLoginMethods}` of `passwordTabConfig` / `verifyCodeTabConfig`. */
function enabledMethods<T extends string>(value: unknown, field: string, allowed: readonly T[]): T[] {
  if (!isObject(value)) throw invalid(field)
  for (const key of Object.keys(value))
    if (key !== 'enabledLoginMethods') throw new AuthingBusinessError('notSupported', { field: `${field}.${key}` })
  return listOf(value.enabledLoginMethods, `${field}.enabledLoginMethods`, allowed, true)
}

const mfaFactors: readonly MfaFactor[] = ['OTP', 'SMS', 'EMAIL']

/** `applicationMfa: [{mfaPolicy, status?, sort?}]`: the factors with `status` 1 (the default), by `sort`. */
export function parseApplicationMfa(value: unknown): MfaFactor[] {
  if (!Array.isArray(value)) throw invalid('applicationMfa')
  const entries = value.map((entry, i) => {
    const at = `applicationMfa[${i}]`
    if (!isObject(entry) || !mfaFactors.includes(entry.mfaPolicy as MfaFactor)) throw invalid(`${at}.mfaPolicy`)
    const { status = 1, sort = i } = entry
    if (status !== 0 && status !== 1) throw invalid(`${at}.status`)
    if (!Number.isInteger(sort)) throw invalid(`${at}.sort`)
    return { factor: entry.mfaPolicy as MfaFactor, on: status === 1, sort: sort as number }
  })
  if (new Set(entries.map((e) => e.factor)).size !== entries.length) throw invalid('applicationMfa')
  return entries
    .filter((e) => e.on)
    .sort((a, b) => a.sort - b.sort)
    .map((e) => e.factor)
}

const internalFields = new Set<string>(['username', 'email', 'phone', ...profileFields])

/** `extendsFields: [{type, name, label?, required?}]`: user fields, or UDFs the pool defines. */
function extendsFieldsOf(engine: Engine, app: ApplicationRecord, value: unknown): ExtendsField[] {
  if (!Array.isArray(value)) throw invalid('extendsFields')
  return value.map((field, i) => {
    const at = `extendsFields[${i}]`
    if (!isObject(field) || (field.type !== 'internal' && field.type !== 'user')) throw invalid(`${at}.type`)
    const { type, name, label, required = false } = field
    if (typeof name !== 'string') throw invalid(`${at}.name`)
    if (type === 'internal' && !internalFields.has(name)) throw invalid(`${at}.name`)
    if (type === 'user' && !engine.state.udfs.has(keys.udf(app.userPoolId, 'USER', name)))
      throw new AuthingBusinessError('udfNotFound', { key: name })
    if (label !== undefined && typeof label !== 'string') throw invalid(`${at}.label`)
    return { type, name, label: label ?? name, required: booleanOf(required, `${at}.required`) }
  })
}

function isUrl(value: string): boolean {
  try {
    return Boolean(new URL(value))
  } catch {
    return false
  }
}

type Applier = (app: ApplicationRecord, value: unknown, engine: Engine) => ApplicationRecord

/** A change of the login form: the defaults follow the tabs they must belong to. */
const loginField =
  (change: (login: AppLoginSettings, value: unknown) => AppLoginSettings): Applier =>
  (app, value) => ({ ...app, login: change(loginSettingsOf(app), value) })

const { passwordLoginMethods, verifyCodeLoginMethods, registerTabs } = defaultLoginSettings

const appliers: Record<string, Applier> = {
  name: (app, value) => {
    if (typeof value !== 'string' || !value.trim()) throw invalid('name')
    return { ...app, name: value }
  },
  description: (app, value) => {
    if (typeof value !== 'string') throw invalid('description')
    return { ...app, description: value || null }
  },
  redirectUris: (app, value) => {
    if (!Array.isArray(value) || value.some((uri) => typeof uri !== 'string' || !isUrl(uri)))
      throw invalid('redirectUris')
    return { ...app, redirectUris: value as string[] }
  },
  loginTabs: loginField((login, value) => ({
    ...login,
    loginTabs: listOf(value, 'loginTabs', loginTabValues, true),
  })),
  defaultLoginTab: loginField((login, value) => ({
    ...login,
    defaultLoginTab: value as AppLoginSettings['defaultLoginTab'],
  })),
  registerTabs: loginField((login, value) => ({
    ...login,
    registerTabs: listOf(value, 'registerTabs', registerTabs, true),
  })),
  defaultRegisterTab: loginField((login, value) => ({
    ...login,
    defaultRegisterTab: value as AppLoginSettings['defaultRegisterTab'],
  })),
  registerDisabled: loginField((login, value) => ({
    ...login,
    registerDisabled: booleanOf(value, 'registerDisabled'),
  })),
  passwordTabConfig: loginField((login, value) => ({
    ...login,
    passwordLoginMethods: enabledMethods(value, 'passwordTabConfig', passwordLoginMethods),
  })),
  verifyCodeTabConfig: loginField((login, value) => ({
    ...login,
    verifyCodeLoginMethods: enabledMethods(value, 'verifyCodeTabConfig', verifyCodeLoginMethods),
  })),
  applicationMfa: (app, value) => ({ ...app, mfa: parseApplicationMfa(value) }),
  extendsFieldsEnabled: (app, value) => {
    if (!booleanOf(value, 'extendsFieldsEnabled')) return { ...app, extendsFields: [] }
    if (!app.extendsFields?.length) throw invalid('extendsFields')
    return app
  },
  extendsFields: (app, value, engine) => ({
    ...app,
    extendsFields: extendsFieldsOf(engine, app, value),
    complateFiledsPlace: app.complateFiledsPlace ?? ['login'],
  }),
  complateFiledsPlace: (app, value) => ({
    ...app,
    complateFiledsPlace: listOf(value, 'complateFiledsPlace', ['register', 'login'] as const, false),
  }),
  passkeyEnabled: (app, value) => ({ ...app, passkeyEnabled: booleanOf(value, 'passkeyEnabled') }),
  skipComplateFileds: (app, value) => ({ ...app, skipComplateFileds: booleanOf(value, 'skipComplateFileds') }),
}

/**
 * A default tab that is no longer among the tabs moves to the first of them, unless the update
 * named it: then it is refused.
 */
function defaultsAmongTabs(login: AppLoginSettings, updates: Input): AppLoginSettings {
  const pairs = [
    ['loginTabs', 'defaultLoginTab'],
    ['registerTabs', 'defaultRegisterTab'],
  ] as const
  let next = login
  for (const [tabs, defaultTab] of pairs) {
    const list: readonly string[] = next[tabs]
    if (list.includes(next[defaultTab])) continue
    if (defaultTab in updates) throw invalid(defaultTab)
    next = { ...next, [defaultTab]: list[0] }
  }
  return next
}

/**
 * Applies `updates` to the app. Defaults are checked against the tabs once every field is in, so
 * `{loginTabs, defaultLoginTab}` may change together in either order. `extendsFieldsEnabled` is
 * applied after the fields: false drops them, true needs some.
 */
export function updateApplication(engine: Engine, app: ApplicationRecord, updates: Input): ApplicationRecord {
  const entries = Object.entries(updates).filter(([, value]) => value !== undefined)
  for (const [key] of entries)
    if (!Object.hasOwn(appliers, key)) throw new AuthingBusinessError('notSupported', { field: key })
  entries.sort(([a], [b]) => Number(a === 'extendsFieldsEnabled') - Number(b === 'extendsFieldsEnabled'))
  let next = app
  for (const [key, value] of entries) next = appliers[key]?.(next, value, engine) ?? next
  if (next.login) next = { ...next, login: defaultsAmongTabs(next.login, updates) }
  if (next === app) return app
  const updated = { ...next, updatedAt: new Date(engine.settings.now()).toISOString() }
  engine.state.applications.set(app.id, updated)
  return updated
}
