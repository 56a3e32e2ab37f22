import type { Paginated, User } from '../types.js'

/** Fields a ManagementClient may set when creating or updating a user (`password` in clear: it is encrypted on the wire). */
export type UserInput = Partial<
  Omit<User, 'id' | 'arn' | 'userPoolId' | 'customData' | 'newlyCreated' | 'token' | 'password'>
> & {
  password?: string
}

export interface Group {
  code: string
  name: string
  description: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface RoleDetail {
  id: string
  namespace: string
  code: string
  arn: string
  description: string | null
  isSystem: boolean | null
  createdAt: string | null
  updatedAt: string | null
  parent: Omit<RoleDetail, 'parent' | 'isSystem'> | null
}

export interface ResourceAction {
  name: string
  description?: string | null
}

export type ResourceType = 'DATA' | 'API' | 'MENU' | 'UI' | 'BUTTON'

export interface Resource {
  id: string
  userPoolId: string
  code: string
  type: ResourceType
  description: string | null
  actions: ResourceAction[]
  namespace?: string
  namespaceId?: number
  apiIdentifier?: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface Namespace {
  id: number
  code: string
  name: string
  description: string | null
  status?: number | null
  appId?: string | null
  appName?: string | null
}

/** What `createAgreement` takes; `title` is HTML (links allowed). `availableAt`: 0 register form, 1 login form, 2 both. */
export interface AgreementInput {
  title: string
  required?: boolean
  lang?: 'zh-CN' | 'en-US'
  availableAt?: 0 | 1 | 2
}

export interface AgreementDetail {
  id: number
  appId: string
  userPoolId: string
  title: string
  required: boolean
  lang: 'zh-CN' | 'en-US'
  availableAt?: 0 | 1 | 2 | null
  order: number
}

export interface Application {
  id: string
  userPoolId: string
  name: string
  identifier: string | null
  secret: string
  description: string | null
  logo: string | null
  protocol: string | null
  redirectUris: string[]
  createdAt: string | null
  updatedAt: string | null
  [field: string]: unknown
}

export interface UserDefinedField {
  targetType: string
  dataType: 'STRING' | 'NUMBER' | 'DATETIME' | 'BOOLEAN' | 'OBJECT' | 'SELECT'
  key: string
  label: string | null
  options: string | null
}

export type PolicyTargetType = 'USER' | 'ROLE' | 'GROUP' | 'ORG' | 'AK_SK'

export interface AuthorizeResourceOpt {
  targetType: PolicyTargetType
  targetIdentifier: string
  actions: string[]
}

/** Namespaces page the way Authing's REST answers it: `total`, not `totalCount`. */
export interface NamespacePage {
  total: number
  list: Namespace[]
}

export type { Paginated, User }
