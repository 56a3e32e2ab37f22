/**
 * Authing business errors: a numeric `code` plus a message in the caller's language
 * (`x-authing-lang`). GraphQL serves them as `errors[].message = {code, message, data}` and REST as the
 * `{code, message, data}` envelope, both with HTTP 200, because that is what Authing's SDKs read.
 */
export type Lang = 'zh-CN' | 'en-US'

interface MessageEntry {
  code: number
  'zh-CN': string
  'en-US': string
}

/**
 * Every answer the emulator can give, by name. A few Authing codes carry several messages (2231 is
 * Authing's catch-all for bad parameters), so entries are keyed by name rather than by code.
 * `{name}` placeholders are filled from the error's params.
 */
const messages = {
  badRequest: { code: 400, 'zh-CN': '请求格式错误：{reason}', 'en-US': 'Malformed request: {reason}' },
  queryTooComplex: {
    code: 400,
    'zh-CN': '查询过于复杂：{reason}',
    'en-US': 'Query too complex: {reason}',
  },
  notFound: { code: 404, 'zh-CN': '接口不存在：{path}', 'en-US': 'No such endpoint: {path}' },
  bodyTooLarge: { code: 413, 'zh-CN': '请求体过大（上限 1 MiB）', 'en-US': 'Request body too large (limit 1 MiB)' },
  internal: { code: 500, 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' },
  notSupported: {
    code: 1000,
    'zh-CN': '模拟器不支持此操作：{field}',
    'en-US': 'Operation not supported by the emulator: {field}',
  },
  noPermission: { code: 1001, 'zh-CN': '无权限执行此操作', 'en-US': 'No permission for this operation' },
  /** `accessToken(userPoolId, secret)` with a wrong secret: refused like any unauthorised call, never retried as a login. */
  secretWrong: { code: 1001, 'zh-CN': '用户池密钥错误', 'en-US': 'Wrong user pool secret' },
  captchaRequired: {
    code: 2000,
    'zh-CN': '账号异常，需要输入验证码',
    'en-US': 'Unusual activity on this account: enter the captcha',
  },
  captchaWrong: { code: 2001, 'zh-CN': '验证码验证失败', 'en-US': 'The captcha is wrong or expired; get a new one' },
  codeWrong: { code: 2001, 'zh-CN': '验证码不正确', 'en-US': 'Verification code is incorrect' },
  codeTriesExhausted: {
    code: 2001,
    'zh-CN': '验证码错误次数过多，请重新获取',
    'en-US': 'Too many wrong verification codes; ask for a new one',
  },
  codeSentTooOften: {
    code: 2080,
    'zh-CN': '验证码发送过于频繁，请 {seconds} 秒后再试',
    'en-US': 'A code was just sent here; try again in {seconds} s',
  },
  emailFormat: { code: 2003, 'zh-CN': '邮箱格式不正确', 'en-US': 'Invalid email format' },
  userNotFound: { code: 2004, 'zh-CN': '用户不存在', 'en-US': 'User does not exist' },
  userLocked: {
    code: 2005,
    'zh-CN': '登录失败次数过多，账号已被锁定，请稍后再试',
    'en-US': 'Too many failed attempts: account locked, try again later',
  },
  passwordWrong: { code: 2006, 'zh-CN': '密码错误', 'en-US': 'Incorrect password' },
  appNotFound: { code: 2011, 'zh-CN': '应用不存在', 'en-US': 'Application not found' },
  decryptFailed: { code: 2016, 'zh-CN': '密码解密失败', 'en-US': 'Failed to decrypt the password' },
  notLoggedIn: { code: 2020, 'zh-CN': '尚未登录，无访问权限', 'en-US': 'Not logged in or the login token is invalid' },
  userExists: { code: 2026, 'zh-CN': '用户已存在', 'en-US': 'User already exists' },
  phoneFormat: { code: 2028, 'zh-CN': '手机号格式不正确', 'en-US': 'Invalid phone number' },
  tooManyPerPage: { code: 2030, 'zh-CN': '单次最多查询 80 条', 'en-US': 'At most 80 items per page' },
  passwordTooShort: {
    code: 2029,
    'zh-CN': '密码长度不能少于 6 位',
    'en-US': 'Password must be at least 6 characters',
  },
  // [I] Authing's v2 code list has no "too weak" entry; 2061 is what Guard shows under a new password field.
  passwordTooWeak: {
    code: 2061,
    'zh-CN': '密码强度不足，须包含英文、数字与符号中的至少 {kinds} 种',
    'en-US': 'Password too weak: use at least {kinds} of letters, digits and symbols',
  },
  passwordUnsafe: {
    code: 2061,
    'zh-CN': '密码过于简单，存在安全风险，请更换',
    'en-US': 'This password is too common to be safe; choose another',
  },
  passwordReused: { code: 2061, 'zh-CN': '新密码不能与原密码相同', 'en-US': 'The new password equals the current one' },
  firstLoginPasswordRequired: {
    code: 1639,
    'zh-CN': '首次登录，请重置密码',
    'en-US': 'First login: choose a new password',
  },
  profileIncomplete: { code: 1642, 'zh-CN': '请补全用户信息', 'en-US': 'Complete your profile to log in' },
  passwordExpired: { code: 2058, 'zh-CN': '密码已过期，请修改密码', 'en-US': 'Your password has expired; change it' },
  passwordUnsafeAtLogin: {
    code: 2071,
    'zh-CN': '当前密码安全性较低，请修改密码',
    'en-US': 'Your password is too common to be safe; change it',
  },
  // [I] No source shows the code of a spent or expired step token; 2207 is Authing's "invalid, log in again".
  stepTokenInvalid: {
    code: 2207,
    'zh-CN': '凭证已失效，请重新登录',
    'en-US': 'This step has expired or is over; log in again',
  },
  completionFieldRequired: { code: 2231, 'zh-CN': '请填写{label}', 'en-US': '{label} is required' },
  completionSkipNotAllowed: {
    code: 2231,
    'zh-CN': '不能跳过信息补全',
    'en-US': 'Completing the profile cannot be skipped',
  },
  completionActionUnknown: {
    code: 2231,
    'zh-CN': '不支持的操作：{action}',
    'en-US': 'Unknown authFlow action: {action}',
  },
  passwordRequired: { code: 2032, 'zh-CN': '请设置密码', 'en-US': 'A password is required' },
  usernameExists: { code: 2034, 'zh-CN': '用户名已存在', 'en-US': 'Username already exists' },
  phoneExists: { code: 2035, 'zh-CN': '手机号已被绑定', 'en-US': 'Phone number already bound' },
  oldEmailMismatch: { code: 2037, 'zh-CN': '旧邮箱不正确', 'en-US': 'Old email does not match' },
  oldPhoneMismatch: { code: 2038, 'zh-CN': '旧手机号不正确', 'en-US': 'Old phone number does not match' },
  appIdRequired: {
    code: 2101,
    'zh-CN': '请提供应用 ID（x-authing-app-id）',
    'en-US': 'Application id required (x-authing-app-id)',
  },
  emailExists: { code: 2200, 'zh-CN': '邮箱已被绑定', 'en-US': 'Email already bound' },
  oldPasswordRequired: { code: 2201, 'zh-CN': '请输入原密码', 'en-US': 'The old password is required' },
  oldPasswordWrong: { code: 2203, 'zh-CN': '原密码错误', 'en-US': 'The old password is incorrect' },
  emailInvalid: { code: 2204, 'zh-CN': '邮箱格式不正确', 'en-US': 'Invalid email format' },
  tokenExpired: { code: 2206, 'zh-CN': '登录信息已过期，请重新登录', 'en-US': 'Login expired, please log in again' },
  tokenInvalid: { code: 2207, 'zh-CN': '登录信息无效，请重新登录', 'en-US': 'Login invalid, please log in again' },
  lastLoginMethod: {
    code: 2217,
    'zh-CN': '这是该账号最后一种登录方式，不能解绑',
    'en-US': 'This is the last way to log in to the account: it cannot be unbound',
  },
  noEmailBound: { code: 2219, 'zh-CN': '当前用户未绑定邮箱', 'en-US': 'No email is bound to this user' },
  identifierTaken: {
    code: 2039,
    'zh-CN': '应用标识 {identifier} 已被占用',
    'en-US': 'Application identifier "{identifier}" is taken',
  },
  qrcodeNotFound: { code: 2241, 'zh-CN': '二维码不存在', 'en-US': 'QR code not found' },
  // [I] Authing's texts for these QR refusals are not in any source; 2241 is its QR code error.
  qrcodeExpired: { code: 2241, 'zh-CN': '二维码已过期', 'en-US': 'The QR code has expired' },
  qrcodeNotScanned: { code: 2241, 'zh-CN': '二维码尚未扫描', 'en-US': 'The QR code has not been scanned yet' },
  qrcodeDone: { code: 2241, 'zh-CN': '二维码已失效', 'en-US': 'The QR code has already been used' },
  qrcodeOtherUser: {
    code: 2241,
    'zh-CN': '二维码已被其他用户扫描',
    'en-US': 'Another user has scanned this QR code',
  },
  qrcodeTicketInvalid: {
    code: 2241,
    'zh-CN': 'ticket 不存在、已过期或已使用',
    'en-US': 'The ticket is unknown, expired or already used',
  },
  // [I] Authing's answer to an identifier the app has not enabled is not in any source; 2231 is its catch-all.
  socialConnectionUnknown: {
    code: 2231,
    'zh-CN': '应用未开启社会化登录 {identifier}',
    'en-US': 'The application has no social login "{identifier}"',
  },
  identityBindingAsk: {
    code: 1641,
    'zh-CN': '请绑定已有账号或创建新账号',
    'en-US': 'Bind an existing account or create a new one',
  },
  identityAlreadyBound: {
    code: 2231,
    'zh-CN': '该账号已绑定此身份源的其他身份',
    'en-US': 'This account is already bound to another identity of this provider',
  },
  // [I] Authing's apiCodes for WebAuthn refusals are not in any source; the emulator's own, 2360-2365.
  passkeyDisabled: {
    code: 2360,
    'zh-CN': '应用未开启通行密钥',
    'en-US': 'Passkeys are turned off for this application',
  },
  passkeyTicketInvalid: {
    code: 2361,
    'zh-CN': 'WebAuthn ticket 不存在、已过期或已使用',
    'en-US': 'The WebAuthn ticket is unknown, expired or already used',
  },
  passkeyVerificationFailed: {
    code: 2362,
    'zh-CN': '通行密钥验证失败：{reason}',
    'en-US': 'The passkey could not be verified: {reason}',
  },
  passkeyUnknown: {
    code: 2363,
    'zh-CN': '该通行密钥未在此用户池注册',
    'en-US': 'This passkey is not registered in the user pool',
  },
  passkeyCounterRollback: {
    code: 2364,
    'zh-CN': '通行密钥签名计数回退，疑似被克隆',
    'en-US': 'The passkey signature counter went backwards: the authenticator may be cloned',
  },
  passkeyExists: { code: 2365, 'zh-CN': '该通行密钥已注册', 'en-US': 'This passkey is already registered' },
  userPoolNotFound: { code: 2224, 'zh-CN': '用户池不存在', 'en-US': 'User pool not found' },
  cannotUpdateEmail: {
    code: 2225,
    'zh-CN': '不能通过此接口修改邮箱，请使用 updateEmail',
    'en-US': 'Email cannot be changed here: use updateEmail',
  },
  cannotUpdatePhone: {
    code: 2226,
    'zh-CN': '不能通过此接口修改手机号，请使用 updatePhone',
    'en-US': 'Phone cannot be changed here: use updatePhone',
  },
  cannotUpdateIdentity: {
    code: 2231,
    'zh-CN': '用户不能修改 {field}：它由身份源写入',
    'en-US': 'Users cannot set {field}: the identity provider writes it',
  },
  invalidDate: {
    code: 2231,
    'zh-CN': '参数 {field} 不是合法的时间（ISO 8601）',
    'en-US': 'Parameter {field} is not a valid date-time (ISO 8601)',
  },
  sameEmail: { code: 2229, 'zh-CN': '新邮箱与旧邮箱相同', 'en-US': 'The new email equals the current one' },
  samePhone: { code: 2230, 'zh-CN': '新手机号与旧手机号相同', 'en-US': 'The new phone equals the current one' },
  invalidParam: {
    code: 2231,
    'zh-CN': '参数 {field} 缺失或类型错误',
    'en-US': 'Parameter {field} is missing or has the wrong type',
  },
  usernameInvalid: {
    code: 2231,
    'zh-CN': '用户名不能为空，且不能包含控制字符或不可见字符',
    'en-US': 'A username cannot be empty, nor hold control or invisible characters',
  },
  paramTooLong: {
    code: 2231,
    'zh-CN': '参数 {field} 过长（最多 {max} 个字符）',
    'en-US': 'Parameter {field} is too long (at most {max} characters)',
  },
  noPhoneBound: { code: 2231, 'zh-CN': '当前用户未绑定手机号', 'en-US': 'No phone number is bound to this user' },
  udfNotFound: {
    code: 2231,
    'zh-CN': '自定义字段 {key} 不存在',
    'en-US': 'User-defined field {key} does not exist',
  },
  udvInvalid: {
    code: 2231,
    'zh-CN': '自定义字段 {key} 的值不是合法的 {dataType}',
    'en-US': 'The value of user-defined field {key} is not a valid {dataType}',
  },
  // Authing documents no dedicated codes for these: they answer its catch-all 2231 with a precise message.
  roleExists: { code: 2231, 'zh-CN': '角色 {code} 已存在', 'en-US': 'Role "{code}" already exists' },
  roleNotFound: { code: 2231, 'zh-CN': '角色 {code} 不存在', 'en-US': 'Role "{code}" does not exist' },
  groupExists: { code: 2231, 'zh-CN': '分组 {code} 已存在', 'en-US': 'Group "{code}" already exists' },
  groupNotFound: { code: 2231, 'zh-CN': '分组 {code} 不存在', 'en-US': 'Group "{code}" does not exist' },
  resourceExists: { code: 2231, 'zh-CN': '资源 {code} 已存在', 'en-US': 'Resource "{code}" already exists' },
  resourceNotFound: { code: 2231, 'zh-CN': '资源 {code} 不存在', 'en-US': 'Resource "{code}" does not exist' },
  namespaceInUse: {
    code: 2231,
    'zh-CN': '权限分组 {code} 属于应用、是默认分组或仍有角色和资源，不能删除或修改 code',
    'en-US':
      'Namespace "{code}" belongs to an application, is the default one or still holds roles or resources: it cannot be deleted or recoded',
  },
  namespaceExists: { code: 2231, 'zh-CN': '权限分组 {code} 已存在', 'en-US': 'Namespace "{code}" already exists' },
  // No code of Authing's is documented for an unticked agreement: the catch-all 2231 [inferred].
  agreementRequired: {
    code: 2231,
    'zh-CN': '请先阅读并同意协议（{ids}）',
    'en-US': 'Read and accept the required agreements first ({ids})',
  },
  agreementNotFound: { code: 2231, 'zh-CN': '协议 {id} 不存在', 'en-US': 'Agreement {id} does not exist' },
  registerDisabled: { code: 2031, 'zh-CN': '应用已关闭注册', 'en-US': 'Registration is disabled for this application' },
  personalMfaRequired: {
    code: 1635,
    'zh-CN': '请输入二次认证安全码',
    'en-US': 'Enter the code of your authenticator app',
  },
  appMfaRequired: { code: 1636, 'zh-CN': '请完成二次认证', 'en-US': 'This application asks for a second factor' },
  mfaTokenInvalid: {
    code: 2021,
    'zh-CN': '二次认证已失效，请重新登录',
    'en-US': 'The second-factor step has expired or is over; log in again',
  },
  mfaFactorNotAllowed: {
    code: 2231,
    'zh-CN': '当前登录不支持此认证方式：{factor}',
    'en-US': 'This login does not offer the factor {factor}',
  },
  mfaDestinationMismatch: {
    code: 2231,
    'zh-CN': '{field} 不是该账号绑定的',
    'en-US': 'The {field} is not the one bound to this account',
  },
  totpNotEnrolled: { code: 2231, 'zh-CN': '尚未绑定 TOTP', 'en-US': 'No authenticator app is bound to this account' },
  totpAlreadyEnrolled: {
    code: 2231,
    'zh-CN': '已绑定 TOTP，请先解绑',
    'en-US': 'An authenticator app is already bound; unbind it first',
  },
  totpWrong: { code: 6001, 'zh-CN': '安全码错误', 'en-US': 'Incorrect authenticator code' },
  recoveryCodeWrong: { code: 6002, 'zh-CN': '恢复代码错误', 'en-US': 'Incorrect recovery code' },
  codeExpired: { code: 2300, 'zh-CN': '验证码已过期', 'en-US': 'Verification code expired' },
  badCredentials: { code: 2333, 'zh-CN': '账号或密码错误', 'en-US': 'Incorrect account or password' },
  // Codes the Python SDK's tests show for a missing namespace: 3003 on delete, 3005 on update.
  namespaceNotFoundOnDelete: {
    code: 3003,
    'zh-CN': '权限分组 {code} 不存在',
    'en-US': 'Namespace "{code}" does not exist',
  },
  // Creating in a missing namespace: the code of the update's refusal (no source shows this one).
  namespaceNotFound: {
    code: 3005,
    'zh-CN': '权限分组 {code} 不存在',
    'en-US': 'Namespace "{code}" does not exist',
  },
  namespaceNotFoundOnUpdate: {
    code: 3005,
    'zh-CN': '权限分组 {code} 不存在',
    'en-US': 'Namespace "{code}" does not exist',
  },
} satisfies Record<string, MessageEntry>

export type ErrorName = keyof typeof messages

/** Thrown by resolvers and handlers; rendered in the request's language at the edge. */
export class AuthingBusinessError extends Error {
  readonly code: number
  constructor(
    readonly errorName: ErrorName,
    readonly params: Record<string, string | number> = {},
    readonly data?: unknown,
  ) {
    super(render(errorName, params, 'en-US'))
    this.name = 'AuthingBusinessError'
    this.code = messages[errorName].code
  }

  /** The `{code, message, data}` object Authing puts in REST envelopes and GraphQL error messages. */
  toBody(lang: Lang): { code: number; message: string; data?: unknown } {
    const body: { code: number; message: string; data?: unknown } = {
      code: this.code,
      message: render(this.errorName, this.params, lang),
    }
    if (this.data !== undefined) body.data = this.data
    return body
  }
}

/** A localised success or error message by name (also used for success texts such as `codeSent`). */
export function render(name: ErrorName, params: Record<string, string | number>, lang: Lang): string {
  return messages[name][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''))
}

