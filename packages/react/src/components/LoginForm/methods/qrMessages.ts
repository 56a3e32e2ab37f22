import type { FormLang } from '../../form/errorMessages.js'

/** The QR tab's strings, in its own chunk: a form that never shows the tab never loads them. */
export const qrMessages: Record<FormLang, Record<QrMessageKey, string>> = {
  'en-US': {
    APP_AUTH: 'Scan the code with the app to log in.',
    WXAPP_AUTH: 'Scan the code with WeChat to log in through the mini program.',
    WECHATMP_AUTH: 'Scan the code with WeChat and follow the official account to log in.',
    alt: 'QR code to scan',
    loading: 'Getting a code…',
    scanned: 'Scanned by {name}. Confirm the login on your phone.',
    success: 'Confirmed. Logging you in…',
    expired: 'The code has expired.',
    cancelled: 'The login was cancelled on the phone.',
    refresh: 'Get a new code',
  },
  'zh-CN': {
    APP_AUTH: '请使用 APP 扫描二维码登录。',
    WXAPP_AUTH: '请使用微信扫描二维码，通过小程序登录。',
    WECHATMP_AUTH: '请使用微信扫描二维码，关注公众号后登录。',
    alt: '登录二维码',
    loading: '正在获取二维码…',
    scanned: '{name} 已扫码，请在手机上确认登录。',
    success: '已确认，正在登录…',
    expired: '二维码已过期。',
    cancelled: '已在手机上取消登录。',
    refresh: '刷新二维码',
  },
}

type QrMessageKey =
  | 'APP_AUTH'
  | 'WXAPP_AUTH'
  | 'WECHATMP_AUTH'
  | 'alt'
  | 'loading'
  | 'scanned'
  | 'success'
  | 'expired'
  | 'cancelled'
  | 'refresh'
