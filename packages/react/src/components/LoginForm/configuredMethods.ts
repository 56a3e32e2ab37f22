import type { ApplicationPublicConfig } from '@authing-kit/client'

import type { LoginFormMethod } from './loginFormProps.js'

/**
 * The login methods an app's console configured (public config `loginTabs`, `passwordTabConfig`,
 * `verifyCodeTabConfig`), in its tab order, the default first; tabs this form has no view for (QR,
 * LDAP, …) are left out. Empty when none of them is one this form offers.
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
        : []
  const ordered = config.loginTabs.list.flatMap(byTab)
  const first = byTab(config.loginTabs.default)[0]
  return [...new Set(first ? [first, ...ordered] : ordered)]
}
