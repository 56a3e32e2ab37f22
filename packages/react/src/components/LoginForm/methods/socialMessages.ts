import type { FormLang } from '../../form/errorMessages.js'

/** The social buttons' strings, in their own chunk. */
export const socialMessages: Record<FormLang, Record<SocialMessageKey, string>> = {
  'en-US': {
    heading: 'Or continue with',
    with: 'Continue with {name}',
    opening: 'Finish in the window that opened…',
  },
  'zh-CN': {
    heading: '其他登录方式',
    with: '使用 {name} 登录',
    opening: '请在打开的窗口中完成登录…',
  },
}

type SocialMessageKey = 'heading' | 'with' | 'opening'
