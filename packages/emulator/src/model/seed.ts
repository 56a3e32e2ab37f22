/**
 * Seed documents: the JSON an emulator starts from (and returns to on `reset()`).
 * `resolveSeed` fixes every id synchronously, so `info()` is valid before `ready()`; `applySeed`
 * then hashes the passwords and writes the records through the store.
 */
import { hashPassword, objectId, randomHex, randomRecoveryCode } from './crypto.js'
import {
  type ApplicationRecord,
  type AppLoginSettings,
  defaultLoginSettings,
  type GrantRecord,
  keys,
  loginTabValues,
  newApplicationRecord,
  newResourceRecord,
  newRoleRecord,
  type SocialConnectionRecord,
} from './records.js'
import type { SeedDocument, SeedSocialConnection, SeedUser } from './seedDocument.js'
import { defaultAccount, providerNames } from './socialProviders.js'
import type { EmulatorState } from './state.js'
import { storedUdvValue } from './udv.js'
import { newUserRecord, profileFields, profileOf, type UserRecord } from './users.js'

/** A seed document that cannot be applied; `ready()` rejects with it. */
export class SeedError extends Error {
  readonly code = 'SEED_INVALID'
  constructor(message: string) {
    super(`Invalid seed: ${message}`)
    this.name = 'SeedError'
  }
}

/** The default state: ids are fixed so demos, `.env` lines and bookmarks stay valid across runs. */
export const defaultSeed: SeedDocument = {
  userPool: { id: '62a0f0a9c6b1c2a3d4e5f601', secret: 'emulator-userpool-secret-0001', name: 'Authing Emulator' },
  applications: [
    {
      id: '62a0f0a9c6b1c2a3d4e5f602',
      secret: 'emulator-app-secret-0001',
      name: 'Emulator App',
      identifier: 'emulator-app',
      description: 'The application of the default seed',
      socialConnections: [
        { identifier: 'github' },
        { identifier: 'wechat:pc' },
        { identifier: 'dingtalk' },
        { identifier: 'wechatwork:corp:qrconnect' },
        { identifier: 'alipay' },
        { identifier: 'google' },
      ],
    },
  ],
  users: [
    {
      id: '62a0f0a9c6b1c2a3d4e5f603',
      username: 'bob',
      password: 'passw0rd',
      email: 'bob@example.com',
      phone: '13800138000',
      nickname: 'Bob',
      roles: ['admin'],
      udf: { school: 'Tsinghua University' },
    },
  ],
  roles: [{ code: 'admin', description: 'Administrator' }],
  resources: [{ code: 'book', type: 'DATA', actions: ['read', 'write'], description: 'Books' }],
  grants: [{ resource: 'book', actions: ['read'], role: 'admin' }],
  udfs: [{ targetType: 'USER', key: 'school', dataType: 'STRING', label: 'School' }],
}

/**
 * What the CLI and the demo start from: the default seed plus a user per login flow, each printed
 * with what their login meets. In-process emulators keep `defaultSeed` (bob alone) unless told.
 */
export const demoSeed: SeedDocument = {
  ...defaultSeed,
  // Three wrong passwords for one account, and its next login needs the captcha (2000).
  userPool: { ...defaultSeed.userPool, robotVerify: 'condition_set', captchaAfterFailures: 3 },
  applications: (defaultSeed.applications ?? []).map((app) => ({
    ...app,
    // The login form offers "scan with the app" too: the dashboard plays the phone.
    loginTabs: ['password', 'phone-code', 'app-qrcode'],
    // A provider that refuses, and one whose new users bind an account of the pool first (1641).
    socialConnections: [
      ...(app.socialConnections ?? []),
      { identifier: 'qq', refuse: { message: 'The QQ user refused to authorise the app' } },
      { identifier: 'weibo', bindExistingAccount: true },
    ],
  })),
  users: [
    ...(defaultSeed.users ?? []),
    {
      id: '62a0f0a9c6b1c2a3d4e5f604',
      username: 'mfa-alice',
      password: 'passw0rd',
      email: 'alice@example.com',
      nickname: 'Alice',
      totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      totpRecoveryCode: 'alice-recovery-01',
    },
    {
      id: '62a0f0a9c6b1c2a3d4e5f605',
      username: 'first-login-carol',
      password: 'passw0rd',
      nickname: 'Carol',
      resetPasswordOnFirstLogin: true,
    },
  ],
}