/** `x-authing-lang` → one of the two languages Authing answers in; Chinese unless English is asked for. */
export function parseLang(header: string | null): Lang {
  return header?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN'
}

/** Success messages, so that `code: 200` answers speak the caller's language too. */
const successMessages = {
  ok: { 'zh-CN': '成功', 'en-US': 'Success' },
  codeSent: { 'zh-CN': '发送成功', 'en-US': 'Code sent' },
  passwordReset: { 'zh-CN': '重置密码成功', 'en-US': 'Password reset' },
  passwordUpdated: { 'zh-CN': '密码修改成功，请重新登录', 'en-US': 'Password updated: log in again' },
  loggedIn: { 'zh-CN': '已登录', 'en-US': 'Logged in' },
  loggedOut: { 'zh-CN': '退出登录成功', 'en-US': 'Logged out' },
  udvRemoved: { 'zh-CN': '删除成功', 'en-US': 'Removed' },
  deleted: { 'zh-CN': '删除成功', 'en-US': 'Deleted' },
  saved: { 'zh-CN': '操作成功', 'en-US': 'Done' },
  totpBound: { 'zh-CN': 'TOTP MFA 绑定成功', 'en-US': 'Authenticator app bound' },
  totpUnbound: { 'zh-CN': 'TOTP MFA 解绑成功', 'en-US': 'Authenticator app unbound' },
} satisfies Record<string, Record<Lang, string>>

export function successMessage(name: keyof typeof successMessages, lang: Lang): string {
  return successMessages[name][lang]
}

/** GraphQL `CommonMessage` of a management write that succeeded. */
export function commonMessage(
  lang: Lang,
  name: keyof typeof successMessages = 'saved',
): { code: number; message: string } {
  return { code: 200, message: successMessage(name, lang) }
}
