/** An agreement as the management API shows it (authing-js-sdk `AgreementDetail`, plus `availableAt`). */
import type { AgreementRecord } from '../../model/records.js'

export function agreementView(agreement: AgreementRecord): Record<string, unknown> {
  const { id, appId, userPoolId, title, required, lang, availableAt, order } = agreement
  return { id, appId, userPoolId, title, required, lang, availableAt, order }
}
