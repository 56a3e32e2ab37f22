/**
 * Authing's `UserPool` object (`userpool.detail()`, `updateUserpool`): the switches the emulator
 * models with their values, everything else as a pool the console just created has it.
 */
import type { UserPoolRecord } from '../../model/records.js'
import { captchaThresholdOf, robotVerifyOf } from '../domain/captcha.js'

export function userPoolView(pool: UserPoolRecord): Record<string, unknown> {
  const robotVerify = robotVerifyOf(pool)
  return {
    id: pool.id,
    name: pool.name,
    domain: pool.id,
    description: null,
    secret: pool.secret,
    jwtSecret: pool.secret,
    ownerId: null,
    userpoolTypes: [],
    logo: '',
    createdAt: pool.createdAt,
    updatedAt: pool.createdAt,
    emailVerifiedDefault: false,
    sendWelcomeEmail: false,
    registerDisabled: false,
    appSsoEnabled: false,
    allowedOrigins: '',
    isDeleted: false,
    // Failures count in a row, with no time window: hence no `timeInterval`.
    loginFailCheck: { enabled: robotVerify === 'condition_set', limit: captchaThresholdOf(pool), timeInterval: null },
    passwordUpdatePolicy: pool.passwordUpdatePolicy
      ? { ...pool.passwordUpdatePolicy, differenceCycle: null }
      : { enabled: false, forcedCycle: null, forcedCycleUnit: 'DAY', differenceCycle: null },
    passwordStrength: pool.passwordStrength ?? 1,
    robotVerify,
    weakPasswords: pool.weakPasswords ?? [],
    applicationMfa: (pool.mfa ?? []).map((mfaPolicy, sort) => ({ mfaPolicy, status: 1, sort })),
    verifyCodeLength: 6,
  }
}
