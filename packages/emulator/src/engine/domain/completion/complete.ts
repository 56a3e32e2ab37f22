/**
 * Finishing the 1642 step (./required.ts): Guard's authFlow actions `complete-completion
 * {fieldValues: [{name, value, code?}]}` and `skip-completion`. Every field still empty that is
 * required must be given; a phone or email needs the code sent to it (SMS scene `complete-phone`,
 * email scene `INFORMATION_COMPLETION_VERIFY_CODE`) and becomes verified. Both end in the login the
 * step stopped, past its second factor.
 */
import { keys } from '../../../model/records.js'
import { storedUdvValue, wireUdvValue } from '../../../model/udv.js'
import { profileOf, type UserRecord } from '../../../model/users.js'
import type { Engine } from '../../engine.js'
import { consumeCode } from '../codes.js'
import { AuthingBusinessError } from '../errors.js'
import { completeLogin, type LoggedIn } from '../login.js'
import { closeStep, findStep } from '../loginSteps.js'
import { assertFree, normaliseEmail, normalisePhone, normaliseUsername, saveUser } from '../users.js'
import { missingFields } from './required.js'

export interface FieldValue {
  name: string
  value: unknown
  code?: string | undefined
}

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== ''

/** `complete-completion`: validates every value first (codes included), then saves them and logs in. */
export async function completeProfile(engine: Engine, flowHandle: string, values: FieldValue[]): Promise<LoggedIn> {
  const step = findStep(engine, flowHandle, ['completeProfile'])
  const { user, app } = step
  const poolId = user.userPoolId
  const fields = missingFields(engine, user, app)
  const given = new Map(values.filter((v) => present(v.value)).map((v) => [v.name, v]))
  for (const name of given.keys())
    if (!fields.some((field) => field.name === name)) throw new AuthingBusinessError('invalidParam', { field: name })
  for (const field of fields)
    if (field.required && !given.has(field.name))
      throw new AuthingBusinessError('completionFieldRequired', { label: field.label })

  const ids: Partial<Pick<UserRecord, 'username' | 'email' | 'phone'>> = {}
  const profile: Record<string, unknown> = {}
  const udv: Record<string, string> = {}
  const codes: (() => void)[] = []
  for (const field of fields) {
    const entry = given.get(field.name)
    if (!entry) continue
    const text = typeof entry.value === 'string' ? entry.value : null
    if (field.type === 'user') {
      udv[field.name] = udvValue(engine, poolId, field.name, entry.value)
    } else if (field.name === 'username') {
      ids.username = normaliseUsername(text ?? '')
    } else if (field.name === 'email' || field.name === 'phone') {
      const to = field.name === 'email' ? normaliseEmail(text ?? '') : normalisePhone(text ?? '')
      ids[field.name] = to
      const channel = field.name === 'email' ? 'email' : 'sms'
      codes.push(() => consumeCode(engine, poolId, channel, to, entry.code ?? '', 'bind'))
    } else if (text === null) {
      throw new AuthingBusinessError('invalidParam', { field: field.name })
    } else {
      profile[field.name] = text
    }
  }
  assertFree(engine.state, poolId, ids, user.id)
  for (const consume of codes) consume()

  closeStep(engine, step)
  const saved = saveUser(engine, user, {
    ...ids,
    ...(ids.email ? { emailVerified: true } : {}),
    ...(ids.phone ? { phoneVerified: true } : {}),
    profile: { ...user.profile, ...profileOf(profile) },
  })
  if (Object.keys(udv).length) {
    const key = keys.udv('USER', user.id)
    engine.state.udvs.set(key, { ...engine.state.udvs.get(key), ...udv })
  }
  return completeLogin(engine, saved, app, { secondFactorPassed: true, askProfile: false })
}

/** `skip-completion`: only where the app allows skipping (`skipComplateFileds`); the next login asks again. */
export function skipProfileCompletion(engine: Engine, flowHandle: string): Promise<LoggedIn> {
  const step = findStep(engine, flowHandle, ['completeProfile'])
  if (step.app.skipComplateFileds !== true) throw new AuthingBusinessError('completionSkipNotAllowed')
  closeStep(engine, step)
  return completeLogin(engine, step.user, step.app, { secondFactorPassed: true, askProfile: false })
}

// Guard sends form values as they are typed (a number field's "12"), the SDKs as values.
function udvValue(engine: Engine, poolId: string, key: string, value: unknown): string {
  const udf = engine.state.udfs.get(keys.udf(poolId, 'USER', key))
  if (!udf) throw new AuthingBusinessError('udfNotFound', { key })
  const stored =
    storedUdvValue(udf.dataType, value) ?? (typeof value === 'string' ? wireUdvValue(udf.dataType, value) : null)
  if (stored === null) throw new AuthingBusinessError('udvInvalid', { key, dataType: udf.dataType })
  return stored
}
