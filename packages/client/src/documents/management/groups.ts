const GROUP_FIELDS = 'code name description createdAt updatedAt'

export const createGroupDocument = `mutation createGroup($code: String!, $name: String!, $description: String) {
  createGroup(code: $code, name: $name, description: $description) { ${GROUP_FIELDS} }
}`

export const deleteGroupsDocument = `mutation deleteGroups($codeList: [String!]!) {
  deleteGroups(codeList: $codeList) { message code }
}`

export const updateGroupDocument = `mutation updateGroup($code: String!, $name: String, $description: String, $newCode: String) {
  updateGroup(code: $code, name: $name, description: $description, newCode: $newCode) { ${GROUP_FIELDS} }
}`

export const groupDocument = `query group($code: String!) {
  group(code: $code) { ${GROUP_FIELDS} }
}`

export const groupsDocument = `query groups($userId: String, $page: Int, $limit: Int, $sortBy: SortByEnum) {
  groups(userId: $userId, page: $page, limit: $limit, sortBy: $sortBy) { totalCount list { ${GROUP_FIELDS} } }
}`

export const groupWithUsersDocument = `query groupWithUsers($code: String!, $page: Int, $limit: Int) {
  group(code: $code) { users(page: $page, limit: $limit) { totalCount list { id arn userPoolId username email phone nickname photo createdAt updatedAt } } }
}`
