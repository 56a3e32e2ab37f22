/** The languages Authing answers messages in. */
export type Lang = 'zh-CN' | 'en-US'

/** An Authing user as the v2 API returns it; `customData` is turned into a plain object. */
export interface User {
  id: string
  arn: string
  userPoolId: string
  status: 'Suspended' | 'Resigned' | 'Activated' | 'Archived' | null
  username: string | null
  email: string | null
  emailVerified: boolean | null
  phone: string | null
  phoneVerified: boolean | null
  phoneCountryCode: string | null
  unionid: string | null
  openid: string | null
  nickname: string | null
  registerSource: string[] | null
  photo: string | null
  /** Always null: Authing never returns passwords. */
  password: string | null
  oauth: string | null
  /** The id_token this user's session holds (login results; null after a plain registration). */
  token: string | null
  tokenExpiredAt: string | null
  loginsCount: number | null
  lastLogin: string | null
  lastIP: string | null
  signedUp: string | null
  blocked: boolean | null
  isDeleted: boolean | null
  device: string | null
  browser: string | null
  company: string | null
  name: string | null
  givenName: string | null
  familyName: string | null
  middleName: string | null
  profile: string | null
  preferredUsername: string | null
  website: string | null
  gender: string | null
  birthdate: string | null
  zoneinfo: string | null
  locale: string | null
  address: string | null
  formatted: string | null
  streetAddress: string | null
  locality: string | null
  region: string | null
  postalCode: string | null
  city: string | null
  province: string | null
  country: string | null
  createdAt: string | null
  updatedAt: string | null
  externalId: string | null
  /** Only on login and registration results: true when this call created the account. */
  newlyCreated?: boolean | null
  /** The user's custom (UDF) fields, decoded: `{ school: 'Tsinghua University' }`. */
  customData?: Record<string, unknown>
}

/** Profile fields a user may change with `updateProfile` (email and phone have their own flows). */
export type ProfileUpdates = Partial<
  Pick<
    User,
    | 'username'
    | 'nickname'
    | 'photo'
    | 'company'
    | 'browser'
    | 'device'
    | 'name'
    | 'givenName'
    | 'familyName'
    | 'middleName'
    | 'profile'
    | 'preferredUsername'
    | 'website'
    | 'gender'
    | 'birthdate'
    | 'zoneinfo'
    | 'locale'
    | 'address'
    | 'formatted'
    | 'streetAddress'
    | 'locality'
    | 'region'
    | 'postalCode'
    | 'city'
    | 'province'
    | 'country'
    | 'externalId'
    | 'oauth'
  >
>

/** Extra profile fields accepted at registration; `udf` sets custom fields. */
export type RegisterProfile = Omit<ProfileUpdates, 'city' | 'province' | 'externalId'> & {
  ip?: string
  udf?: { key: string; value: string }[]
}

export interface CommonMessage {
  code: number | null
  message: string | null
}

export interface Paginated<T> {
  totalCount: number
  list: T[]
}

export interface Role {
  id: string
  code: string
  namespace: string
  arn: string
  description: string | null
  isSystem: boolean | null
  createdAt: string | null
  updatedAt: string | null
}

export interface AuthorizedResource {
  code: string
  type: 'DATA' | 'API' | 'MENU' | 'UI' | 'BUTTON' | null
  actions: string[] | null
  apiIdentifier?: string | null
}

export interface ApplicationPublicDetail {
  id: string
  name: string
  logo: string | null
  domain: string | null
  description: string | null
  protocol: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface LoginStatus {
  code: number | null
  message: string | null
  status: boolean | null
  exp: number | null
  iat: number | null
  data: { id: string | null; userPoolId: string | null; arn: string | null } | null
}

export interface RefreshedToken {
  token: string | null
  iat: number | null
  exp: number | null
}

export interface PasswordStrength {
  valid: boolean
  message: string | null
}
