/** How a user-defined field definition is shown (GraphQL `UserDefinedField`). */
import type { UdfRecord } from '../../model/records.js'

export function udfView(udf: UdfRecord) {
  return { targetType: udf.targetType, dataType: udf.dataType, key: udf.key, label: udf.label, options: udf.options }
}
