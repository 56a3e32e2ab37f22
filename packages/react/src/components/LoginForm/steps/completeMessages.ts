import type { FormLang } from '../../form/errorMessages.js'

/** The profile-completion step's strings, in the step's own chunk. */
export const completeMessages: Record<FormLang, Record<CompleteMessageKey, string>> = {
  'en-US': {
    intro: 'This application needs a few more details before you continue.',
    continue: 'Continue',
    skip: 'Skip for now',
    codeFor: 'Code sent to this {field}',
    invalid: 'This value is not valid',
    yes: 'Yes',
    choose: 'Choose…',
    M: 'Male',
    F: 'Female',
    U: 'Prefer not to say',
  },
  'zh-CN': {
    intro: '继续之前，该应用还需要你补充一些信息。',
    continue: '继续',
    skip: '暂时跳过',
    codeFor: '{field}收到的验证码',
    invalid: '格式不正确',
    yes: '是',
    choose: '请选择…',
    M: '男',
    F: '女',
    U: '不便透露',
  },
}

type CompleteMessageKey = 'intro' | 'continue' | 'skip' | 'codeFor' | 'invalid' | 'yes' | 'choose' | 'M' | 'F' | 'U'
