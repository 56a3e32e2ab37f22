/**
 * `GET /api/v2/applications/{appId}/public-config`: what a login form needs to draw itself (Guard's
 * `ApplicationConfig`, fact sheet §10), with the emulator's values. No secrets: anyone may read it.
 */
import type { AgreementRecord, ApplicationRecord, UserPoolRecord } from '../../model/records.js'
import { loginSettingsOf } from '../domain/applications.js'
import { robotVerifyOf } from '../domain/captcha.js'
import { metaOf } from '../domain/completion/required.js'
import { effectiveMfaPolicy } from '../domain/mfa/challenge.js'
import { socialConnectionsOf } from '../domain/social/connections.js'
import type { Engine } from '../engine.js'
import { applicationMfaView } from './applications.js'

const tabTitles: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  password: { 'zh-CN': '密码登录', 'en-US': 'Password' },
  'phone-code': { 'zh-CN': '验证码登录', 'en-US': 'Verification code' },
  'app-qrcode': { 'zh-CN': 'APP 扫码登录', 'en-US': 'Scan with the app' },
  'wechat-miniprogram-qrcode': { 'zh-CN': '小程序扫码登录', 'en-US': 'WeChat mini program' },
  'wechatmp-qrcode': { 'zh-CN': '公众号扫码登录', 'en-US': 'WeChat official account' },
  passkey: { 'zh-CN': 'Passkey 登录', 'en-US': 'Passkey' },
  email: { 'zh-CN': '邮箱注册', 'en-US': 'Email' },
  phone: { 'zh-CN': '手机号注册', 'en-US': 'Phone' },
}

/** The codes the emulator sends are 6 digits (../domain/codes.ts). */
const verifyCodeLength = 6

export function publicConfigView(
  engine: Engine,
  app: ApplicationRecord,
  pool: UserPoolRecord,
  agreements: AgreementRecord[],
): Record<string, unknown> {
  const login = loginSettingsOf(app)
  const robotVerify = robotVerifyOf(pool)
  const titles = (tabs: string[]) => Object.fromEntries(tabs.map((tab) => [tab, tabTitles[tab]?.['zh-CN'] ?? tab]))
  const appHost = engine.settings.appHost
  return {
    id: app.id,
    userPoolId: app.userPoolId,
    rootUserPoolId: app.userPoolId,
    identifier: app.identifier,
    requestHostname: new URL(appHost).host,
    name: app.name,
    logo: app.logo,
    description: app.description,
    css: null,
    protocol: 'oidc',
    oidcConfig: {
      grant_types: ['authorization_code', 'password', 'refresh_token'],
      client_id: app.id,
      redirect_uris: app.redirectUris ?? [],
      scope: 'openid profile email phone address',
      response_types: ['code'],
    },
    redirectUris: app.redirectUris ?? [],
    // The emulator's CORS answers any local origin (../http/cors.ts).
    allowedOrigins: [],
    corsWhitelist: [],
    publicKey: engine.publicKeyPem,
    loginTabs: { list: login.loginTabs, default: login.defaultLoginTab, title: titles(login.loginTabs) },
    passwordTabConfig: {
      enabledLoginMethods: login.passwordLoginMethods,
      validLoginMethods: login.passwordLoginMethods,
      validRegisterMethods: login.registerTabs.map((tab) => (tab === 'email' ? 'email-password' : 'phone-password')),
    },
    verifyCodeTabConfig: { enabledLoginMethods: login.verifyCodeLoginMethods },
    registerDisabled: login.registerDisabled,
    registerTabs: { list: login.registerTabs, default: login.defaultRegisterTab, title: titles(login.registerTabs) },
    verifyCodeLength,
    internationalSmsConfig: { enabled: false, defaultISOType: 'CN' },
    agreementEnabled: agreements.length > 0,
    agreements: agreements.map(({ id, title, required, lang, availableAt }) => ({
      id,
      title,
      required,
      lang,
      availableAt,
    })),
    customSecurityEnabled: false,
    appRobotVerify: robotVerify,
    userpoolRobotVerify: robotVerify,
    loginSmsConfig: { robot: { switch: 'OFF' } },
    registerSmsConfig: { robot: { switch: 'OFF' } },
    selfUnlockStrategy: 'password-captcha',
    // The rule new passwords must meet (../domain/passwords.ts), as Guard's PasswordStrength levels.
    passwordStrength: pool.passwordStrength ?? 1,
    customPasswordStrength: {},
    mfa: { faceScore: 0.65 },
    // What a login to the app must pass: its own policy, else its pool's.
    mfaBindConfigs: effectiveMfaPolicy(engine, app).map((mfa) => ({ mfa, changeable: false })),
    applicationMfa: applicationMfaView({ ...app, mfa: effectiveMfaPolicy(engine, app) }),
    passkeyEnabled: app.passkeyEnabled !== false,
    // Guard's button fields (login-flows §8.1). No logo URL: the emulator fetches nothing from other sites.
    socialConnections: socialConnectionsOf(app).map((c) => ({
      id: c.id,
      identifier: c.identifier,
      provider: c.provider,
      name: c.name,
      name_en: c.name_en,
      displayName: c.displayName,
      logo: '',
      tooltip: { 'zh-CN': c.name, 'en-US': c.name_en },
      authorizationUrl: `${appHost}/connections/social/${encodeURIComponent(c.identifier)}?app_id=${app.id}`,
      embedded: false,
      action: 'auth',
    })),
    identityProviders: [],
    // One code per QR tab; Guard sends its `id` as `extIdpConnId` for the WeChat ones.
    qrcodeTabsSettings: Object.fromEntries(
      login.loginTabs
        .filter((tab) => tab.endsWith('-qrcode'))
        .map((tab) => [tab, [{ id: app.id, title: tabTitles[tab]?.['zh-CN'], isDefault: true }]]),
    ),
    extendsFieldsEnabled: (app.extendsFields?.length ?? 0) > 0,
    extendsFields: (app.extendsFields ?? []).map((field) => {
      const { type: inputType, validateRules } = metaOf(engine, app.userPoolId, field)
      return { ...field, inputType, validateRules }
    }),
    extendsFieldsI18n: {},
    complateFiledsPlace: app.complateFiledsPlace ?? [],
    skipComplateFileds: app.skipComplateFileds ?? false,
  }
}
