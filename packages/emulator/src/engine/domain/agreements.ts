/**
 * An application's agreements (terms of service, privacy policy): managed per app, shown by its
 * login and register forms to users of their language, and ticked there. The REST logins and
 * registrations Guard uses (`/api/v2/login/*`, `/api/v2/register/*`) must name in `agreementIds`
 * every required agreement their form shows (the request's language, the form's `availableAt`),
 * else 2231; Guard leaves the field out only when it shows no agreement, and then none is missing. The GraphQL logins and registrations have
 * no such field, so nothing is asked of them [inferred: Authing cannot refuse what the SDK cannot send].
 */
import type { AgreementRecord, ApplicationRecord } from '../../model/records.js'
import type { EmulatorState } from '../../model/state.js'
import type { Engine } from '../engine.js'
import { AuthingBusinessError, type Lang } from './errors.js'

export type AgreementInput = Partial<Pick<AgreementRecord, 'title' | 'required' | 'lang' | 'availableAt'>>

/** The form an agreement is ticked on: `availableAt` 0 (or none) register, 1 login, 2 both. */
export type AgreementForm = 'login' | 'register'

export function agreementsOf(state: EmulatorState, appId: string): AgreementRecord[] {
  return [...state.agreements.values()]
    .filter((a) => a.appId === appId)
    .sort((a, b) => a.order - b.order || a.id - b.id)
}

export function findAgreement(state: EmulatorState, app: ApplicationRecord, id: number): AgreementRecord {
  const agreement = state.agreements.get(String(id))
  if (!agreement || agreement.appId !== app.id) throw new AuthingBusinessError('agreementNotFound', { id })
  return agreement
}

/** A new agreement, last in the app's order. Defaults as the SDK's: required, zh-CN; shown at registration. */
export function createAgreement(engine: Engine, app: ApplicationRecord, input: AgreementInput): AgreementRecord {
  const { state } = engine
  if (!input.title) throw new AuthingBusinessError('invalidParam', { field: 'title' })
  let id = 0
  for (const agreement of state.agreements.values()) id = Math.max(id, agreement.id)
  const order = agreementsOf(state, app.id).reduce((last, a) => Math.max(last, a.order), 0) + 1
  const agreement: AgreementRecord = {
    id: id + 1,
    appId: app.id,
    userPoolId: app.userPoolId,
    title: input.title,
    required: input.required ?? true,
    lang: input.lang ?? 'zh-CN',
    availableAt: input.availableAt ?? 0,
    order,
  }
  state.agreements.set(String(agreement.id), agreement)
  return agreement
}

export function modifyAgreement(engine: Engine, agreement: AgreementRecord, input: AgreementInput): AgreementRecord {
  if (input.title === '') throw new AuthingBusinessError('invalidParam', { field: 'title' })
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
  const updated: AgreementRecord = { ...agreement, ...defined }
  engine.state.agreements.set(String(updated.id), updated)
  return updated
}

export function deleteAgreement(engine: Engine, agreement: AgreementRecord): void {
  engine.state.agreements.delete(String(agreement.id))
}

/** `ids` in the order wanted; each must be one of the app's (2231), and those left out keep their order after them. */
export function sortAgreements(engine: Engine, app: ApplicationRecord, ids: number[]): void {
  const current = agreementsOf(engine.state, app.id)
  for (const id of ids) findAgreement(engine.state, app, id)
  const sorted = [
    ...ids.map((id) => findAgreement(engine.state, app, id)),
    ...current.filter((a) => !ids.includes(a.id)),
  ]
  sorted.forEach((agreement, index) =>
    engine.state.agreements.set(String(agreement.id), { ...agreement, order: index + 1 }),
  )
}

/** Whether the agreement is shown on `form`. */
export function shownOn(agreement: AgreementRecord, form: AgreementForm): boolean {
  return form === 'login' ? agreement.availableAt !== 0 : agreement.availableAt !== 1
}

/** 2231 with the missing ids in `data.agreementIds` when `accepted` lacks a required agreement `form` shows in `lang`. */
export function assertAgreementsAccepted(
  state: EmulatorState,
  app: ApplicationRecord,
  lang: Lang,
  form: AgreementForm,
  accepted: readonly number[],
): void {
  const missing = agreementsOf(state, app.id)
    .filter((a) => a.required && a.lang === lang && shownOn(a, form) && !accepted.includes(a.id))
    .map((a) => a.id)
  if (missing.length)
    throw new AuthingBusinessError('agreementRequired', { ids: missing.join(', ') }, { agreementIds: missing })
}
