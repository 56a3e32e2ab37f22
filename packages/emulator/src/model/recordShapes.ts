/**
 * What a row of each state table must look like: the fields the engine reads and their JSON types
 * (extra fields are allowed). A data file is checked against it when it is loaded, so a row that
 * parses but is not a record stops the start, with its file and line, instead of failing every
 * request that reads it later. Kept next to records.ts: a new table or field needs its shape here.
 */

import { loginTabValues } from './records.js'

/** What is wrong with `value` (described as `at`), or undefined. */
type Check = (value: unknown, at: string) => string | undefined

const ROW = 'the row'
const inside = (at: string, key: string | number): string =>
  typeof key === 'number' ? `${at}[${key}]` : at === ROW ? key : `${at}.${key}`

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const is =
  (name: string, test: (value: unknown) => boolean): Check =>
  (value, at) =>
    test(value) ? undefined : `${at} is not ${name}`

const string = is('a string', (value) => typeof value === 'string')
const number = is('a number', (value) => typeof value === 'number' && Number.isFinite(value))
const boolean = is('a boolean', (value) => typeof value === 'boolean')
const object = is('an object', isObject)
const oneOf = (...values: string[]): Check =>
  is(`one of ${values.join(', ')}`, (value) => values.includes(value as string))

const nullable =
  (check: Check): Check =>
  (value, at) =>
    value === null ? undefined : check(value, at)

const optional =
  (check: Check): Check =>
  (value, at) =>
    value === undefined ? undefined : check(value, at)

const arrayOf =
  (check: Check): Check =>
  (value, at) => {
    if (!Array.isArray(value)) return `${at} is not an array`
    for (const [index, item] of value.entries()) {
      const problem = check(item, inside(at, index))
      if (problem) return problem
    }
    return undefined
  }

const recordOf =
  (check: Check): Check =>
  (value, at) => {
    if (!isObject(value)) return `${at} is not an object`
    for (const [key, item] of Object.entries(value)) {
      const problem = check(item, inside(at, key))
      if (problem) return problem
    }
    return undefined
  }

const shape =
  (fields: Record<string, Check>): Check =>
  (value, at) => {
    if (!isObject(value)) return `${at} is not an object`
    for (const [field, check] of Object.entries(fields)) {
      const problem = check(value[field], inside(at, field))
      if (problem) return problem
    }
    return undefined
  }

const times = { createdAt: string, updatedAt: string }
const mfaFactor = oneOf('OTP', 'SMS', 'EMAIL')
const nullableString = nullable(string)

