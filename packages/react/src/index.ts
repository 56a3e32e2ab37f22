export { AuthingProvider } from './AuthingProvider.js'
export type { AuthingProviderProps } from './AuthingProvider.js'
export { useAuth } from './hooks/useAuth.js'
export type { AuthState, AuthStatus } from './store.js'
export type { SessionStorageKind } from './rememberMeStore.js'
export { useAuthingClient } from './hooks/useAuthingClient.js'
export { useLogin } from './hooks/useLogin.js'
export type { LoginCallOptions, LoginCredentials, LoginMethod, UseLoginResult } from './hooks/useLogin.js'
export { useLogout } from './hooks/useLogout.js'
export type { UseLogoutResult } from './hooks/useLogout.js'
export { useRegister } from './hooks/useRegister.js'
export type { RegisterCallOptions, RegisterCredentials, RegisterMethod, UseRegisterResult } from './hooks/useRegister.js'
export { useProfile } from './hooks/useProfile.js'
export type { UseProfileResult } from './hooks/useProfile.js'
export { useSendSmsCode, SMS_RESEND_SECONDS } from './hooks/useSendSmsCode.js'
export type { SendSmsCodeOptions, UseSendSmsCodeResult } from './hooks/useSendSmsCode.js'
export { useUpdatePassword } from './hooks/useUpdatePassword.js'
export type { UseUpdatePasswordResult } from './hooks/useUpdatePassword.js'
export { useHasRole } from './hooks/useHasRole.js'
export type { UseHasRoleResult } from './hooks/useHasRole.js'
export { useAuthorizedResources } from './hooks/useAuthorizedResources.js'
export type { UseAuthorizedResourcesResult } from './hooks/useAuthorizedResources.js'
export {
  authingQueryKeys,
  profileQueryOptions,
  rolesQueryOptions,
  authorizedResourcesQueryOptions,
  PROFILE_STALE_TIME_MS,
} from './queryKeys.js'
export type { AuthingQueryOptions } from './queryKeys.js'
export { EXPIRY_LEEWAY_SECONDS } from './sessionValidity.js'
