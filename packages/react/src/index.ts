export type { AuthingProviderProps } from './AuthingProvider.js'
export { AuthingProvider } from './AuthingProvider.js'
export type { RequireAuthOptions, RequireAuthProps } from './components/RequireAuth.js'
export { RequireAuth } from './components/RequireAuth.js'
export { useAuth } from './hooks/useAuth.js'
export { useAuthingClient } from './hooks/useAuthingClient.js'
export type { UseAuthorizedResourcesResult } from './hooks/useAuthorizedResources.js'
export { useAuthorizedResources } from './hooks/useAuthorizedResources.js'
export type { UseHasRoleResult } from './hooks/useHasRole.js'
export { useHasRole } from './hooks/useHasRole.js'
export type {
  LoginCallOptions,
  LoginCredentials,
  LoginMethod,
  MfaAnswer,
  MfaCodeTarget,
  UseLoginResult,
} from './hooks/useLogin.js'
export { useLogin } from './hooks/useLogin.js'
export type { UseLogoutResult } from './hooks/useLogout.js'
export { useLogout } from './hooks/useLogout.js'
export type { UsePasskeyLoginOptions, UsePasskeyResult } from './hooks/usePasskey.js'
export { usePasskey } from './hooks/usePasskey.js'
export type { UseProfileResult } from './hooks/useProfile.js'
export { useProfile } from './hooks/useProfile.js'
export type { UsePublicConfigResult } from './hooks/usePublicConfig.js'
export { usePublicConfig } from './hooks/usePublicConfig.js'
export type { QrLoginStatus, UseQrLoginOptions, UseQrLoginResult } from './hooks/useQrLogin.js'
export { useQrLogin } from './hooks/useQrLogin.js'
export type {
  RegisterCallOptions,
  RegisterCredentials,
  RegisterMethod,
  UseRegisterResult,
} from './hooks/useRegister.js'
export { useRegister } from './hooks/useRegister.js'
export type { ResetPasswordInput, UseResetPasswordResult } from './hooks/useResetPassword.js'
export { useResetPassword } from './hooks/useResetPassword.js'
export { useReturnTo } from './hooks/useReturnTo.js'
export type { UseSendEmailCodeResult } from './hooks/useSendEmailCode.js'
export { useSendEmailCode } from './hooks/useSendEmailCode.js'
export type { SendSmsCodeOptions, UseSendSmsCodeResult } from './hooks/useSendSmsCode.js'
export { SMS_RESEND_SECONDS, useSendSmsCode } from './hooks/useSendSmsCode.js'
export type { SocialLoginOptions, UseSocialLoginResult } from './hooks/useSocialLogin.js'
export { useSocialLogin } from './hooks/useSocialLogin.js'
export type { TotpEnrollment, UseTotpEnrollmentResult } from './hooks/useTotpEnrollment.js'
export { useTotpEnrollment } from './hooks/useTotpEnrollment.js'
export type { UseUpdatePasswordResult } from './hooks/useUpdatePassword.js'
export { useUpdatePassword } from './hooks/useUpdatePassword.js'
export type { AuthingQueryOptions } from './queryKeys.js'
export {
  authingQueryKeys,
  authorizedResourcesQueryOptions,
  PROFILE_STALE_TIME_MS,
  profileQueryOptions,
  rolesQueryOptions,
} from './queryKeys.js'
export type { HandlerEvent, LoginWithRedirectOptions, LogoutOptions, RedirectProps } from './redirectOptions.js'
export type { RedirectAppState } from './redirectTransaction.js'
export type { SessionStorageKind } from './rememberMeStore.js'
export type { AuthState, AuthStatus } from './store.js'
export { withAuthenticationRequired } from './withAuthenticationRequired.js'
export { EXPIRY_LEEWAY_SECONDS } from '@authing-kit/client'
