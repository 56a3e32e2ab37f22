/**
 * Authing's v2 GraphQL schema (the API behind POST /graphql/v2), as SDL.
 *
 * The emulator serves all of it, not just the fields it answers, because the official Python SDK
 * introspects the schema and validates every document against it before sending. Names are
 * Authing's own, misspellings included (`disbalePolicyAssignment`, `isDomainAvaliable`), since
 * clients send them verbatim. Fields the emulator does not implement answer a business error.
 */
export const authingSchemaSdl = /* GraphQL */ `
scalar Object

type Query {
  isActionAllowed(resource: String!, action: String!, userId: String!, namespace: String): Boolean!
  isActionDenied(resource: String!, action: String!, userId: String!, namespace: String): Boolean!
  authorizedTargets(namespace: String!, resourceType: ResourceType!, resource: String!, targetType: PolicyAssignmentTargetType, actions: AuthorizedTargetsActionsInput): PaginatedAuthorizedTargets
  qiniuUptoken(type: String): String
  isDomainAvaliable(domain: String!): Boolean
  socialConnection(provider: String!): SocialConnection
  socialConnections: [SocialConnection!]!
  socialConnectionInstance(provider: String!): SocialConnectionInstance!
  socialConnectionInstances: [SocialConnectionInstance!]!
  emailTemplates: [EmailTemplate!]!
  previewEmail(type: EmailTemplateType!): String!
  templateCode: String!
  function(id: String): Function
  functions(page: Int, limit: Int, sortBy: SortByEnum): PaginatedFunctions!
  group(code: String!): Group
  groups(userId: String, page: Int, limit: Int, sortBy: SortByEnum): PaginatedGroups!
  queryMfa(id: String, userId: String, userPoolId: String): Mfa
  nodeById(id: String!): Node
  nodeByCode(orgId: String!, code: String!): Node
  org(id: String!): Org!
  orgs(page: Int, limit: Int, sortBy: SortByEnum): PaginatedOrgs!
  childrenNodes(orgId: String, nodeId: String!): [Node!]!
  rootNode(orgId: String!): Node!
  isRootNode(nodeId: String!, orgId: String!): Boolean
  searchNodes(keyword: String!): [Node!]!
  checkPasswordStrength(password: String!): CheckPasswordStrengthResult!
  policy(code: String!, namespace: String): Policy
  policies(page: Int, limit: Int, namespace: String, excludeDefault: Boolean): PaginatedPolicies!
  policyAssignments(namespace: String, code: String, targetType: PolicyAssignmentTargetType, targetIdentifier: String, page: Int, limit: Int): PaginatedPolicyAssignments!
  authorizedResources(targetType: PolicyAssignmentTargetType, targetIdentifier: String, namespace: String, resourceType: String): PaginatedAuthorizedResources
  role(code: String!, namespace: String): Role
  roles(namespace: String, page: Int, limit: Int, sortBy: SortByEnum): PaginatedRoles!
  udv(targetType: UDFTargetType!, targetId: String!): [UserDefinedData!]!
  udf(targetType: UDFTargetType!): [UserDefinedField!]!
  udfValueBatch(targetType: UDFTargetType!, targetIds: [String]!): [UserDefinedDataMap!]!
  user(id: String): User
  userBatch(ids: [String!]!, type: String): [User!]!
  users(page: Int, limit: Int, sortBy: SortByEnum, excludeUsersInOrg: Boolean): PaginatedUsers!
  archivedUsers(page: Int, limit: Int): PaginatedUsers!
  searchUser(query: String!, fields: [String], page: Int, limit: Int, departmentOpts: [SearchUserDepartmentOpt], groupOpts: [SearchUserGroupOpt], roleOpts: [SearchUserRoleOpt]): PaginatedUsers!
  checkLoginStatus(token: String): JWTTokenStatus
  isUserExists(email: String, phone: String, username: String, externalId: String): Boolean
  findUser(email: String, phone: String, username: String, externalId: String, identity: FindUserByIdentityInput): User
  checkPassword(password: String): CheckPasswordResult
  userpool: UserPool!
  userpools(page: Int, limit: Int, sortBy: SortByEnum): PaginatedUserpool!
  userpoolTypes: [UserPoolType!]!
  accessToken(userPoolId: String!, secret: String!): AccessTokenRes!
  whitelist(type: WhitelistType!): [WhiteList!]!
}

enum ResourceType {
  DATA
  API
  MENU
  UI
  BUTTON
}

enum PolicyAssignmentTargetType {
  USER
  ROLE
  GROUP
  ORG
  AK_SK
}

input AuthorizedTargetsActionsInput {
  op: Operator!
  list: [String]!
}

enum Operator {
  AND
  OR
}

type PaginatedAuthorizedTargets {
  list: [ResourcePermissionAssignment]
  totalCount: Int
}

type ResourcePermissionAssignment {
  targetType: PolicyAssignmentTargetType
  targetIdentifier: String
  actions: [String!]
}

type SocialConnection {
  provider: String!
  name: String!
  logo: String!
  description: String
  fields: [SocialConnectionField!]
}

type SocialConnectionField {
  key: String
  label: String
  type: String
  placeholder: String
  children: [SocialConnectionField]
}

type SocialConnectionInstance {
  provider: String!
  enabled: Boolean!
  fields: [SocialConnectionInstanceField]
}

type SocialConnectionInstanceField {
  key: String!
  value: String!
}

type EmailTemplate {
  type: EmailTemplateType!
  name: String!
  subject: String!
  sender: String!
  content: String!
  redirectTo: String
  hasURL: Boolean
  expiresIn: Int
  enabled: Boolean
  isSystem: Boolean
}

enum EmailTemplateType {
  RESET_PASSWORD
  PASSWORD_RESETED_NOTIFICATION
  CHANGE_PASSWORD
  WELCOME
  VERIFY_EMAIL
  CHANGE_EMAIL
}

type Function {
  id: String!
  name: String!
  sourceCode: String!
  description: String
  url: String
}

enum SortByEnum {
  CREATEDAT_DESC
  CREATEDAT_ASC
  UPDATEDAT_DESC
  UPDATEDAT_ASC
}

type PaginatedFunctions {
  list: [Function!]!
  totalCount: Int!
}

type Group {
  code: String!
  name: String!
  description: String
  createdAt: String
  updatedAt: String
  users(page: Int, limit: Int): PaginatedUsers!
  authorizedResources(namespace: String, resourceType: String): PaginatedAuthorizedResources
}

type PaginatedUsers {
  totalCount: Int!
  list: [User!]!
}

type User {
  id: String!
  arn: String!
  status: UserStatus
  userPoolId: String!
  username: String
  email: String
  emailVerified: Boolean
  phone: String
  phoneVerified: Boolean
  unionid: String
  openid: String
  identities: [Identity]
  nickname: String
  registerSource: [String!]
  photo: String
  password: String
  oauth: String
  token: String
  tokenExpiredAt: String
  loginsCount: Int
  lastLogin: String
  lastIP: String
  signedUp: String
  blocked: Boolean
  isDeleted: Boolean
  device: String
  browser: String
  company: String
  name: String
  givenName: String
  familyName: String
  middleName: String
  profile: String
  preferredUsername: String
  website: String
  gender: String
  birthdate: String
  zoneinfo: String
  locale: String
  address: String
  formatted: String
  streetAddress: String
  locality: String
  region: String
  postalCode: String
  city: String
  province: String
  country: String
  createdAt: String
  updatedAt: String
  roles(namespace: String): PaginatedRoles
  groups: PaginatedGroups
  departments(orgId: String): PaginatedDepartments
  authorizedResources(namespace: String, resourceType: String): PaginatedAuthorizedResources
  externalId: String
  customData: [UserCustomData]
  phoneCountryCode: String
  mainDepartmentId: String
  mainDepartmentCode: String
  newlyCreated: Boolean
  expiredAt: String
  directManagement: String
}

enum UserStatus {
  Suspended
  Resigned
  Activated
  Archived
}

type Identity {
  openid: String
  userIdInIdp: String
  userInfoInIdp: String
  userId: String
  connectionId: String
  isSocial: Boolean
  provider: String
  userPoolId: String
  refreshToken: String
  accessToken: String
  type: String
  extIdpId: String
}

type PaginatedRoles {
  totalCount: Int!
  list: [Role!]!
}

type Role {
  id: String!
  namespace: String!
  code: String!
  arn: String!
  description: String
  isSystem: Boolean
  createdAt: String
  updatedAt: String
  users(page: Int, limit: Int): PaginatedUsers!
  authorizedResources(resourceType: String): PaginatedAuthorizedResources
  parent: Role
}

type PaginatedAuthorizedResources {
  totalCount: Int!
  list: [AuthorizedResource!]!
}

type AuthorizedResource {
  code: String!
  type: ResourceType
  actions: [String!]
  apiIdentifier: String
}

type PaginatedGroups {
  totalCount: Int!
  list: [Group!]!
}

type PaginatedDepartments {
  list: [UserDepartment!]!
  totalCount: Int!
}

type UserDepartment {
  department: Node!
  isMainDepartment: Boolean!
  joinedAt: String
}

type Node {
  id: String!
  orgId: String
  name: String!
  nameI18n: String
  description: String
  descriptionI18n: String
  order: Int
  code: String
  root: Boolean
  depth: Int
  path: [String!]!
  codePath: [String]!
  namePath: [String!]!
  createdAt: String
  updatedAt: String
  children: [String!]
  users(page: Int, limit: Int, sortBy: SortByEnum, includeChildrenNodes: Boolean): PaginatedUsers!
  roles(namespace: String): PaginatedRoles
  authorizedResources(namespace: String, resourceType: String): PaginatedAuthorizedResources
  isVirtualNode: Boolean
}

type UserCustomData {
  key: String!
  value: String
  label: String
  dataType: UDFDataType!
}

enum UDFDataType {
  STRING
  NUMBER
  DATETIME
  BOOLEAN
  OBJECT
  SELECT
}

type Mfa {
  id: String!
  userId: String!
  userPoolId: String!
  enable: Boolean!
  secret: String
}

type Org {
  id: String!
  rootNode: Node!
  nodes: [Node!]!
  tenantId: String
}

type PaginatedOrgs {
  totalCount: Int!
  list: [Org!]!
}

type CheckPasswordStrengthResult {
  valid: Boolean!
  message: String
}

type Policy {
  namespace: String!
  code: String!
  isDefault: Boolean!
  description: String
  statements: [PolicyStatement!]!
  createdAt: String
  updatedAt: String
  assignmentsCount: Int!
  assignments(page: Int, limit: Int, namespace: String): [PolicyAssignment!]!
}

type PolicyStatement {
  resource: String!
  actions: [String!]!
  effect: PolicyEffect
  condition: [PolicyStatementCondition!]
}

enum PolicyEffect {
  ALLOW
  DENY
}

type PolicyStatementCondition {
  param: String!
  operator: String!
  value: Object!
}

type PolicyAssignment {
  code: String!
  targetType: PolicyAssignmentTargetType!
  targetIdentifier: String!
}

type PaginatedPolicies {
  totalCount: Int!
  list: [Policy!]!
}

type PaginatedPolicyAssignments {
  totalCount: Int!
  list: [PolicyAssignment!]!
}

enum UDFTargetType {
  NODE
  ORG
  USER
  USERPOOL
  ROLE
  PERMISSION
  APPLICATION
}

type UserDefinedData {
  key: String!
  dataType: UDFDataType!
  value: String!
  label: String
}

type UserDefinedField {
  targetType: UDFTargetType!
  dataType: UDFDataType!
  key: String!
  label: String
  options: String
}

type UserDefinedDataMap {
  targetId: String!
  data: [UserDefinedData!]!
}

input SearchUserDepartmentOpt {
  departmentId: String
  includeChildrenDepartments: Boolean
}

input SearchUserGroupOpt {
  code: String
}

input SearchUserRoleOpt {
  namespace: String
  code: String!
}

type JWTTokenStatus {
  code: Int
  message: String
  status: Boolean
  exp: Int
  iat: Int
  data: JWTTokenStatusDetail
}

type JWTTokenStatusDetail {
  id: String
  userPoolId: String
  arn: String
}

input FindUserByIdentityInput {
  identifier: String
  userIdInIdp: String
  isSocial: Boolean
  provider: String
}

type CheckPasswordResult {
  code: Int!
  message: String
}

type UserPool {
  id: String!
  name: String!
  domain: String!
  description: String
  secret: String!
  jwtSecret: String!
  ownerId: String
  userpoolTypes: [UserPoolType!]
  logo: String!
  createdAt: String
  updatedAt: String
  emailVerifiedDefault: Boolean!
  sendWelcomeEmail: Boolean!
  registerDisabled: Boolean!
  appSsoEnabled: Boolean!
  showWxQRCodeWhenRegisterDisabled: Boolean
  allowedOrigins: String
  tokenExpiresAfter: Int
  isDeleted: Boolean
  frequentRegisterCheck: FrequentRegisterCheckConfig
  loginFailCheck: LoginFailCheckConfig
  passwordUpdatePolicy: PasswordUpdatePolicyConfig
  loginPasswordFailCheck: LoginPasswordFailCheckConfig
  loginFailStrategy: String
  changePhoneStrategy: ChangePhoneStrategy
  changeEmailStrategy: ChangeEmailStrategy
  qrcodeLoginStrategy: QrcodeLoginStrategy
  app2WxappLoginStrategy: App2WxappLoginStrategy
  whitelist: RegisterWhiteListConfig
  customSMSProvider: CustomSMSProvider
  packageType: Int
  useCustomUserStore: Boolean
  loginRequireEmailVerified: Boolean
  verifyCodeLength: Int
  verifyCodeMaxAttempts: Int
  # The emulator's own: the pool's password rules and captcha policy, as the public config names them.
  passwordStrength: Int
  robotVerify: String
  weakPasswords: [String!]
  # The emulator's own: the pool's MFA policy, for apps without one, in the shape of an app's.
  applicationMfa: [PoolMfaPolicy!]
}

type PoolMfaPolicy {
  mfaPolicy: String!
  status: Int!
  sort: Int!
}

input PoolMfaPolicyInput {
  mfaPolicy: String!
  status: Int
  sort: Int
}

type UserPoolType {
  code: String
  name: String
  description: String
  image: String
  sdks: [String]
}

type FrequentRegisterCheckConfig {
  timeInterval: Int
  limit: Int
  enabled: Boolean
}

type LoginFailCheckConfig {
  timeInterval: Int
  limit: Int
  enabled: Boolean
}

type PasswordUpdatePolicyConfig {
  enabled: Boolean
  forcedCycle: Int
  differenceCycle: Int
  # The emulator's own (the forcedCycleUnit of the 2058 step): DAY, MONTH or YEAR.
  forcedCycleUnit: String
}

type LoginPasswordFailCheckConfig {
  timeInterval: Int
  limit: Int
  enabled: Boolean
}

type ChangePhoneStrategy {
  verifyOldPhone: Boolean
}

type ChangeEmailStrategy {
  verifyOldEmail: Boolean
}

type QrcodeLoginStrategy {
  qrcodeExpiresAfter: Int
  returnFullUserInfo: Boolean
  allowExchangeUserInfoFromBrowser: Boolean
  ticketExpiresAfter: Int
}

type App2WxappLoginStrategy {
  ticketExpriresAfter: Int
  ticketExchangeUserInfoNeedSecret: Boolean
}

type RegisterWhiteListConfig {
  phoneEnabled: Boolean
  emailEnabled: Boolean
  usernameEnabled: Boolean
}

type CustomSMSProvider {
  enabled: Boolean
  provider: String
  config: String
}

type PaginatedUserpool {
  totalCount: Int!
  list: [UserPool!]!
}

type AccessTokenRes {
  accessToken: String
  exp: Int
  iat: Int
}

enum WhitelistType {
  USERNAME
  EMAIL
  PHONE
}

type WhiteList {
  createdAt: String
  updatedAt: String
  value: String!
}

type Mutation {
  allow(resource: String!, action: String!, userId: String, userIds: [String!], roleCode: String, roleCodes: [String!], namespace: String): CommonMessage!
  authorizeResource(namespace: String, resourceType: ResourceType, resource: String, opts: [AuthorizeResourceOpt]): CommonMessage!
  createSocialConnectionInstance(input: CreateSocialConnectionInstanceInput!): SocialConnectionInstance!
  enableSocialConnectionInstance(provider: String!): SocialConnectionInstance!
  disableSocialConnectionInstance(provider: String!): SocialConnectionInstance!
  setMainDepartment(userId: String!, departmentId: String): CommonMessage!
  configEmailTemplate(input: ConfigEmailTemplateInput!): EmailTemplate!
  enableEmailTemplate(type: EmailTemplateType!): EmailTemplate!
  disableEmailTemplate(type: EmailTemplateType!): EmailTemplate!
  sendEmail(email: String!, scene: EmailScene!): CommonMessage!
  sendFirstLoginVerifyEmail(userId: String!, appId: String!): CommonMessage!
  createFunction(input: CreateFunctionInput!): Function
  updateFunction(input: UpdateFunctionInput!): Function!
  deleteFunction(id: String!): CommonMessage!
  addUserToGroup(userIds: [String!]!, code: String): CommonMessage!
  removeUserFromGroup(userIds: [String!]!, code: String): CommonMessage!
  createGroup(code: String!, name: String!, description: String): Group!
  updateGroup(code: String!, name: String, description: String, newCode: String): Group!
  deleteGroups(codeList: [String!]!): CommonMessage!
  loginByEmail(input: LoginByEmailInput!): User
  loginByUsername(input: LoginByUsernameInput!): User
  loginByPhoneCode(input: LoginByPhoneCodeInput!): User
  loginByPhonePassword(input: LoginByPhonePasswordInput!): User
  changeMfa(enable: Boolean, id: String, userId: String, userPoolId: String, refresh: Boolean): Mfa
  createOrg(name: String!, code: String, description: String, tenantId: String): Org!
  deleteOrg(id: String!): CommonMessage!
  addNode(orgId: String!, parentNodeId: String, name: String!, nameI18n: String, description: String, descriptionI18n: String, order: Int, code: String): Org!
  addNodeV2(orgId: String!, parentNodeId: String, name: String!, nameI18n: String, description: String, descriptionI18n: String, order: Int, code: String): Node!
  updateNode(id: String!, name: String, code: String, description: String): Node!
  deleteNode(orgId: String!, nodeId: String!): CommonMessage!
  addMember(nodeId: String, orgId: String, nodeCode: String, userIds: [String!]!, isLeader: Boolean): Node!
  removeMember(nodeId: String, orgId: String, nodeCode: String, userIds: [String!]!): Node!
  moveMembers(userIds: [String!]!, sourceNodeId: String!, targetNodeId: String!): CommonMessage
  moveNode(orgId: String!, nodeId: String!, targetParentId: String!): Org!
  resetPassword(phone: String, email: String, code: String!, newPassword: String!, phoneCountryCode: String): CommonMessage
  resetPasswordByFirstLoginToken(token: String!, password: String!): CommonMessage
  resetPasswordByForceResetToken(token: String!, oldPassword: String!, newPassword: String!): CommonMessage
  createPolicy(namespace: String, code: String!, description: String, statements: [PolicyStatementInput!]!): Policy!
  updatePolicy(namespace: String, code: String!, description: String, statements: [PolicyStatementInput!], newCode: String): Policy!
  deletePolicy(code: String!, namespace: String): CommonMessage!
  deletePolicies(codeList: [String!]!, namespace: String): CommonMessage!
  addPolicyAssignments(policies: [String!]!, targetType: PolicyAssignmentTargetType!, targetIdentifiers: [String!], inheritByChildren: Boolean, namespace: String): CommonMessage!
  enablePolicyAssignment(policy: String!, targetType: PolicyAssignmentTargetType!, targetIdentifier: String!, namespace: String): CommonMessage!
  disbalePolicyAssignment(policy: String!, targetType: PolicyAssignmentTargetType!, targetIdentifier: String!, namespace: String): CommonMessage!
  removePolicyAssignments(policies: [String!]!, targetType: PolicyAssignmentTargetType!, targetIdentifiers: [String!], namespace: String): CommonMessage!
  registerByUsername(input: RegisterByUsernameInput!): User
  registerByEmail(input: RegisterByEmailInput!): User
  registerByPhoneCode(input: RegisterByPhoneCodeInput!): User
  createRole(namespace: String, code: String!, description: String, parent: String): Role!
  updateRole(code: String!, description: String, newCode: String, namespace: String): Role!
  deleteRole(code: String!, namespace: String): CommonMessage!
  deleteRoles(codeList: [String!]!, namespace: String): CommonMessage!
  assignRole(namespace: String, roleCode: String, roleCodes: [String], userIds: [String!], groupCodes: [String!], nodeCodes: [String!]): CommonMessage
  revokeRole(namespace: String, roleCode: String, roleCodes: [String], userIds: [String!], groupCodes: [String!], nodeCodes: [String!]): CommonMessage
  loginBySubAccount(account: String!, password: String!, captchaCode: String, clientIp: String): User!
  setUdf(targetType: UDFTargetType!, key: String!, dataType: UDFDataType!, label: String!, options: String): UserDefinedField!
  removeUdf(targetType: UDFTargetType!, key: String!): CommonMessage
  setUdv(targetType: UDFTargetType!, targetId: String!, key: String!, value: String!): [UserDefinedData!]
  setUdfValueBatch(targetType: UDFTargetType!, input: [SetUdfValueBatchInput!]!): CommonMessage
  removeUdv(targetType: UDFTargetType!, targetId: String!, key: String!): [UserDefinedData!]
  setUdvBatch(targetType: UDFTargetType!, targetId: String!, udvList: [UserDefinedDataInput!]): [UserDefinedData!]
  refreshToken(id: String): RefreshToken
  createUser(userInfo: CreateUserInput!, keepPassword: Boolean, resetPasswordOnFirstLogin: Boolean, params: String, identity: CreateUserIdentityInput): User!
  updateUser(id: String, input: UpdateUserInput!, emailToken: String, phoneToken: String): User!
  updatePassword(newPassword: String!, oldPassword: String): User!
  bindPhone(phone: String!, phoneCode: String!, phoneCountryCode: String): User!
  bindEmail(email: String!, emailCode: String!): User!
  unbindPhone: User!
  updatePhone(phone: String!, phoneCode: String!, oldPhone: String, oldPhoneCode: String, phoneCountryCode: String, oldPhoneCountryCode: String): User!
  updateEmail(email: String!, emailCode: String!, oldEmail: String, oldEmailCode: String): User!
  unbindEmail: User!
  deleteUser(id: String!): CommonMessage
  deleteUsers(ids: [String!]!): CommonMessage
  createUserpool(name: String!, domain: String!, description: String, logo: String, userpoolTypes: [String!]): UserPool!
  updateUserpool(input: UpdateUserpoolInput!): UserPool!
  refreshUserpoolSecret: String!
  deleteUserpool: CommonMessage!
  refreshAccessToken(accessToken: String): RefreshAccessTokenRes!
  addWhitelist(type: WhitelistType!, list: [String!]!): [WhiteList]!
  removeWhitelist(type: WhitelistType!, list: [String!]!): [WhiteList]!
}

type CommonMessage {
  message: String
  code: Int
}

input AuthorizeResourceOpt {
  targetType: PolicyAssignmentTargetType!
  targetIdentifier: String!
  actions: [String!]
}

input CreateSocialConnectionInstanceInput {
  provider: String!
  fields: [CreateSocialConnectionInstanceFieldInput]
}

input CreateSocialConnectionInstanceFieldInput {
  key: String!
  value: String!
}

input ConfigEmailTemplateInput {
  type: EmailTemplateType!
  name: String!
  subject: String!
  sender: String!
  content: String!
  redirectTo: String
  hasURL: Boolean
  expiresIn: Int
}

enum EmailScene {
  RESET_PASSWORD
  RESET_PASSWORD_VERIFY_CODE
  VERIFY_EMAIL
  FIRST_EMAIL_LOGIN_VERIFY
  CONSOLE_CONDUCTED_VERIFY
  CHANGE_EMAIL
  EMAIL_BIND_VERIFY_CODE
  EMAIL_UNBIND_VERIFY_CODE
  MFA_VERIFY
  VERIFY_CODE
  REGISTER_VERIFY_CODE
  LOGIN_VERIFY_CODE
  MFA_VERIFY_CODE
  INFORMATION_COMPLETION_VERIFY_CODE
}

input CreateFunctionInput {
  name: String!
  sourceCode: String!
  description: String
  url: String
}

input UpdateFunctionInput {
  id: String!
  name: String
  sourceCode: String
  description: String
  url: String
}

input LoginByEmailInput {
  email: String!
  password: String!
  captchaCode: String
  autoRegister: Boolean
  clientIp: String
  params: String
  context: String
}

input LoginByUsernameInput {
  username: String!
  password: String!
  captchaCode: String
  autoRegister: Boolean
  clientIp: String
  params: String
  context: String
}

input LoginByPhoneCodeInput {
  phone: String!
  code: String!
  phoneCountryCode: String
  autoRegister: Boolean
  clientIp: String
  params: String
  context: String
}

input LoginByPhonePasswordInput {
  phone: String!
  password: String!
  captchaCode: String
  autoRegister: Boolean
  clientIp: String
  params: String
  context: String
}

input PolicyStatementInput {
  resource: String!
  actions: [String!]!
  effect: PolicyEffect
  condition: [PolicyStatementConditionInput!]
}

input PolicyStatementConditionInput {
  param: String!
  operator: String!
  value: Object!
}

input RegisterByUsernameInput {
  username: String!
  password: String!
  profile: RegisterProfile
  forceLogin: Boolean
  generateToken: Boolean
  clientIp: String
  params: String
  context: String
  phoneToken: String
  emailToken: String
}

input RegisterProfile {
  ip: String
  phone: String
  email: String
  oauth: String
  username: String
  nickname: String
  company: String
  photo: String
  device: String
  browser: String
  name: String
  givenName: String
  familyName: String
  middleName: String
  profile: String
  preferredUsername: String
  website: String
  gender: String
  birthdate: String
  zoneinfo: String
  locale: String
  address: String
  formatted: String
  streetAddress: String
  locality: String
  region: String
  postalCode: String
  country: String
  udf: [UserDdfInput!]
}

input UserDdfInput {
  key: String!
  value: String!
}

input RegisterByEmailInput {
  email: String!
  password: String!
  profile: RegisterProfile
  forceLogin: Boolean
  generateToken: Boolean
  clientIp: String
  params: String
  context: String
  phoneToken: String
}

input RegisterByPhoneCodeInput {
  phone: String!
  code: String!
  phoneCountryCode: String
  password: String
  profile: RegisterProfile
  forceLogin: Boolean
  generateToken: Boolean
  clientIp: String
  params: String
  context: String
  emailToken: String
}

input SetUdfValueBatchInput {
  targetId: String!
  key: String!
  value: String!
}

input UserDefinedDataInput {
  key: String!
  value: String
}

type RefreshToken {
  token: String
  iat: Int
  exp: Int
}

input CreateUserInput {
  username: String
  email: String
  emailVerified: Boolean
  phone: String
  phoneVerified: Boolean
  unionid: String
  openid: String
  nickname: String
  photo: String
  password: String
  registerSource: [String!]
  browser: String
  oauth: String
  loginsCount: Int
  lastLogin: String
  company: String
  lastIP: String
  signedUp: String
  blocked: Boolean
  isDeleted: Boolean
  device: String
  name: String
  givenName: String
  familyName: String
  middleName: String
  profile: String
  preferredUsername: String
  website: String
  gender: String
  birthdate: String
  zoneinfo: String
  locale: String
  address: String
  formatted: String
  streetAddress: String
  locality: String
  region: String
  postalCode: String
  country: String
  externalId: String
  phoneCountryCode: String
}

input CreateUserIdentityInput {
  provider: String!
  userIdInIdp: String!
  openid: String
  isSocial: Boolean
  connectionId: String
  accessToken: String
  refreshToken: String
}

input UpdateUserInput {
  email: String
  unionid: String
  openid: String
  emailVerified: Boolean
  phone: String
  phoneVerified: Boolean
  username: String
  nickname: String
  password: String
  photo: String
  company: String
  browser: String
  device: String
  oauth: String
  tokenExpiredAt: String
  loginsCount: Int
  lastLogin: String
  lastIP: String
  blocked: Boolean
  name: String
  givenName: String
  familyName: String
  middleName: String
  profile: String
  preferredUsername: String
  website: String
  gender: String
  birthdate: String
  zoneinfo: String
  locale: String
  address: String
  formatted: String
  streetAddress: String
  locality: String
  region: String
  postalCode: String
  city: String
  province: String
  country: String
  externalId: String
  phoneCountryCode: String
  mainDepartmentId: String
  mainDepartmentCode: String
  expiredAt: String
  directManagement: String
}

input UpdateUserpoolInput {
  name: String
  logo: String
  domain: String
  description: String
  userpoolTypes: [String!]
  emailVerifiedDefault: Boolean
  sendWelcomeEmail: Boolean
  registerDisabled: Boolean
  appSsoEnabled: Boolean
  allowedOrigins: String
  tokenExpiresAfter: Int
  frequentRegisterCheck: FrequentRegisterCheckConfigInput
  loginFailCheck: LoginFailCheckConfigInput
  passwordUpdatePolicy: PasswordUpdatePolicyInput
  loginFailStrategy: String
  loginPasswordFailCheck: LoginPasswordFailCheckConfigInput
  changePhoneStrategy: ChangePhoneStrategyInput
  changeEmailStrategy: ChangeEmailStrategyInput
  qrcodeLoginStrategy: QrcodeLoginStrategyInput
  app2WxappLoginStrategy: App2WxappLoginStrategyInput
  whitelist: RegisterWhiteListConfigInput
  customSMSProvider: CustomSmsProviderInput
  loginRequireEmailVerified: Boolean
  verifyCodeLength: Int
  verifyCodeMaxAttempts: Int
  # The emulator's own: the pool's password rules and captcha policy, as the public config names them.
  passwordStrength: Int
  robotVerify: String
  weakPasswords: [String!]
  applicationMfa: [PoolMfaPolicyInput!]
}

input FrequentRegisterCheckConfigInput {
  timeInterval: Int
  limit: Int
  enabled: Boolean
}

input LoginFailCheckConfigInput {
  timeInterval: Int
  limit: Int
  enabled: Boolean
}

input PasswordUpdatePolicyInput {
  enabled: Boolean
  forcedCycle: Int
  differenceCycle: Int
  # The emulator's own (the forcedCycleUnit of the 2058 step): DAY, MONTH or YEAR.
  forcedCycleUnit: String
}

input LoginPasswordFailCheckConfigInput {
  timeInterval: Int
  limit: Int
  enabled: Boolean
}

input ChangePhoneStrategyInput {
  verifyOldPhone: Boolean
}

input ChangeEmailStrategyInput {
  verifyOldEmail: Boolean
}

input QrcodeLoginStrategyInput {
  qrcodeExpiresAfter: Int
  returnFullUserInfo: Boolean
  allowExchangeUserInfoFromBrowser: Boolean
  ticketExpiresAfter: Int
}

input App2WxappLoginStrategyInput {
  ticketExpriresAfter: Int
  ticketExchangeUserInfoNeedSecret: Boolean
}

input RegisterWhiteListConfigInput {
  phoneEnabled: Boolean
  emailEnabled: Boolean
  usernameEnabled: Boolean
}

input CustomSmsProviderInput {
  enabled: Boolean
  provider: String
  config: String
}

type RefreshAccessTokenRes {
  accessToken: String
  exp: Int
  iat: Int
}

type BatchOperationResult {
  succeedCount: Int!
  failedCount: Int!
  message: String
  errors: [String!]
}

type KeyValuePair {
  key: String!
  value: String!
}

input SocialConnectionFieldInput {
  key: String
  label: String
  type: String
  placeholder: String
  children: [SocialConnectionFieldInput]
}

input CreateSocialConnectionInput {
  provider: String!
  name: String!
  logo: String!
  description: String
  fields: [SocialConnectionFieldInput!]
}

type PasswordUpdatePolicy {
  enabled: Boolean
  forcedCycle: Int
  differenceCycle: Int
}
`
