import { isAuthingError } from '@authing-kit/client'

/** The languages the ready-made screens speak. */
export type FormLang = 'zh-CN' | 'en-US'

type Catalog = Partial<Record<string, string>>

// Keyed by String(code): Authing's numeric codes and the client's own named ones share one table.
const catalogs: Record<FormLang, { codes: Catalog; fallback: string; attemptsLeft: string }> = {
  'en-US': {
    codes: {
      '2333': 'Incorrect account or password.',
      '2004': 'Incorrect account or password.',
      '2006': 'Incorrect account or password.',
      '2005': 'Too many failed attempts. Your account is locked for a while; try again later.',
      '2001': 'The verification code is incorrect.',
      '2300': 'The verification code has expired. Request a new one.',
      '6001': 'The authenticator code is incorrect. Check the time on your phone and try again.',
      '6002': 'The recovery code is incorrect.',
      '2021': 'The verification has expired or failed too often. Log in again.',
      '2026': 'An account with these details already exists.',
      '2034': 'This username is taken.',
      '2035': 'This phone number is already in use.',
      '2200': 'This email is already in use.',
      '2003': 'Enter a valid email address.',
      '2204': 'Enter a valid email address.',
      '2028': 'Enter a valid phone number.',
      '2029': 'The password is too short.',
      network_error: 'Cannot reach the server. Check your connection and try again.',
      timeout: 'The server took too long to answer. Try again.',
      rate_limited: 'Too many attempts. Wait a moment and try again.',
      bad_response: 'The server sent an unexpected answer. Try again later.',
    },
    fallback: 'Something went wrong. Try again.',
    attemptsLeft: '{n} attempts left before the account locks.',
  },
  'zh-CN': {
    codes: {
      '2333': '账号或密码错误。',
      '2004': '账号或密码错误。',
      '2006': '账号或密码错误。',
      '2005': '登录失败次数过多，账号已被暂时锁定，请稍后再试。',
      '2001': '验证码不正确。',
      '2300': '验证码已过期，请重新获取。',
      '6001': '安全码错误，请检查手机时间后重试。',
      '6002': '恢复代码错误。',
      '2021': '验证已过期或失败次数过多，请重新登录。',
      '2026': '该账号已存在。',
      '2034': '用户名已被占用。',
      '2035': '该手机号已被使用。',
      '2200': '该邮箱已被使用。',
      '2003': '请输入正确的邮箱地址。',
      '2204': '请输入正确的邮箱地址。',
      '2028': '请输入正确的手机号。',
      '2029': '密码太短。',
      network_error: '无法连接服务器，请检查网络后重试。',
      timeout: '服务器响应超时，请重试。',
      rate_limited: '操作过于频繁，请稍后再试。',
      bad_response: '服务器返回了异常数据，请稍后再试。',
    },
    fallback: '出错了，请重试。',
    attemptsLeft: '再错 {n} 次账号将被锁定。',
  },
}

/**
 * What to tell the user about a failure, in their language. Codes the form knows get a friendly
 * sentence; any other server refusal shows the server's own message (callers render it as text,
 * never as markup); anything else gets a generic sentence.
 */
export function errorMessage(error: unknown, lang: FormLang): string {
  const catalog = catalogs[lang]
  if (!isAuthingError(error)) return catalog.fallback
  const known = catalog.codes[String(error.code)]
  // A wrong password says how many tries are left before the lockout, where the server tells (2333).
  const left = (error.data as { remainCount?: unknown } | undefined)?.remainCount
  if (known !== undefined && typeof left === 'number' && left > 0)
    return `${known} ${catalog.attemptsLeft.replace('{n}', String(left))}`
  if (known !== undefined) return known
  return typeof error.code === 'number' && error.message.trim() !== '' ? error.message : catalog.fallback
}
