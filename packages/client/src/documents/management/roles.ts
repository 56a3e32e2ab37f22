const ROLE_FIELDS =
  'id namespace code arn description isSystem createdAt updatedAt parent { id namespace code arn description createdAt updatedAt }'

export const createRoleDocument = `mutation createRole($namespace: String, $code: String!, $description: String, $parent: String) {
  createRole(namespace: $namespace, code: $code, description: $description, parent: $parent) { ${ROLE_FIELDS} }
}`

export const deleteRoleDocument = `mutation deleteRole($code: String!, $namespace: String) {
  deleteRole(code: $code, namespace: $namespace) { message code }
}`

export const deleteRolesDocument = `mutation deleteRoles($codeList: [String!]!, $namespace: String) {
  deleteRoles(codeList: $codeList, namespace: $namespace) { message code }
}`

export const updateRoleDocument = `mutation updateRole($code: String!, $description: String, $newCode: String, $namespace: String) {
  updateRole(code: $code, description: $description, newCode: $newCode, namespace: $namespace) { ${ROLE_FIELDS} }
}`

export const roleDocument = `query role($code: String!, $namespace: String) {
  role(code: $code, namespace: $namespace) { ${ROLE_FIELDS} }
}`

export const rolesDocument = `query roles($namespace: String, $page: Int, $limit: Int, $sortBy: SortByEnum) {
  roles(namespace: $namespace, page: $page, limit: $limit, sortBy: $sortBy) { totalCount list { ${ROLE_FIELDS} } }
}`

export const roleWithUsersDocument = `query roleWithUsers($code: String!, $namespace: String, $page: Int, $limit: Int) {
  role(code: $code, namespace: $namespace) { users(page: $page, limit: $limit) { totalCount list { id arn userPoolId username email phone nickname photo createdAt updatedAt } } }
}`

export const listRoleAuthorizedResourcesDocument = `query listRoleAuthorizedResources($code: String!, $namespace: String, $resourceType: String) {
  role(code: $code, namespace: $namespace) { authorizedResources(resourceType: $resourceType) { totalCount list { code type actions apiIdentifier } } }
}`
