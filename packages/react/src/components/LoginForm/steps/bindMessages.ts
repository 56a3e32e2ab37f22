import type { FormLang } from '../../form/errorMessages.js'

/** The identity-binding step's strings, in its own chunk. */
export const bindMessages: Record<FormLang, Record<BindMessageKey, string>> = {
  'en-US': {
    intro: 'This account you signed in with is new here. Log in with your existing account to link the two.',
    introCreate:
      'This account you signed in with is new here. Log in with your existing account to link the two, or create a new account.',
    link: 'Link and log in',
    or: 'or',
    create: 'Create a new account',
  },
  'zh-CN': {
    intro: '你使用的第三方账号尚未关联本站账号，请登录已有账号完成绑定。',
    introCreate: '你使用的第三方账号尚未关联本站账号，请登录已有账号完成绑定，或创建一个新账号。',
    link: '绑定并登录',
    or: '或',
    create: '创建新账号',
  },
}

type BindMessageKey = 'intro' | 'introCreate' | 'link' | 'or' | 'create'
