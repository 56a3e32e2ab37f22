import { CUSTOM_DATA_FIELDS, USER_FIELDS } from '../userFields.js'

/** The fields of Authing's `users.list()` sample, in its order. */
export const LISTED_USER_FIELDS = `id arn userPoolId username email emailVerified phone phoneVerified unionid openid nickname
  registerSource photo password oauth token tokenExpiredAt loginsCount lastLogin lastIP signedUp blocked isDeleted device
  browser company name givenName familyName middleName profile preferredUsername website gender birthdate zoneinfo locale
  address formatted streetAddress locality region postalCode country createdAt updatedAt`

export const usersDocument = `query users($page: Int, $limit: Int, $sortBy: SortByEnum, $excludeUsersInOrg: Boolean) {
  users(page: $page, limit: $limit, sortBy: $sortBy, excludeUsersInOrg: $excludeUsersInOrg) { totalCount list { ${LISTED_USER_FIELDS} } }
}`

export const createUserDocument = `mutation createUser($userInfo: CreateUserInput!, $params: String, $identity: CreateUserIdentityInput, $keepPassword: Boolean, $resetPasswordOnFirstLogin: Boolean) {
  createUser(userInfo: $userInfo, params: $params, identity: $identity, keepPassword: $keepPassword, resetPasswordOnFirstLogin: $resetPasswordOnFirstLogin) { ${USER_FIELDS} ${CUSTOM_DATA_FIELDS} }
}`

export const deleteUserDocument = `mutation deleteUser($id: String!) {
  deleteUser(id: $id) { message code }
}`

export const deleteUsersDocument = `mutation deleteUsers($ids: [String!]!) {
  deleteUsers(ids: $ids) { message code }
}`

export const findUserDocument = `query findUser($email: String, $phone: String, $username: String, $externalId: String, $identity: FindUserByIdentityInput) {
  findUser(email: $email, phone: $phone, username: $username, externalId: $externalId, identity: $identity) { ${USER_FIELDS} ${CUSTOM_DATA_FIELDS} }
}`

export const searchUserDocument = `query searchUser($query: String!, $fields: [String], $page: Int, $limit: Int, $departmentOpts: [SearchUserDepartmentOpt], $groupOpts: [SearchUserGroupOpt], $roleOpts: [SearchUserRoleOpt]) {
  searchUser(query: $query, fields: $fields, page: $page, limit: $limit, departmentOpts: $departmentOpts, groupOpts: $groupOpts, roleOpts: $roleOpts) { totalCount list { ${USER_FIELDS} } }
}`

export const assignRoleDocument = `mutation assignRole($namespace: String, $roleCode: String, $roleCodes: [String], $userIds: [String!], $groupCodes: [String!], $nodeCodes: [String!]) {
  assignRole(namespace: $namespace, roleCode: $roleCode, roleCodes: $roleCodes, userIds: $userIds, groupCodes: $groupCodes, nodeCodes: $nodeCodes) { message code }
}`

export const revokeRoleDocument = `mutation revokeRole($namespace: String, $roleCode: String, $roleCodes: [String], $userIds: [String!], $groupCodes: [String!], $nodeCodes: [String!]) {
  revokeRole(namespace: $namespace, roleCode: $roleCode, roleCodes: $roleCodes, userIds: $userIds, groupCodes: $groupCodes, nodeCodes: $nodeCodes) { message code }
}`

export const getUserGroupsDocument = `query getUserGroups($id: String!) {
  user(id: $id) { groups { totalCount list { code name description createdAt updatedAt } } }
}`

export const addUserToGroupDocument = `mutation addUserToGroup($userIds: [String!]!, $code: String) {
  addUserToGroup(userIds: $userIds, code: $code) { message code }
}`

export const removeUserFromGroupDocument = `mutation removeUserFromGroup($userIds: [String!]!, $code: String) {
  removeUserFromGroup(userIds: $userIds, code: $code) { message code }
}`
