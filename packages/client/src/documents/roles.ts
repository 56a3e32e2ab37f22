export const getUserRolesDocument = `query getUserRoles($id: String!, $namespace: String) {
  user(id: $id) { roles(namespace: $namespace) { totalCount list { id code namespace arn description isSystem createdAt updatedAt } } }
}`

export const listUserAuthorizedResourcesDocument = `query listUserAuthorizedResources($id: String!, $namespace: String, $resourceType: String) {
  user(id: $id) { authorizedResources(namespace: $namespace, resourceType: $resourceType) { totalCount list { code type actions apiIdentifier } } }
}`
