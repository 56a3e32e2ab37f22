import type { FormLang } from '../../form/errorMessages.js'

/** The MFA step's strings, in the step's own chunk: a form that never meets the step never loads them. */
export const mfaMessages: Record<FormLang, Record<MfaMessageKey, string>> = {
  'en-US': {
    factors: 'Verify with',
    OTP: 'Authenticator app',
    SMS: 'Text message',
    EMAIL: 'Email',
    recovery: 'Recovery code',
    PASSKEY: 'Passkey',
    introPasskey: 'Confirm with one of your passkeys: your fingerprint, face or screen lock.',
    usePasskey: 'Use a passkey',
    introOTP: 'Enter the 6-digit code your authenticator app shows.',
    introSMS: 'We send a code to {to}.',
    introEMAIL: 'We send a code to {to}.',
    introRecovery: 'Enter one of the recovery codes you saved when you set up the app.',
    noPhone: 'Your account has no phone number yet: enter the one to verify and keep.',
    noEmail: 'Your account has no email yet: enter the one to verify and keep.',
    bindIntro: 'This application asks for an authenticator app, and none is set up for your account yet.',
    bindStart: 'Set up an authenticator app',
    bindScan: 'Scan the code with your authenticator app (or type the key), then enter the code it shows.',
    bindRecovery: 'Save this recovery code: it logs you in once if you lose your phone.',
    qrAlt: 'QR code for your authenticator app',
    key: 'Key',
    unsupported: 'This application asks for a verification method this form cannot offer.',
    otpCode: 'Authenticator code',
    recoveryCode: 'Recovery code',
    verify: 'Verify',
    newRecoveryTitle: 'Save your new recovery code',
    newRecoveryText: 'The code you used is spent. Keep this one somewhere safe: it is shown only once.',
    continue: 'Continue',
  },
  'zh-CN': {
    factors: '验证方式',
    OTP: '身份验证器',
    SMS: '短信',
    EMAIL: '邮箱',
    recovery: '恢复代码',
    PASSKEY: '通行密钥',
    introPasskey: '请用你的通行密钥确认：指纹、面容或锁屏密码。',
    usePasskey: '使用通行密钥验证',
    introOTP: '请输入身份验证器中的 6 位安全码。',
    introSMS: '验证码将发送到 {to}。',
    introEMAIL: '验证码将发送到 {to}。',
    introRecovery: '请输入绑定身份验证器时保存的恢复代码。',
    noPhone: '你的账号尚未绑定手机号：请输入要验证并绑定的手机号。',
    noEmail: '你的账号尚未绑定邮箱：请输入要验证并绑定的邮箱。',
    bindIntro: '该应用要求使用身份验证器，你的账号尚未绑定。',
    bindStart: '绑定身份验证器',
    bindScan: '用身份验证器扫描二维码（或手动输入密钥），然后填写它显示的安全码。',
    bindRecovery: '请保存这个恢复代码：手机丢失时可用它登录一次。',
    qrAlt: '身份验证器二维码',
    key: '密钥',
    unsupported: '该应用要求的验证方式本表单暂不支持。',
    otpCode: '安全码',
    recoveryCode: '恢复代码',
    verify: '验证',
    newRecoveryTitle: '请保存新的恢复代码',
    newRecoveryText: '刚才的恢复代码已失效。请妥善保存这个新代码，它只显示这一次。',
    continue: '继续',
  },
}

type MfaMessageKey =
  | 'factors'
  | 'OTP'
  | 'SMS'
  | 'EMAIL'
  | 'recovery'
  | 'PASSKEY'
  | 'introPasskey'
  | 'usePasskey'
  | 'introOTP'
  | 'introSMS'
  | 'introEMAIL'
  | 'introRecovery'
  | 'noPhone'
  | 'noEmail'
  | 'bindIntro'
  | 'bindStart'
  | 'bindScan'
  | 'bindRecovery'
  | 'qrAlt'
  | 'key'
  | 'unsupported'
  | 'otpCode'
  | 'recoveryCode'
  | 'verify'
  | 'newRecoveryTitle'
  | 'newRecoveryText'
  | 'continue'
