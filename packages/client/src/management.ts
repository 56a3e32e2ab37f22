/**
 * `@authing-kit/client/management` — the administrator's API, for servers only. A separate entry
 * so that browser bundles of the main entry (and of @authing-kit/react) never contain it.
 */
export type { AuthingErrorCode, ClientErrorCode } from './errors.js'
export { AuthingError, isAuthingError } from './errors.js'
export type { AclManagement, ResourceInput } from './management/aclManagement.js'
export type { ApplicationsManagement } from './management/applicationsManagement.js'
export type { GroupsManagement } from './management/groupsManagement.js'
export type { ManagementClientOptions } from './management/managementClient.js'
export { ManagementClient } from './management/managementClient.js'
export type { MfaManagement } from './management/mfaManagement.js'
export type { RolesManagement } from './management/rolesManagement.js'
export type {
  ApplicationUpdates,
  ExtendsFieldInput,
  MfaPolicy,
  RobotVerify,
  TotpImport,
  UpdateUserpoolInput,
  UserMfaType,
  UserPool,
} from './management/switchTypes.js'
export type {
  AgreementDetail,
  AgreementInput,
  Application,
  AuthorizeResourceOpt,
  Group,
  Namespace,
  NamespacePage,
  PolicyTargetType,
  Resource,
  ResourceAction,
  ResourceType,
  RoleDetail,
  UserDefinedField,
  UserInput,
} from './management/types.js'
export type { UdfManagement } from './management/udfManagement.js'
export type { UserpoolManagement } from './management/userpoolManagement.js'
export type { UsersManagement } from './management/usersManagement.js'
export type { SignalOptions } from './options.js'
