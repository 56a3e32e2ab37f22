export { AuthenticationClient } from './authenticationClient.js'
export type { AuthingErrorCode, AuthingErrorOptions, ClientErrorCode, OAuthErrorCode } from './errors.js'
export { AuthingError, BAD_CREDENTIALS_CODES, isAuthingError, isBadCredentials } from './errors.js'
export type { CompletionFieldValue } from './flows/loginStepCalls.js'
export type {
  Agreement,
  ApplicationPublicConfig,
  LoginTab,
  PasswordLoginMethod,
  RobotVerify,
  SocialConnection,
  TabsConfig,
  VerifyCodeLoginMethod,
} from './loginForm/publicConfig.js'
export { agreementsFor, captchaAlwaysRequired } from './loginForm/publicConfig.js'
export type {
  BindIdentityStep,
  CaptchaStep,
  CompleteProfileStep,
  CompletionField,
  FirstLoginPasswordStep,
  ForcePasswordResetStep,
  LoginStep,
  MfaFactor,
  MfaStep,
  UnsafePasswordStep,
} from './loginStep.js'
export { loginStepOf } from './loginStep.js'
export type { MfaAssociation, MfaAuthenticationClient, MfaAuthenticator, TotpSource } from './mfa/mfaClient.js'
export type {
  AgreementOptions,
  AuthenticationClientOptions,
  LoginOptions,
  PhoneCodeLoginOptions,
  RegisterOptions,
  SignalOptions,
} from './options.js'
export { DEFAULT_APP_HOST } from './options.js'
export type { PasskeyAuthenticator } from './passkey/browserAuthenticator.js'
export type {
  PasskeyCallOptions,
  PasskeyClient,
  PasskeyCredential,
  PasskeyLoginOptions,
  PasskeyRegisterOptions,
} from './passkey/passkeyClient.js'
export type { IdTokenProblem } from './protocols/idTokenVerifier.js'
export type {
  AuthorizeUrlOptions,
  CasTicketV1Result,
  EndpointAuthMethod,
  IdTokenClaims,
  IntrospectionResult,
  LogoutUrlOptions,
  Protocol,
  ProtocolOptions,
  TokenSet,
  UserInfo,
} from './protocols/types.js'
export type { QrCodeAuthenticationClient } from './qrcode/qrcodeClient.js'
export type { QrLogin, QrLoginOptions, QrLoginSnapshot, QrLoginStatus } from './qrcode/qrcodeLogin.js'
export type {
  GeneCodeOptions,
  PollingOptions,
  QRCodeGenarateResult,
  QrCodeScene,
  QRCodeStatus,
  QRCodeStatusCode,
  QRCodeUserInfo,
  ScanningOptions,
  StopPolling,
} from './qrcode/qrcodeTypes.js'
export { remainingAttemptsOf } from './remainingAttempts.js'
export type { RequestContextOptions } from './requestParams.js'
export { decodeJwtClaims, decodeJwtHeader, isTokenExpired, tokenUserId } from './session/jwt.js'
export type { RestoreExpectations } from './session/restoreRule.js'
export { appIssuer, EXPIRY_LEEWAY_SECONDS, isRestorableSession, tokenExpiresAt } from './session/restoreRule.js'
export type { AuthSnapshot, SessionListener } from './session/sessionStore.js'
export type { StorageKeys } from './session/storageKeys.js'
export { storageKeys } from './session/storageKeys.js'
export type { TokenStore } from './session/tokenStore.js'
export { createMemoryStore } from './session/tokenStore.js'
export type { SocialAuthenticationClient, SocialAuthorizeOptions } from './social/socialClient.js'
export { isSocialRedirect } from './social/socialRedirect.js'
export type { FetchFunction } from './transport/send.js'
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
