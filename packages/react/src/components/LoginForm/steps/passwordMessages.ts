import type { FormLang } from '../../form/errorMessages.js'

/** The password steps' strings, in their own chunk. */
export const passwordMessages: Record<FormLang, Record<PasswordMessageKey, string>> = {
  'en-US': {
    firstLoginPassword: 'This is your first login: choose a password of your own.',
    forcePasswordReset: 'Your password has not changed for too long: choose a new one.',
    forcePasswordResetCycle: 'Passwords here change every {n} {unit}: choose a new one.',
    unsafePassword: 'Your password is on a list of unsafe passwords: choose another one.',
    DAY: 'days',
    MONTH: 'months',
    YEAR: 'years',
    current: 'Current password',
    repeat: 'Repeat the new password',
    mismatch: 'The two passwords differ',
    rules: 'The new password needs',
    length: 'at least {min} characters',
    kinds: 'at least {n} of: letters, digits, symbols',
    save: 'Set the password and log in',
  },
  'zh-CN': {
    firstLoginPassword: '这是你第一次登录，请设置自己的密码。',
    forcePasswordReset: '你的密码太久没有修改了，请设置新密码。',
    forcePasswordResetCycle: '密码每 {n} {unit}需要修改一次，请设置新密码。',
    unsafePassword: '你的密码在不安全密码列表中，请换一个。',
    DAY: '天',
    MONTH: '个月',
    YEAR: '年',
    current: '当前密码',
    repeat: '再次输入新密码',
    mismatch: '两次输入的密码不一致',
    rules: '新密码需要',
    length: '至少 {min} 位',
    kinds: '包含字母、数字、符号中的至少 {n} 种',
    save: '设置密码并登录',
  },
}

type PasswordMessageKey =
  | 'firstLoginPassword'
  | 'forcePasswordReset'
  | 'forcePasswordResetCycle'
  | 'unsafePassword'
  | 'DAY'
  | 'MONTH'
  | 'YEAR'
  | 'current'
  | 'repeat'
  | 'mismatch'
  | 'rules'
  | 'length'
  | 'kinds'
  | 'save'
