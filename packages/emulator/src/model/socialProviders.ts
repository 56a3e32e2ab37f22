/**
 * Names of the social providers the emulator's seed knows by type (Authing's `SocialConnectionProvider`,
 * login-flows §8.2), and who the stand-in provider says the user is when the seed does not say.
 */
import type { SocialConnectionRecord } from './records.js'

const names: Record<string, { name: string; name_en: string }> = {
  github: { name: 'GitHub', name_en: 'GitHub' },
  'wechat:pc': { name: '微信扫码', name_en: 'WeChat' },
  dingtalk: { name: '钉钉', name_en: 'DingTalk' },
  'wechatwork:corp:qrconnect': { name: '企业微信', name_en: 'WeCom' },
  alipay: { name: '支付宝', name_en: 'Alipay' },
  google: { name: 'Google', name_en: 'Google' },
  qq: { name: 'QQ', name_en: 'QQ' },
  weibo: { name: '微博', name_en: 'Weibo' },
}

export function providerNames(provider: string): { name: string; name_en: string } {
  return names[provider] ?? { name: provider, name_en: provider }
}

/** GitHub's own example user for GitHub; a plain stand-in elsewhere. */
export function defaultAccount(provider: string): SocialConnectionRecord['account'] {
  if (provider === 'github') return { userIdInIdp: '583231', nickname: 'octocat', email: null, photo: null }
  const slug = provider.replace(/[^a-z0-9]+/gi, '-')
  return { userIdInIdp: `${slug}-10001`, nickname: `${providerNames(provider).name_en} user`, email: null, photo: null }
}