/** A seeded user whose login meets a step, and what it is, for banners and the dashboard. */
export interface FlowUser {
  username: string
  password: string
  meets: string
}

/** The seed's users (after the demo user) whose password login stops at a step. */
export function flowUsersOf(seed: SeedDocument): FlowUser[] {
  return (seed.users ?? []).flatMap((user) => {
    if (!user.username || !user.password) return []
    const meets = user.totpSecret
      ? `an authenticator code (the dashboard shows it${user.totpRecoveryCode ? `; recovery code ${user.totpRecoveryCode}` : ''})`
      : user.resetPasswordOnFirstLogin
        ? 'a new password of their own at the first login'
        : null
    return meets ? [{ username: user.username, password: user.password, meets }] : []
  })
}

type Required2<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> }
export interface ResolvedSeed extends SeedDocument {
  userPool: Required2<NonNullable<SeedDocument['userPool']>, 'id' | 'secret'>
  applications: Required2<NonNullable<SeedDocument['applications']>[number], 'id' | 'secret'>[]
  users: Required2<SeedUser, 'id'>[]
}

/** Gives every pool, application and user an id (and secrets), so re-applying gives the same state. */
export function resolveSeed(seed: SeedDocument): ResolvedSeed {
  checkShape(seed)
  const apps = seed.applications?.length ? seed.applications : [{}]
  return {
    ...seed,
    userPool: { ...seed.userPool, id: seed.userPool?.id ?? objectId(), secret: seed.userPool?.secret ?? randomHex(16) },
    applications: apps.map((app) => ({ ...app, id: app.id ?? objectId(), secret: app.secret ?? randomHex(16) })),
    users: (seed.users ?? []).map((user) => ({ ...user, id: user.id ?? objectId() })),
  }
}

/** An MFA policy of the seed: absent, or a list of the factors the emulator serves. */
const isMfaPolicy = (value: unknown): boolean =>
  value === undefined ||
  (Array.isArray(value) && value.every((factor) => ['OTP', 'SMS', 'EMAIL'].includes(factor as string)))

