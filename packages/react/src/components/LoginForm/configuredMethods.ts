import type { ApplicationPublicConfig } from '@authing-kit/client'

import type { LoginFormMethod, QrLoginMethod } from './loginFormProps.js'

const qrTabs: Record<string, QrLoginMethod> = {
  'app-qrcode': 'appQrcode',
  'wechat-miniprogram-qrcode': 'wechatMiniProgramQrcode',
  'wechatmp-qrcode': 'wechatmpQrcode',
}

/** The QR tabs the console turned on, in its order. */
export const configuredQrMethods = (config: ApplicationPublicConfig | null): QrLoginMethod[] =>
  config ? config.loginTabs.list.flatMap((tab) => qrTabs[tab] ?? []) : []

/**
 * The login methods an app's console configured (public config `loginTabs`, `passwordTabConfig`,
 * `verifyCodeTabConfig`), in its tab order, the default first; tabs this form has no view for (LDAP,
 * AD, …) are left out. Empty when none of them is one this form offers.
 */
export function configuredMethods(config: ApplicationPublicConfig): LoginFormMethod[] {
  const codes = config.verifyCodeTabConfig.enabledLoginMethods.map((m) =>
    m === 'email-code' ? 'emailCode' : 'phoneCode',
  )
  const byTab = (tab: string): LoginFormMethod[] =>
    tab === 'password'
      ? config.passwordTabConfig.enabledLoginMethods.length
        ? ['password']
        : []
      : tab === 'phone-code'
        ? codes
        : [qrTabs[tab]].flatMap((qr) => qr ?? [])
  const ordered = config.loginTabs.list.flatMap(byTab)
  const first = byTab(config.loginTabs.default)[0]
  return [...new Set(first ? [first, ...ordered] : ordered)]
}