/** Table name (as state.ts names them) → the shape of its rows. */
const tables: Record<string, Check> = {
  meta: shape({
    userPoolId: string,
    appId: string,
    demoUser: nullable(shape({ username: string, password: string })),
    seed: shape({
      userPool: shape({ id: string, secret: string }),
      applications: arrayOf(shape({ id: string, secret: string })),
    }),
  }),
  keys: shape({
    password: shape({ bits: number, publicKeyPem: string, privateKeyPem: string }),
    signing: shape({ kid: string, alg: oneOf('RS256'), publicJwk: object, privateJwk: object }),
  }),
  userPools: shape({
    id: string,
    secret: string,
    name: string,
    passwordStrength: optional(is('0, 1, 2 or 3', (value) => [0, 1, 2, 3].includes(value as number))),
    passwordUpdatePolicy: optional(
      shape({ enabled: boolean, forcedCycle: number, forcedCycleUnit: oneOf('DAY', 'MONTH', 'YEAR') }),
    ),
    weakPasswords: optional(arrayOf(string)),
    createdAt: string,
    robotVerify: optional(oneOf('always_enable', 'disable', 'condition_set')),
    captchaAfterFailures: optional(number),
    mfa: optional(arrayOf(mfaFactor)),
  }),
  applications: shape({
    id: string,
    userPoolId: string,
    secret: string,
    name: string,
    identifier: string,
    description: nullableString,
    logo: nullableString,
    redirectUris: optional(arrayOf(string)),
    idTokenSigningAlg: optional(oneOf('RS256', 'HS256')),
    mfa: optional(arrayOf(mfaFactor)),
    pkcePlainAllowed: optional(boolean),
    passkeyEnabled: optional(boolean),
    login: optional(
      shape({
        loginTabs: arrayOf(oneOf(...loginTabValues)),
        defaultLoginTab: oneOf(...loginTabValues),
        passwordLoginMethods: arrayOf(oneOf('username-password', 'email-password', 'phone-password')),
        verifyCodeLoginMethods: arrayOf(oneOf('phone-code', 'email-code')),
        registerTabs: arrayOf(oneOf('email', 'phone')),
        defaultRegisterTab: oneOf('email', 'phone'),
        registerDisabled: boolean,
      }),
    ),
    extendsFields: optional(
      arrayOf(shape({ type: oneOf('internal', 'user'), name: string, label: string, required: boolean })),
    ),
    socialConnections: optional(
      arrayOf(
        shape({
          id: string,
          identifier: string,
          provider: string,
          name: string,
          name_en: string,
          displayName: string,
          behaviour: oneOf('login', 'refuse', 'bind'),
          refusal: nullable(shape({ code: number, message: string })),
          account: shape({ userIdInIdp: string, nickname: string, email: nullableString, photo: nullableString }),
        }),
      ),
    ),
    complateFiledsPlace: optional(arrayOf(oneOf('register', 'login'))),
    skipComplateFileds: optional(boolean),
    ...times,
  }),
  agreements: shape({
    id: number,
    appId: string,
    userPoolId: string,
    title: string,
    required: boolean,
    lang: oneOf('zh-CN', 'en-US'),
    availableAt: is('0, 1 or 2', (value) => value === 0 || value === 1 || value === 2),
    order: number,
  }),
  captchas: shape({ answer: string, issuedAt: number, expiresAt: number }),
  qrcodes: shape({
    random: string,
    userPoolId: string,
    appId: string,
    scene: oneOf('APP_AUTH', 'WXAPP_AUTH', 'WECHATMP_AUTH'),
    createdAt: number,
    expiresAt: number,
    phase: oneOf('waiting', 'scanned', 'confirmed', 'cancelled', 'step', 'failed'),
    scannedUserId: nullableString,
    ticket: nullableString,
    ticketExpiresAt: nullable(number),
    ticketSpent: boolean,
    token: nullableString,
    tokenExp: nullable(number),
    scannedResult: nullable(object),
  }),
  passkeys: shape({
    credentialId: string,
    userId: string,
    userPoolId: string,
    publicKey: string,
    counter: number,
    transports: arrayOf(string),
    name: string,
    authenticatorCode: oneOf('fingerprint', 'face', 'other'),
    createdAt: string,
    lastUsedAt: nullableString,
  }),
  webauthnTickets: shape({
    purpose: oneOf('login', 'register', 'mfaVerify', 'mfaBind'),
    challenge: string,
    userPoolId: string,
    appId: string,
    userId: nullableString,
    mfaJti: nullableString,
    expiresAt: number,
  }),
  users: shape({
    id: string,
    userPoolId: string,
    username: nullableString,
    email: nullableString,
    emailVerified: boolean,
    phone: nullableString,
    phoneCountryCode: nullableString,
    phoneVerified: boolean,
    unionid: nullableString,
    openid: nullableString,
    externalId: nullableString,
    password: nullable(shape({ alg: oneOf('pbkdf2-sha256'), iterations: number, salt: string, hash: string })),
    profile: recordOf(nullableString),
    registerSource: arrayOf(string),
    loginsCount: number,
    lastLogin: nullableString,
    lastIP: nullableString,
    resetPasswordOnFirstLogin: optional(boolean),
    passwordLastSetAt: optional(string),
    ...times,
  }),
  roles: shape({
    id: string,
    userPoolId: string,
    namespace: string,
    code: string,
    description: nullableString,
    parentCode: nullableString,
    ...times,
  }),
  userRoles: arrayOf(string),
  resources: shape({
    id: string,
    userPoolId: string,
    namespace: string,
    code: string,
    type: oneOf('DATA', 'API', 'MENU', 'UI', 'BUTTON'),
    description: nullableString,
    actions: arrayOf(shape({ name: string, description: nullableString })),
    apiIdentifier: nullableString,
    createdAt: optional(string),
    updatedAt: optional(string),
  }),
  grants: shape({
    userPoolId: string,
    namespace: string,
    resource: string,
    targetType: oneOf('USER', 'ROLE', 'GROUP'),
    targetId: string,
    actions: arrayOf(string),
  }),
  udfs: shape({
    userPoolId: string,
    targetType: string,
    key: string,
    dataType: oneOf('STRING', 'NUMBER', 'DATETIME', 'BOOLEAN', 'OBJECT', 'SELECT'),
    label: nullableString,
    options: nullableString,
  }),
  udvs: recordOf(string),
  // Rows saved before codes counted tries lack the newer fields; they are only ever pruned.
  codes: shape({
    code: string,
    scene: nullableString,
    expiresAt: number,
    sentAt: optional(number),
    wrongTries: optional(number),
    spent: optional(boolean),
  }),
  totpAuthenticators: shape({
    userId: string,
    secret: string,
    recoveryCode: string,
    enabled: boolean,
    lastStep: nullable(number),
    ...times,
  }),
  mfaChallenges: shape({
    userId: string,
    appId: string,
    kind: oneOf('personal', 'application'),
    factors: arrayOf(mfaFactor),
    expiresAt: number,
    wrongTries: number,
  }),
  loginSteps: shape({
    kind: oneOf('firstLoginPassword', 'forcePasswordReset', 'unsafePassword', 'completeProfile'),
    userId: string,
    appId: string,
    expiresAt: number,
  }),
  loginFailures: shape({ count: number, lockedUntil: nullable(number) }),
  sessionCutoffs: shape({ before: number, keepJti: nullableString }),
  revokedTokens: number,
  outbox: shape({
    channel: oneOf('sms', 'email'),
    to: string,
    code: string,
    scene: string,
    sentAt: number,
    expiresAt: number,
  }),
  groups: shape({ id: string, userPoolId: string, code: string, name: string, description: nullableString, ...times }),
  userGroups: arrayOf(string),
  namespaces: shape({
    id: number,
    userPoolId: string,
    code: string,
    name: string,
    description: nullableString,
    appId: nullableString,
    ...times,
  }),
  appLogins: shape({ appId: string, userId: string, lastLogin: string }),
  identities: shape({
    userPoolId: string,
    userId: string,
    identifier: string,
    provider: string,
    userIdInIdp: string,
    userInfoInIdp: object,
    createdAt: string,
  }),
  pendingIdentities: shape({ userPoolId: string, appId: string, identifier: string, expiresAt: number }),
  authorizationCodes: shape({
    kind: oneOf('oidc', 'oauth', 'cas'),
    appId: string,
    userId: string,
    redirectUri: string,
    scope: string,
    nonce: nullableString,
    codeChallenge: nullableString,
    codeChallengeMethod: nullable(oneOf('S256', 'plain')),
    authTime: number,
    expiresAt: number,
    redeemedBy: optional(string),
  }),
  refreshTokens: shape({
    kind: oneOf('oidc', 'oauth'),
    appId: string,
    userId: string,
    scope: string,
    issuedAt: number,
    expiresAt: number,
    familyId: optional(string),
    rotatedAt: optional(number),
  }),
  tokenFamilies: shape({ jwts: recordOf(number), refreshTokens: arrayOf(string), expiresAt: number }),
  hostedSessions: shape({ userPoolId: string, userId: string, authTime: number, expiresAt: number }),
}

/** What is wrong with a row of `table`, or undefined if it is a valid record of it. */
export function recordShapeProblem(table: string, value: unknown): string | undefined {
  const check = Object.hasOwn(tables, table) ? tables[table] : undefined
  return check ? check(value, ROW) : `"${table}" is not a table of the emulator`
}