/** The structural checks a JSON file needs before anything reads it (values are checked on apply). */
function checkShape(seed: SeedDocument): void {
  if (seed === null || typeof seed !== 'object' || Array.isArray(seed)) throw new SeedError('not a JSON object')
  for (const list of ['applications', 'users', 'roles', 'resources', 'grants', 'udfs'] as const) {
    const value = seed[list]
    if (value === undefined) continue
    if (!Array.isArray(value) || value.some((item) => item === null || typeof item !== 'object')) {
      throw new SeedError(`"${list}" must be an array of objects`)
    }
  }
  if (seed.userPool !== undefined && (seed.userPool === null || typeof seed.userPool !== 'object')) {
    throw new SeedError('"userPool" must be an object')
  }
  const strings = (where: string, item: object, fields: string[], required: string[] = []): void => {
    for (const field of fields) {
      const value = (item as Record<string, unknown>)[field]
      if (value === undefined ? required.includes(field) : typeof value !== 'string') {
        throw new SeedError(`${where}.${field} must be a string`)
      }
    }
  }
  strings('userPool', seed.userPool ?? {}, ['id', 'secret', 'name'])
  checkPoolPasswordRules(seed.userPool ?? {})
  const { robotVerify, captchaAfterFailures } = seed.userPool ?? {}
  if (robotVerify !== undefined && !['always_enable', 'disable', 'condition_set'].includes(robotVerify))
    throw new SeedError('userPool.robotVerify must be "always_enable", "disable" or "condition_set"')
  if (captchaAfterFailures !== undefined && !(Number.isInteger(captchaAfterFailures) && captchaAfterFailures >= 0))
    throw new SeedError('userPool.captchaAfterFailures must be a whole number')
  if (!isMfaPolicy(seed.userPool?.mfa)) throw new SeedError('userPool.mfa must be an array of "OTP", "SMS" or "EMAIL"')
  seed.applications?.forEach((a, i) => {
    strings(`applications[${i}]`, a, ['id', 'secret', 'name', 'identifier', 'description'])
    if (
      a.redirectUris !== undefined &&
      (!Array.isArray(a.redirectUris) || a.redirectUris.some((uri) => typeof uri !== 'string'))
    ) {
      throw new SeedError(`applications[${i}].redirectUris must be an array of URLs`)
    }
    if (a.idTokenSigningAlg !== undefined && a.idTokenSigningAlg !== 'RS256' && a.idTokenSigningAlg !== 'HS256') {
      throw new SeedError(`applications[${i}].idTokenSigningAlg must be "RS256" or "HS256"`)
    }
    if (!isMfaPolicy(a.mfa)) throw new SeedError(`applications[${i}].mfa must be an array of "OTP", "SMS" or "EMAIL"`)
    if (a.pkcePlainAllowed !== undefined && typeof a.pkcePlainAllowed !== 'boolean') {
      throw new SeedError(`applications[${i}].pkcePlainAllowed must be true or false`)
    }
    if (a.passkeyEnabled !== undefined && typeof a.passkeyEnabled !== 'boolean') {
      throw new SeedError(`applications[${i}].passkeyEnabled must be true or false`)
    }
    checkLoginForm(a, `applications[${i}]`)
    checkCompletion(a, `applications[${i}]`)
    checkSocialConnections(a.socialConnections, `applications[${i}].socialConnections`)
  })
  seed.users?.forEach((u, i) => {
    const texts = ['id', 'username', 'email', 'phone', 'password', 'totpSecret', 'totpRecoveryCode', ...profileFields]
    strings(`users[${i}]`, u, texts)
    if (u.totpSecret !== undefined && !/^[A-Z2-7]{16,}=*$/.test(u.totpSecret))
      throw new SeedError(`users[${i}].totpSecret must be a base32 secret (at least 16 characters)`)
    if (u.totpRecoveryCode !== undefined && (!u.totpSecret || !/^[\w-]{8,64}$/.test(u.totpRecoveryCode)))
      throw new SeedError(`users[${i}].totpRecoveryCode needs a totpSecret, and 8 to 64 letters, digits or dashes`)
    if (!u.username && !u.email && !u.phone) throw new SeedError(`users[${i}] needs a username, email or phone`)
    if (u.resetPasswordOnFirstLogin !== undefined && typeof u.resetPasswordOnFirstLogin !== 'boolean')
      throw new SeedError(`users[${i}].resetPasswordOnFirstLogin must be true or false`)
    if (u.passwordLastSetAt !== undefined && Number.isNaN(Date.parse(String(u.passwordLastSetAt))))
      throw new SeedError(`users[${i}].passwordLastSetAt must be an ISO date`)
  })
  seed.roles?.forEach((r, i) => strings(`roles[${i}]`, r, ['code', 'description', 'namespace'], ['code']))
  seed.resources?.forEach((r, i) => {
    strings(`resources[${i}]`, r, ['code', 'type', 'namespace', 'description'], ['code', 'type'])
    if (!['DATA', 'API', 'MENU', 'UI', 'BUTTON'].includes(r.type))
      throw new SeedError(`resources[${i}].type is not a resource type`)
    if (!Array.isArray(r.actions)) throw new SeedError(`resources[${i}].actions must be an array of names`)
  })
  seed.grants?.forEach((g, i) => {
    strings(`grants[${i}]`, g, ['resource', 'role', 'user', 'namespace'], ['resource'])
    if (!Array.isArray(g.actions)) throw new SeedError(`grants[${i}].actions must be an array of names`)
  })
  seed.udfs?.forEach((u, i) => {
    strings(`udfs[${i}]`, u, ['key', 'label'], ['key'])
    if (!['STRING', 'NUMBER', 'DATETIME', 'BOOLEAN', 'OBJECT', 'SELECT'].includes(u.dataType)) {
      throw new SeedError(`udfs[${i}].dataType is not a UDF data type`)
    }
  })
}

// Every value the emulator supports is in its defaults, but for the tabs other than the form's own.
const loginFormLists = {
  loginTabs: loginTabValues,
  passwordLoginMethods: defaultLoginSettings.passwordLoginMethods,
  verifyCodeLoginMethods: defaultLoginSettings.verifyCodeLoginMethods,
  registerTabs: defaultLoginSettings.registerTabs,
}

