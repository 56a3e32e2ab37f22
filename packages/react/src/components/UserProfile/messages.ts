import type { FormLang } from '../form/errorMessages.js'

/** Every string the profile shows, in English; Chinese gives the same keys. */
const enUS = {
  title: 'Your profile',
  loading: 'Loading your profile…',
  username: 'Username',
  email: 'Email',
  phone: 'Phone',
  notSet: 'Not set',
  photoAlt: 'Profile photo',
  detailsTitle: 'Details',
  nickname: 'Nickname',
  name: 'Full name',
  photo: 'Photo URL',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  passwordTitle: 'Change password',
  oldPassword: 'Current password',
  newPassword: 'New password',
  changePassword: 'Change password',
  passwordChanged: 'Your password was changed.',
  logout: 'Log out',
  loggingOut: 'Logging out…',
  required: 'This field is required',
  invalidEmail: 'Enter a valid email address',
  invalidPhone: 'Enter a valid phone number',
  passwordTooShort: 'The password needs at least {min} characters',
  invalidUrl: 'Enter a link that starts with https:// or http://',
}

export type UserProfileMessages = { [K in keyof typeof enUS]: string }

const zhCN: UserProfileMessages = {
  title: '个人资料',
  loading: '正在加载个人资料…',
  username: '用户名',
  email: '邮箱',
  phone: '手机号',
  notSet: '未设置',
  photoAlt: '头像',
  detailsTitle: '基本信息',
  nickname: '昵称',
  name: '姓名',
  photo: '头像链接',
  save: '保存',
  saving: '保存中…',
  saved: '已保存。',
  passwordTitle: '修改密码',
  oldPassword: '当前密码',
  newPassword: '新密码',
  changePassword: '修改密码',
  passwordChanged: '密码已修改。',
  logout: '退出登录',
  loggingOut: '正在退出…',
  required: '此项为必填项',
  invalidEmail: '请输入正确的邮箱地址',
  invalidPhone: '请输入正确的手机号',
  passwordTooShort: '密码至少需要 {min} 个字符',
  invalidUrl: '请输入以 https:// 或 http:// 开头的链接',
}

export function userProfileMessages(lang: FormLang): UserProfileMessages {
  return lang === 'en-US' ? enUS : zhCN
}
