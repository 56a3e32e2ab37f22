const UDV_FIELDS = 'key dataType value label'

export const udvDocument = `query udv($targetType: UDFTargetType!, $targetId: String!) {
  udv(targetType: $targetType, targetId: $targetId) { ${UDV_FIELDS} }
}`

export const setUdvBatchDocument = `mutation setUdvBatch($targetType: UDFTargetType!, $targetId: String!, $udvList: [UserDefinedDataInput!]) {
  setUdvBatch(targetType: $targetType, targetId: $targetId, udvList: $udvList) { ${UDV_FIELDS} }
}`

export const removeUdvDocument = `mutation removeUdv($targetType: UDFTargetType!, $targetId: String!, $key: String!) {
  removeUdv(targetType: $targetType, targetId: $targetId, key: $key) { ${UDV_FIELDS} }
}`