function checkLoginForm(app: NonNullable<SeedDocument['applications']>[number], where: string): void {
  for (const [field, allowed] of Object.entries(loginFormLists)) {
    const value = app[field as keyof typeof loginFormLists] as unknown
    if (value === undefined) continue
    if (!Array.isArray(value) || value.some((item) => !(allowed as string[]).includes(item)))
      throw new SeedError(`${where}.${field} must be an array of ${allowed.map((v) => `"${v}"`).join(', ')}`)
  }
  const { loginTabs, registerTabs } = defaultLoginSettings
  if (app.defaultLoginTab !== undefined && !(app.loginTabs ?? loginTabs).includes(app.defaultLoginTab))
    throw new SeedError(`${where}.defaultLoginTab must be one of its loginTabs`)
  if (app.defaultRegisterTab !== undefined && !(app.registerTabs ?? registerTabs).includes(app.defaultRegisterTab))
    throw new SeedError(`${where}.defaultRegisterTab must be one of its registerTabs`)
  if (app.registerDisabled !== undefined && typeof app.registerDisabled !== 'boolean')
    throw new SeedError(`${where}.registerDisabled must be true or false`)
  if (app.agreements === undefined) return
  if (!Array.isArray(app.agreements)) throw new SeedError(`${where}.agreements must be an array`)
  app.agreements.forEach((agreement, j) => {
    const at = `${where}.agreements[${j}]`
    if (agreement === null || typeof agreement !== 'object' || typeof agreement.title !== 'string' || !agreement.title)
      throw new SeedError(`${at}.title must be a string`)
    if (agreement.required !== undefined && typeof agreement.required !== 'boolean')
      throw new SeedError(`${at}.required must be true or false`)
    if (agreement.lang !== undefined && agreement.lang !== 'zh-CN' && agreement.lang !== 'en-US')
      throw new SeedError(`${at}.lang must be "zh-CN" or "en-US"`)
    if (agreement.availableAt !== undefined && ![0, 1, 2].includes(agreement.availableAt))
      throw new SeedError(`${at}.availableAt must be 0 (register), 1 (login) or 2 (both)`)
  })
}

/** The app's login form as the seed describes it; nothing said: the emulator's defaults (no `login` field). */
function loginFormOf(app: ResolvedSeed['applications'][number]): AppLoginSettings | undefined {
  const said = ['loginTabs', 'defaultLoginTab', 'passwordLoginMethods', 'verifyCodeLoginMethods', 'registerTabs']
  if (![...said, 'defaultRegisterTab', 'registerDisabled'].some((field) => field in app)) return undefined
  const loginTabs = app.loginTabs ?? defaultLoginSettings.loginTabs
  const registerTabs = app.registerTabs ?? defaultLoginSettings.registerTabs
  return {
    loginTabs,
    defaultLoginTab: app.defaultLoginTab ?? loginTabs[0] ?? defaultLoginSettings.defaultLoginTab,
    passwordLoginMethods: app.passwordLoginMethods ?? defaultLoginSettings.passwordLoginMethods,
    verifyCodeLoginMethods: app.verifyCodeLoginMethods ?? defaultLoginSettings.verifyCodeLoginMethods,
    registerTabs,
    defaultRegisterTab: app.defaultRegisterTab ?? registerTabs[0] ?? defaultLoginSettings.defaultRegisterTab,
    registerDisabled: app.registerDisabled ?? false,
  }
}

function checkPoolPasswordRules(pool: NonNullable<SeedDocument['userPool']>): void {
  if (pool.passwordStrength !== undefined && ![0, 1, 2, 3].includes(pool.passwordStrength))
    throw new SeedError('userPool.passwordStrength must be 0, 1, 2 or 3')
  const policy = pool.passwordUpdatePolicy
  if (
    policy !== undefined &&
    (policy === null ||
      typeof policy !== 'object' ||
      !(Number.isInteger(policy.forcedCycle) && policy.forcedCycle > 0) ||
      (policy.enabled !== undefined && typeof policy.enabled !== 'boolean') ||
      (policy.forcedCycleUnit !== undefined && !['DAY', 'MONTH', 'YEAR'].includes(policy.forcedCycleUnit)))
  )
    throw new SeedError(
      'userPool.passwordUpdatePolicy must be {forcedCycle: a positive integer, forcedCycleUnit?: "DAY" | "MONTH" | "YEAR", enabled?: boolean}',
    )
  const weak = pool.weakPasswords
  if (weak !== undefined && (!Array.isArray(weak) || weak.some((p) => typeof p !== 'string')))
    throw new SeedError('userPool.weakPasswords must be an array of strings')
}

