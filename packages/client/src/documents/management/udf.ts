const UDF_FIELDS = 'targetType dataType key label options'

export const setUdfDocument = `mutation setUdf($targetType: UDFTargetType!, $key: String!, $dataType: UDFDataType!, $label: String!, $options: String) {
  setUdf(targetType: $targetType, key: $key, dataType: $dataType, label: $label, options: $options) { ${UDF_FIELDS} }
}`

export const removeUdfDocument = `mutation removeUdf($targetType: UDFTargetType!, $key: String!) {
  removeUdf(targetType: $targetType, key: $key) { message code }
}`

export const udfDocument = `query udf($targetType: UDFTargetType!) {
  udf(targetType: $targetType) { ${UDF_FIELDS} }
}`
