export { AuthenticationClient } from './authenticationClient.js'
export type {
  AuthenticationClientOptions,
  LoginOptions,
  PhoneCodeLoginOptions,
  RegisterOptions,
  SignalOptions,
} from './authenticationClient.js'
export { AuthingError, isAuthingError, isBadCredentials, BAD_CREDENTIALS_CODES } from './errors.js'
export type { AuthingErrorCode, ClientErrorCode, AuthingErrorOptions } from './errors.js'
export { createMemoryStore } from './session/tokenStore.js'
export type { TokenStore } from './session/tokenStore.js'
export type { AuthSnapshot, SessionListener } from './session/sessionStore.js'
export { decodeJwtClaims, isTokenExpired, tokenUserId } from './session/jwt.js'
export type { FetchFunction } from './transport/send.js'
export type { RequestContextOptions } from './requestParams.js'
export type {
  ApplicationPublicDetail,
  AuthorizedResource,
  CommonMessage,
  Lang,
  LoginStatus,
  Paginated,
  PasswordStrength,
  ProfileUpdates,
  RefreshedToken,
  RegisterProfile,
  Role,
  User,
} from './types.js'