const completionNames = new Set<string>(['username', 'email', 'phone', ...profileFields])

function checkCompletion(app: NonNullable<SeedDocument['applications']>[number], where: string): void {
  const fields = app.extendsFields
  if (fields !== undefined) {
    if (!Array.isArray(fields)) throw new SeedError(`${where}.extendsFields must be an array`)
    fields.forEach((f, j) => {
      const ok =
        f !== null &&
        typeof f === 'object' &&
        (f.type === 'internal' || f.type === 'user') &&
        typeof f.name === 'string' &&
        (f.type === 'user' || completionNames.has(f.name)) &&
        (f.label === undefined || typeof f.label === 'string') &&
        (f.required === undefined || typeof f.required === 'boolean')
      if (!ok)
        throw new SeedError(
          `${where}.extendsFields[${j}] must be {type: "internal" (a user field such as email, phone, nickname) | "user" (a UDF key), name, label?, required?}`,
        )
    })
  }
  const places = app.complateFiledsPlace
  if (places !== undefined && (!Array.isArray(places) || places.some((p) => p !== 'login' && p !== 'register')))
    throw new SeedError(`${where}.complateFiledsPlace must be an array of "login" or "register"`)
  if (app.skipComplateFileds !== undefined && typeof app.skipComplateFileds !== 'boolean')
    throw new SeedError(`${where}.skipComplateFileds must be true or false`)
}

export function demoUserOf(
  seed: ResolvedSeed,
): { username: string; password: string; email?: string; phone?: string } | null {
  const user = seed.users.find((u) => u.username && u.password)
  if (!user?.username || !user.password) return null
  return {
    username: user.username,
    password: user.password,
    ...(user.email ? { email: user.email } : {}),
    ...(user.phone ? { phone: user.phone } : {}),
  }
}

