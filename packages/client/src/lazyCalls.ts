/**
 * The client's calls that load on first use, as one chunk. Two lazy chunks would split the code
 * they share with the initial chunk into more files, which costs an app ~700 B gzip up front.
 */
export { AccountCalls } from './flows/accountCalls.js'
export { LoginStepCalls } from './flows/loginStepCalls.js'
export { LoginFormCalls } from './loginForm/loginFormCalls.js'
export { MfaAuthenticationClient } from './mfa/mfaClient.js'
export { PasskeyClient } from './passkey/passkeyClient.js'
export { ProtocolCalls } from './protocols/protocolCalls.js'
export { QrCodeAuthenticationClient } from './qrcode/qrcodeClient.js'
export { qrcodeScenes } from './qrcode/qrcodeTypes.js'
export { SocialAuthenticationClient } from './social/socialClient.js'