export async function applySeed(
  state: EmulatorState,
  seed: ResolvedSeed,
  options: { passwordIterations: number; now: number },
): Promise<void> {
  const at = new Date(options.now).toISOString()
  const poolId = seed.userPool.id
  const firstApp = seed.applications[0]
  if (!firstApp) throw new Error('resolveSeed always yields an application')
  const hashes = await Promise.all(
    seed.users.map((u) => (u.password ? hashPassword(u.password, options.passwordIterations) : null)),
  )

  state.meta.set('emulator', { userPoolId: poolId, appId: firstApp.id, demoUser: demoUserOf(seed), seed })
  const { passwordStrength, passwordUpdatePolicy: policy, weakPasswords } = seed.userPool
  state.userPools.set(poolId, {
    id: poolId,
    secret: seed.userPool.secret,
    name: seed.userPool.name ?? 'Authing Emulator',
    ...(passwordStrength !== undefined ? { passwordStrength } : {}),
    ...(policy
      ? {
          passwordUpdatePolicy: {
            enabled: policy.enabled ?? true,
            forcedCycle: policy.forcedCycle,
            forcedCycleUnit: policy.forcedCycleUnit ?? 'DAY',
          },
        }
      : {}),
    ...(weakPasswords ? { weakPasswords } : {}),
    createdAt: at,
    ...(seed.userPool.robotVerify ? { robotVerify: seed.userPool.robotVerify } : {}),
    ...(seed.userPool.captchaAfterFailures === undefined
      ? {}
      : { captchaAfterFailures: seed.userPool.captchaAfterFailures }),
    ...(seed.userPool.mfa?.length ? { mfa: seed.userPool.mfa } : {}),
  })
  let agreementId = 0
  for (const app of seed.applications) {
    const login = loginFormOf(app)
    state.applications.set(
      app.id,
      newApplicationRecord(poolId, at, {
        id: app.id,
        secret: app.secret,
        name: app.name ?? 'Application',
        identifier: app.identifier ?? app.id,
        description: app.description ?? null,
        logo: null,
        redirectUris: app.redirectUris ?? [],
        idTokenSigningAlg: app.idTokenSigningAlg ?? 'RS256',
        mfa: app.mfa ?? [],
        pkcePlainAllowed: app.pkcePlainAllowed ?? false,
        passkeyEnabled: app.passkeyEnabled ?? true,
        ...(login ? { login } : {}),
        ...completionOf(app),
        ...(app.socialConnections ? { socialConnections: socialConnectionsOf(app) } : {}),
      }),
    )
    app.agreements?.forEach((agreement, order) => {
      const id = ++agreementId
      state.agreements.set(String(id), {
        id,
        appId: app.id,
        userPoolId: poolId,
        title: agreement.title,
        required: agreement.required ?? true,
        lang: agreement.lang ?? 'zh-CN',
        availableAt: agreement.availableAt ?? 0,
        order: order + 1,
      })
    })
  }
  for (const role of seed.roles ?? []) {
    const namespace = role.namespace ?? 'default'
    const description = role.description ?? null
    const record = newRoleRecord(poolId, at, { namespace, code: role.code, description, parentCode: null })
    state.roles.set(keys.role(poolId, namespace, role.code), record)
  }
  for (const res of seed.resources ?? []) {
    const namespace = res.namespace ?? firstApp.id
    const record = newResourceRecord(poolId, {
      namespace,
      code: res.code,
      type: res.type,
      description: res.description ?? null,
      actions: res.actions.map((name) => ({ name, description: null })),
      apiIdentifier: null,
    })
    state.resources.set(keys.resource(poolId, namespace, res.code), record)
  }
  for (const udf of seed.udfs ?? []) {
    state.udfs.set(keys.udf(poolId, udf.targetType, udf.key), {
      userPoolId: poolId,
      targetType: udf.targetType,
      key: udf.key,
      dataType: udf.dataType,
      label: udf.label ?? udf.key,
      options: null,
    })
  }
  seed.users.forEach((user, i) => {
    state.users.set(user.id, seedUserRecord(user, poolId, hashes[i] ?? null, at))
    if (user.totpSecret) {
      const recoveryCode = user.totpRecoveryCode ?? randomRecoveryCode()
      const record = { userId: user.id, secret: user.totpSecret, recoveryCode, enabled: true, lastStep: null }
      state.totpAuthenticators.set(user.id, { ...record, createdAt: at, updatedAt: at })
    }
    const roleKeys = (user.roles ?? []).map((code) => findRoleKey(state, poolId, code, 'default'))
    if (roleKeys.length) state.userRoles.set(user.id, roleKeys)
    const udv: Record<string, string> = {}
    for (const [key, value] of Object.entries(user.udf ?? {})) {
      const udf = state.udfs.get(keys.udf(poolId, 'USER', key))
      if (!udf) throw new SeedError(`user ${user.username ?? user.id}: unknown user-defined field "${key}"`)
      const stored = storedUdvValue(udf.dataType, value)
      if (stored === null)
        throw new SeedError(`user ${user.username ?? user.id}: value of "${key}" is not a ${udf.dataType}`)
      udv[key] = stored
    }
    if (Object.keys(udv).length) state.udvs.set(keys.udv('USER', user.id), udv)
  })
  for (const grant of seed.grants ?? []) {
    const namespace = grant.namespace ?? firstApp.id
    const target = grantTarget(state, seed, poolId, namespace, grant)
    const record: GrantRecord = {
      userPoolId: poolId,
      namespace,
      resource: grant.resource,
      ...target,
      actions: grant.actions,
    }
    state.grants.set(keys.grant(record), record)
  }
}

function completionOf(app: ResolvedSeed['applications'][number]): Partial<ApplicationRecord> {
  if (!app.extendsFields?.length) return {}
  return {
    extendsFields: app.extendsFields.map((f) => ({
      type: f.type,
      name: f.name,
      label: f.label ?? f.name,
      required: f.required ?? false,
    })),
    complateFiledsPlace: app.complateFiledsPlace ?? ['login'],
    skipComplateFileds: app.skipComplateFileds ?? false,
  }
}

// [I] Authing's code for a provider's refusal is not in any source; 2240 stands for it.
const defaultRefusal = { code: 2240, message: 'The provider refused the login' }

function socialConnectionsOf(app: ResolvedSeed['applications'][number]): SocialConnectionRecord[] {
  return (app.socialConnections ?? []).map((c, index) => {
    const provider = c.provider ?? c.identifier
    const names = providerNames(provider)
    const fallback = defaultAccount(provider)
    return {
      // Stable across resets, like the seed's other ids.
      id: `${app.id.slice(0, 16)}${index.toString(16).padStart(8, '0')}`,
      identifier: c.identifier,
      provider,
      name: c.name ?? names.name,
      name_en: c.name_en ?? names.name_en,
      displayName: c.displayName ?? c.name ?? names.name,
      behaviour: c.refuse ? 'refuse' : c.bindExistingAccount ? 'bind' : 'login',
      refusal: c.refuse ? { ...defaultRefusal, ...c.refuse } : null,
      account: {
        userIdInIdp: c.account?.userIdInIdp ?? fallback.userIdInIdp,
        nickname: c.account?.nickname ?? fallback.nickname,
        email: c.account?.email ?? null,
        photo: c.account?.photo ?? null,
      },
    }
  })
}

function checkSocialConnections(list: SeedSocialConnection[] | undefined, where: string): void {
  if (list === undefined) return
  if (!Array.isArray(list)) throw new SeedError(`${where} must be an array`)
  const seen = new Set<string>()
  list.forEach((c, j) => {
    const at = `${where}[${j}]`
    if (
      c === null ||
      typeof c !== 'object' ||
      typeof c.identifier !== 'string' ||
      !/^[\w:.-]{1,64}$/.test(c.identifier)
    )
      throw new SeedError(`${at}.identifier must be letters, digits, ":", ".", "_" or "-"`)
    if (seen.has(c.identifier)) throw new SeedError(`${at}.identifier "${c.identifier}" is used twice`)
    seen.add(c.identifier)
    for (const field of ['provider', 'name', 'name_en', 'displayName'] as const)
      if (c[field] !== undefined && typeof c[field] !== 'string') throw new SeedError(`${at}.${field} must be a string`)
    const refuse = c.refuse
    if (
      refuse !== undefined &&
      (refuse === null ||
        typeof refuse !== 'object' ||
        (refuse.code !== undefined && (!Number.isInteger(refuse.code) || refuse.code === 200)) ||
        (refuse.message !== undefined && typeof refuse.message !== 'string'))
    )
      throw new SeedError(`${at}.refuse must be {code?: a whole number other than 200, message?: string}`)
    if (c.bindExistingAccount !== undefined && typeof c.bindExistingAccount !== 'boolean')
      throw new SeedError(`${at}.bindExistingAccount must be true or false`)
    const account = c.account
    if (account !== undefined) {
      if (account === null || typeof account !== 'object') throw new SeedError(`${at}.account must be an object`)
      for (const field of ['userIdInIdp', 'nickname', 'email', 'photo'] as const)
        if (account[field] !== undefined && typeof account[field] !== 'string')
          throw new SeedError(`${at}.account.${field} must be a string`)
    }
  })
}

function seedUserRecord(
  user: ResolvedSeed['users'][number],
  poolId: string,
  password: UserRecord['password'],
  at: string,
): UserRecord {
  return newUserRecord(poolId, at, {
    id: user.id,
    username: user.username ?? null,
    email: user.email?.toLowerCase() ?? null,
    emailVerified: Boolean(user.email),
    phone: user.phone ?? null,
    phoneVerified: Boolean(user.phone),
    externalId: typeof user['externalId'] === 'string' ? user['externalId'] : null,
    password,
    ...(user.resetPasswordOnFirstLogin ? { resetPasswordOnFirstLogin: true } : {}),
    ...(user.passwordLastSetAt ? { passwordLastSetAt: new Date(user.passwordLastSetAt).toISOString() } : {}),
    profile: profileOf(user),
    registerSource: ['import:manual'],
  })
}

function findRoleKey(state: EmulatorState, poolId: string, code: string, namespace: string): string {
  for (const ns of [namespace, 'default']) {
    const key = keys.role(poolId, ns, code)
    if (state.roles.has(key)) return key
  }
  for (const [key, role] of state.roles.entries()) if (role.userPoolId === poolId && role.code === code) return key
  throw new SeedError(`unknown role "${code}"`)
}

function grantTarget(
  state: EmulatorState,
  seed: ResolvedSeed,
  poolId: string,
  namespace: string,
  grant: NonNullable<SeedDocument['grants']>[number],
): Pick<GrantRecord, 'targetType' | 'targetId'> {
  if (grant.role) {
    const role = state.roles.get(findRoleKey(state, poolId, grant.role, namespace))
    if (role) return { targetType: 'ROLE', targetId: role.id }
  }
  const user = seed.users.find((u) => u.id === grant.user || (u.username && u.username === grant.user))
  if (user) return { targetType: 'USER', targetId: user.id }
  throw new SeedError(`grant on "${grant.resource}" needs a known role or user`)
}
